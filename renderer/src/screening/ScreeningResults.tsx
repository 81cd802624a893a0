import { Button, Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { RuleResultView, ScreeningView } from '../../../shared/api/screening-views';
import { KEY_LABELS, PARTY_LABELS } from '../../../shared/screening/negative-list-match';
import { formatShanghai } from '../format/time';
import { useI18n } from '../i18n/I18nProvider';
import { listText } from '../i18n/list-text';
import { useLabels } from '../i18n/use-labels';
import { valueText } from './screening-format';
import { OUTCOME_LABELS, SCREENING_TEXT, TEAM_LABELS } from './screening-text';
import { useValueText } from './useValueText';

type Result = NonNullable<ScreeningView['result']>;

const RESULT_COLOR = { pass: 'green', refer: 'orange', decline: 'red' } as const;

const applies = (r: RuleResultView) => r.applicable !== false;

/**
 * Each rule of the screening with its outcome and the evidence it was decided on: hits first, then the
 * rules that passed, those that did not apply to this case, and those switched off. `compact` (the approval
 * panel's narrow column) shows the hits and folds the rest away behind a toggle.
 */
export function ScreeningResults({ result, earlier, compact = false }: { result: Result; earlier: number; compact?: boolean }) {
  const { pick } = useI18n();
  const tx = useLabels(SCREENING_TEXT);
  const [showAll, setShowAll] = useState(!compact);
  const fired = result.rules.filter((r) => r.fired);
  const rest = [
    ...result.rules.filter((r) => !r.fired && r.enabled && applies(r)),
    ...result.rules.filter((r) => !r.fired && r.enabled && !applies(r)),
    ...result.rules.filter((r) => !r.enabled),
  ];
  const rows = showAll ? [...fired, ...rest] : fired;
  const columns: TableColumnsType<RuleResultView> = [
    {
      key: 'rule',
      title: tx('rule'),
      width: '38%',
      render: (_, r) => (
        <span>
          <Typography.Text code>{r.ruleId}</Typography.Text> {pick(r.description)}
        </span>
      ),
    },
    { key: 'result', title: tx('result'), width: 110, render: (_, r) => <RuleTag rule={r} /> },
    { key: 'evidence', title: tx('evidence'), render: (_, r) => <Evidence rule={r} /> },
  ];
  return (
    <div className="screening-results" data-testid="screening-results">
      <Descriptions
        size="small"
        column={3}
        items={[
          {
            key: 'outcome',
            label: tx('outcome'),
            children: (
              <Tag color={result.outcome === 'approval' ? 'green' : result.outcome === 'investigation' ? 'orange' : 'red'} data-testid="screening-outcome" data-outcome={result.outcome}>
                {pick(OUTCOME_LABELS[result.outcome])}
              </Tag>
            ),
          },
          { key: 'grade', label: tx('grade'), children: <span data-testid="screening-grade">{tx('gradePoints', { grade: result.riskGrade, points: result.grade.points })}</span> },
          { key: 'team', label: tx('team'), children: pick(TEAM_LABELS[result.team]) },
          { key: 'version', label: tx('version'), children: <span data-testid="screening-version">{tx('versionValue', { version: result.ruleSetVersion, date: result.asOf })}</span> },
          { key: 'at', label: tx('screenedAt'), children: formatShanghai(result.screenedAt) },
          ...(earlier > 0 ? [{ key: 'earlier', label: '', children: tx('earlier', { count: earlier }) }] : []),
        ]}
      />
      <Table<RuleResultView>
        rowKey="ruleId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        onRow={(r) => ({ 'data-testid': `screening-rule-${r.ruleId}`, 'data-result': r.enabled ? r.result : 'disabled' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: tx('noHits') }}
      />
      {compact && (
        <Button type="link" size="small" onClick={() => setShowAll(!showAll)} data-testid="screening-toggle-rules">
          {showAll ? tx('hitsOnly') : tx('allRules', { count: result.rules.length })}
        </Button>
      )}
    </div>
  );
}

export function RuleTag({ rule }: { rule: RuleResultView }) {
  const tx = useLabels(SCREENING_TEXT);
  if (!rule.enabled) return <Tag>{tx('disabled')}</Tag>;
  if (!applies(rule)) return <Tag>{tx('notApplicable')}</Tag>;
  if (rule.fired && rule.result === 'pass') return <Tag color="blue">{tx('passHit')}</Tag>;
  return <Tag color={RESULT_COLOR[rule.result]}>{tx(rule.result)}</Tag>;
}

/** The facts a rule read (and, for a negative-list hit, the entries found). */
export function Evidence({ rule }: { rule: RuleResultView }) {
  const { pick } = useI18n();
  const tx = useLabels(SCREENING_TEXT);
  const vt = useValueText();
  if (!rule.enabled) return null;
  const params = Object.entries(rule.evidence.params);
  return (
    <div className="screening-evidence">
      {rule.evidence.facts.map((f) => (
        <div key={f.fact}>
          {pick(f.label)}{tx('sep')}{valueText(f.value, f.unit, f.fact, vt)}
        </div>
      ))}
      {params.length > 0 && (
        <div className="screening-params">
          {tx('params')}{tx('sep')}{listText(params.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('/') : String(v)}`), pick)}
        </div>
      )}
      {rule.evidence.matches?.map((m) => (
        <div key={m.entryId} className="screening-match" data-testid="screening-match">
          <Typography.Text type="danger">{tx('hitOn', { party: pick(PARTY_LABELS[m.party]), key: pick(KEY_LABELS[m.key]), value: m.maskedValue })}</Typography.Text>
          <div>{tx('listedFor', { reason: m.reason || '—', source: m.source || '—', date: m.listedOn ? tx('listedOn', { date: m.listedOn }) : '' })}</div>
        </div>
      ))}
    </div>
  );
}
