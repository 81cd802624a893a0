import { Card, Statistic, Tooltip } from 'antd';
import type { DashboardFigures, FigureRef } from '../../../shared/dashboard/figures';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { formatMinutes, formatRate } from './dashboard-format';
import { DASHBOARD_TEXT } from './dashboard-text';

interface Kpi {
  id: string;
  title: string;
  value: string | number;
  note: string;
  ref: FigureRef;
  danger?: boolean;
}

/** The morning's headline numbers; each opens the cases behind it. */
export function KpiCards({ f, onDrill }: { f: DashboardFigures; onDrill: (ref: FigureRef) => void }) {
  const tx = useLabels(DASHBOARD_TEXT);
  const { lang } = useI18n();
  const sum = (pick: (s: DashboardFigures['stages'][number]) => number) => f.stages.reduce((n, s) => n + pick(s), 0);
  const completed = sum((s) => (s.sla.budgetMinutes === null ? 0 : s.sla.completed));
  const breached = sum((s) => s.sla.breached);
  const breachingNow = sum((s) => s.sla.breachingNow);
  const fmt = (m: number | null) => formatMinutes(m, f.workdayMinutes, lang);
  const kpis: Kpi[] = [
    { id: 'exits', title: tx('kpiExits'), value: sum((s) => s.exits), note: tx('clickHint'), ref: { kind: 'throughput' } },
    {
      id: 'e2e',
      title: tx('kpiEndToEnd'),
      value: `${fmt(f.endToEnd.cycle.p50)} / ${fmt(f.endToEnd.cycle.p90)}`,
      note: tx('ofCases', { count: f.endToEnd.cycle.count }),
      ref: { kind: 'cycle', stage: 'endToEnd' },
    },
    { id: 'breachRate', title: tx('kpiBreachRate'), value: formatRate(completed ? breached / completed : null), note: tx('ofCompleted', { count: completed }), ref: { kind: 'slaBreached' } },
    { id: 'breachingNow', title: tx('kpiBreachingNow'), value: breachingNow, note: tx('ofCases', { count: breachingNow }), ref: { kind: 'breachingNow' }, danger: breachingNow > 0 },
    { id: 'backlog', title: tx('kpiBacklog'), value: sum((s) => s.open), note: tx('clickHint'), ref: { kind: 'backlog' } },
    { id: 'firstPass', title: tx('kpiFirstPass'), value: formatRate(f.quality.firstPassYield), note: tx('ofDecided', { count: f.quality.decided }), ref: { kind: 'firstPass', returned: false } },
    { id: 'returnRate', title: tx('kpiReturnRate'), value: formatRate(f.quality.returnRate), note: tx('ofReviewed', { count: f.quality.reviewed }), ref: { kind: 'returns' } },
    {
      id: 'approval',
      title: tx('kpiApproval'),
      value: `${formatRate(f.decisions.approvalRate)} / ${formatRate(f.decisions.declineRate)}`,
      note: `${tx('approved')} ${f.decisions.approved} · ${tx('declined')} ${f.decisions.declined}`,
      ref: { kind: 'decision', outcome: 'approved' },
    },
  ];
  return (
    <div className="dash-kpis">
      {kpis.map((k) => (
        <Tooltip key={k.id} title={tx('clickHint')}>
          <Card size="small" hoverable className="dash-kpi" data-testid={`dash-kpi-${k.id}`} onClick={() => onDrill(k.ref)}>
            <Statistic title={k.title} value={k.value} styles={{ content: k.danger ? { color: '#cf1322' } : {} }} />
            <div className="dash-kpi-note">{k.note}</div>
          </Card>
        </Tooltip>
      ))}
    </div>
  );
}
