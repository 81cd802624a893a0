import { Card, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DashboardQueryInput } from '../../../shared/api/dashboard-api';
import { RETURN_KIND_LABELS } from '../../../shared/dashboard/actions';
import type { DashboardFigures, FigureRef, ReturnReasonRow, RuleHitRow, StageFigures } from '../../../shared/dashboard/figures';
import { STAGE_LABELS } from '../../../shared/dashboard/stages';
import { useI18n } from '../i18n/I18nProvider';
import { ruleText } from './figure-label';
import { recordedReason } from '../i18n/recorded-reasons';
import { useLabels } from '../i18n/use-labels';
import { formatMinutes, formatRate } from './dashboard-format';
import { DASHBOARD_TEXT } from './dashboard-text';
import { ExportButtons } from './ExportButtons';

type Drill = (ref: FigureRef) => void;

/** A number that opens the cases behind it (plain text when there are none). */
function DrillLink({ n, to, onDrill, testId }: { n: number; to: FigureRef; onDrill: Drill; testId?: string }) {
  if (n === 0) return <span className="dash-zero">0</span>;
  return (
    <Typography.Link data-testid={testId} onClick={() => onDrill(to)}>
      {n}
    </Typography.Link>
  );
}

function Panel({ title, extra, children, testId }: { title: string; extra: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card size="small" title={title} extra={extra} className="dash-panel" data-testid={testId}>
      {children}
    </Card>
  );
}

/** Stage table, return reasons, rule hits and decisions; every count drills down, every table exports. */
export function FigureTables({ f, query, onDrill }: { f: DashboardFigures; query: DashboardQueryInput | null; onDrill: Drill }) {
  const tx = useLabels(DASHBOARD_TEXT);
  const { pick, lang } = useI18n();
  const fmt = (m: number | null) => formatMinutes(m, f.workdayMinutes, lang);
  const ages = [tx('age0'), tx('age1'), tx('age2'), tx('age3')];
  return (
    <div className="dash-tables">
      <Panel title={tx('stages')} extra={<ExportButtons table="stages" query={query} />} testId="dash-stages">
        <Table<StageFigures>
          size="small"
          pagination={false}
          rowKey="stage"
          dataSource={f.stages}
          columns={[
            { title: tx('colStage'), dataIndex: 'stage', render: (s: StageFigures['stage']) => pick(STAGE_LABELS[s]) },
            { title: tx('colExits'), align: 'right', render: (_, s) => <DrillLink n={s.exits} to={{ kind: 'throughput', stage: s.stage }} onDrill={onDrill} testId={`dash-stage-exits-${s.stage}`} /> },
            { title: tx('colP50'), align: 'right', render: (_, s) => fmt(s.cycle.p50) },
            { title: tx('colP90'), align: 'right', render: (_, s) => fmt(s.cycle.p90) },
            { title: tx('colSla'), align: 'right', render: (_, s) => (s.sla.budgetMinutes === null ? '—' : fmt(s.sla.budgetMinutes)) },
            { title: tx('colBreachRate'), align: 'right', render: (_, s) => formatRate(s.sla.rate) },
            { title: tx('colBreachingNow'), align: 'right', render: (_, s) => <DrillLink n={s.sla.breachingNow} to={{ kind: 'breachingNow', stage: s.stage }} onDrill={onDrill} /> },
            ...ages.map((age, bucket) => ({
              title: age,
              align: 'right' as const,
              render: (_: unknown, s: StageFigures) => <DrillLink n={s.backlog[bucket] ?? 0} to={{ kind: 'backlog', stage: s.stage, bucket }} onDrill={onDrill} />,
            })),
          ]}
        />
      </Panel>
      <div className="dash-tables-row">
        <Panel title={tx('returns')} extra={<ExportButtons table="returns" query={query} />} testId="dash-returns">
          <Table<ReturnReasonRow>
            size="small"
            pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true }}
            rowKey={(r) => `${r.kind}|${r.reason ?? ''}`}
            dataSource={f.quality.reasons}
            locale={{ emptyText: tx('empty') }}
            columns={[
              { title: tx('colKind'), dataIndex: 'kind', render: (k: ReturnReasonRow['kind']) => pick(RETURN_KIND_LABELS[k]) },
              { title: tx('colReason'), dataIndex: 'reason', render: (r: string | null) => (r === null ? tx('noReason') : recordedReason(r, pick)) },
              { title: tx('colCount'), align: 'right', render: (_, r) => <DrillLink n={r.count} to={{ kind: 'returns', returnKind: r.kind, reason: r.reason }} onDrill={onDrill} /> },
            ]}
          />
        </Panel>
        <Panel title={tx('rules')} extra={<ExportButtons table="rules" query={query} />} testId="dash-rules">
          <Typography.Text type="secondary" className="dash-panel-note">
            {tx('screenings', { count: f.rules.screenings })}
          </Typography.Text>
          <Table<RuleHitRow>
            size="small"
            pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true }}
            rowKey="rule"
            dataSource={f.rules.hits}
            locale={{ emptyText: tx('empty') }}
            columns={[
              { title: tx('colRule'), dataIndex: 'rule', ellipsis: true, render: (_, r) => ruleText(r, pick) },
              { title: tx('colCount'), align: 'right', render: (_, r) => <DrillLink n={r.count} to={{ kind: 'ruleHit', rule: r.rule }} onDrill={onDrill} /> },
              { title: tx('colShare'), align: 'right', render: (_, r) => formatRate(r.share) },
              { title: tx('colOutcomes'), align: 'right', render: (_, r) => `${r.outcomes.approval} / ${r.outcomes.investigation} / ${r.outcomes.declined}` },
            ]}
          />
        </Panel>
        <Panel title={tx('decisions')} extra={null} testId="dash-decisions">
          <dl className="dash-decisions">
            <dt>{tx('approved')}</dt>
            <dd>
              <DrillLink n={f.decisions.approved} to={{ kind: 'decision', outcome: 'approved' }} onDrill={onDrill} testId="dash-decision-approved" />
              <span className="dash-rate">{formatRate(f.decisions.approvalRate)}</span>
            </dd>
            <dt>{tx('declined')}</dt>
            <dd>
              <DrillLink n={f.decisions.declined} to={{ kind: 'decision', outcome: 'declined' }} onDrill={onDrill} />
              <span className="dash-rate">{formatRate(f.decisions.declineRate)}</span>
            </dd>
            {f.decisions.declinedAt.map((d) => (
              <dd key={d.stage} className="dash-sub">
                {tx('declinedAt', { stage: pick(STAGE_LABELS[d.stage]) })} {d.count}
              </dd>
            ))}
            <dt>{tx('withdrawn')}</dt>
            <dd>
              <DrillLink n={f.decisions.withdrawn} to={{ kind: 'decision', outcome: 'withdrawn' }} onDrill={onDrill} />
            </dd>
            <dt>{tx('firstPass')}</dt>
            <dd>
              <DrillLink n={f.quality.firstPass} to={{ kind: 'firstPass', returned: false }} onDrill={onDrill} />
              <span className="dash-rate">{formatRate(f.quality.firstPassYield)}</span>
            </dd>
            <dt>{tx('returnedBefore')}</dt>
            <dd>
              <DrillLink n={f.quality.decided - f.quality.firstPass} to={{ kind: 'firstPass', returned: true }} onDrill={onDrill} />
            </dd>
          </dl>
        </Panel>
      </div>
    </div>
  );
}
