import { Tooltip, type TableColumnsType } from 'antd';
import type { AuditRow } from '../../../shared/api/audit-trail-api';
import { formatRateBp } from '../../../shared/contracts/contract-values';
import { CASE_STATES, STATE_LABELS, type CaseState } from '../../../shared/workflow/states';
import { ACTIONS, actionLabel, detailLines } from '../case/history-labels';
import { formatFen } from '../format/money';
import { formatShanghai } from '../format/time';
import { actorText } from '../i18n/actor-text';
import { listText } from '../i18n/list-text';
import { recordedReason } from '../i18n/recorded-reasons';
import type { I18n } from '../i18n/I18nProvider';
import type { Label } from '../i18n/use-labels';
import { routeHash } from '../routing/routes';
import { AUDIT_TEXT, NON_CASE_ACTIONS } from './audit-text';

/** Every action the trail can hold, labelled: the case events and the others (login, matrix edits …). */
export const AUDIT_ACTION_LABELS: Record<string, Label> = { ...ACTIONS, ...NON_CASE_ACTIONS };


function stateText(state: string | null, pick: I18n['pick']): string {
  if (!state) return '—';
  return (CASE_STATES as readonly string[]).includes(state) ? pick(STATE_LABELS[state as CaseState]) : state;
}

/** A proposal held in the details, as one readable line (decision, amount, term, rate). */
function proposalLine(details: Record<string, unknown>, i18n: I18n, tx: (k: keyof typeof AUDIT_TEXT, p?: Record<string, string | number>) => string): string | null {
  const p = details.proposal;
  if (typeof p !== 'object' || p === null) return null;
  const q = p as { decision?: unknown; amountFen?: unknown; termMonths?: unknown; rateBp?: unknown; reasons?: unknown };
  const terms: string[] = [];
  if (typeof q.amountFen === 'number') terms.push(i18n.t('money.yuan', { amount: formatFen(q.amountFen) }));
  if (typeof q.termMonths === 'number') terms.push(i18n.t('case.termMonths', { count: q.termMonths }));
  if (typeof q.rateBp === 'number') terms.push(formatRateBp(q.rateBp));
  if (Array.isArray(q.reasons)) terms.push(listText(q.reasons.filter((r): r is string => typeof r === 'string').map((r) => recordedReason(r, i18n.pick)), i18n.pick));
  const decision = q.decision === 'approve' ? i18n.pick({ zh: '批准', en: 'approve' }) : i18n.pick({ zh: '拒绝', en: 'decline' });
  return tx('proposalLine', { decision, terms: terms.join(' · ') });
}

export function auditColumns(i18n: I18n, tx: (k: keyof typeof AUDIT_TEXT, p?: Record<string, string | number>) => string): TableColumnsType<AuditRow> {
  const { pick } = i18n;
  return [
    { key: 'seq', title: tx('colSeq'), dataIndex: 'seq', width: 70, className: 'mono' },
    { key: 'at', title: tx('colTime'), width: 170, render: (_, r) => <span className="mono nowrap">{formatShanghai(r.at, { seconds: true })}</span> },
    { key: 'actor', title: tx('colActor'), width: 90, render: (_, r) => <Tooltip title={r.actorId}>{actorText(r.actorId, r.actorName, pick)}</Tooltip> },
    { key: 'action', title: tx('colAction'), width: 110, render: (_, r) => <span data-action={r.action}>{actionLabel(r.action, pick)}</span> },
    {
      key: 'appNo',
      title: tx('colAppNo'),
      width: 160,
      render: (_, r) =>
        r.appNo && r.caseId ? (
          <a className="mono" href={routeHash({ name: 'case', caseId: r.caseId })}>
            {r.appNo}
          </a>
        ) : (
          '—'
        ),
    },
    {
      key: 'states',
      title: tx('colStates'),
      width: 150,
      render: (_, r) => (r.fromState || r.toState ? `${stateText(r.fromState, pick)} → ${stateText(r.toState, pick)}` : '—'),
    },
    { key: 'maker', title: tx('colMaker'), width: 80, render: (_, r) => r.makerName ?? '—' },
    {
      key: 'details',
      title: tx('colDetails'),
      render: (_, r) => {
        const lines = detailLines(r.details, i18n);
        const proposal = proposalLine(r.details, i18n, tx);
        return [...(proposal ? [proposal] : []), ...lines].map((line) => (
          <div key={line} className="history-detail">
            {line}
          </div>
        ));
      },
    },
    {
      key: 'hash',
      title: tx('colHash'),
      width: 110,
      render: (_, r) => (
        <Tooltip title={<span className="mono">{r.hash}</span>}>
          <span className="mono" data-testid="audit-hash">
            {r.hash.slice(0, 12)}
          </span>
        </Tooltip>
      ),
    },
  ];
}
