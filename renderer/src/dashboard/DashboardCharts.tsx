import { Card, Segmented, Select, Space } from 'antd';
import type { DashboardQueryInput } from '../../../shared/api/dashboard-api';
import { useMemo, useState, type ReactNode } from 'react';
import type { DashboardFigures, FigureRef } from '../../../shared/dashboard/figures';
import { STAGE_LABELS, type Stage } from '../../../shared/dashboard/stages';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { backlogChart, cycleChart, slaChart, throughputChart, type ChartSpec } from './chart-options';
import { DASHBOARD_TEXT } from './dashboard-text';
import { EChart } from './EChart';
import { ExportButtons } from './ExportButtons';

const HEIGHT = 300;

function ChartCard({ title, extra, spec, testId, onDrill }: { title: string; extra?: ReactNode; spec: ChartSpec; testId: string; onDrill: (ref: FigureRef) => void }) {
  return (
    <Card size="small" title={title} extra={extra} className="dash-chart-card">
      <EChart
        testId={testId}
        height={HEIGHT}
        option={spec.option}
        onClick={({ seriesIndex, dataIndex }) => {
          const ref = spec.refAt(seriesIndex, dataIndex);
          if (ref) onDrill(ref);
        }}
      />
    </Card>
  );
}

/** Throughput over time, cycle-time distribution, backlog ageing, SLA breaches; every bar opens its cases. */
export function DashboardCharts({ f, onDrill, exportQuery }: { f: DashboardFigures; onDrill: (ref: FigureRef) => void; exportQuery: DashboardQueryInput | null }) {
  const tx = useLabels(DASHBOARD_TEXT);
  const { pick, lang } = useI18n();
  const [by, setBy] = useState<'day' | 'hour'>('day');
  const [cycleStage, setCycleStage] = useState<Stage | 'endToEnd'>('endToEnd');
  const shownStage = cycleStage !== 'endToEnd' && !f.stages.some((s) => s.stage === cycleStage) ? 'endToEnd' : cycleStage;

  const throughput = useMemo(() => throughputChart(f, by, pick), [f, by, pick]);
  const cycle = useMemo(() => cycleChart(f, shownStage, lang, pick, tx('endToEnd')), [f, shownStage, lang, pick, tx]);
  const backlog = useMemo(() => backlogChart(f, [tx('age0'), tx('age1'), tx('age2'), tx('age3')], pick), [f, tx, pick]);
  const sla = useMemo(() => slaChart(f, { breached: tx('breached'), breachingNow: tx('breachingNow'), rate: tx('breachRate') }, pick), [f, tx, pick]);

  return (
    <div className="dash-charts">
      <ChartCard
        title={tx('chartThroughput')}
        testId="dash-chart-throughput"
        spec={throughput}
        onDrill={onDrill}
        extra={
          <Space size={8}>
          <ExportButtons table="throughput" query={exportQuery} />
          <Segmented<'day' | 'hour'>
            size="small"
            data-testid="dash-throughput-by"
            value={by}
            onChange={setBy}
            options={[
              { value: 'day', label: tx('byDay') },
              { value: 'hour', label: tx('byHour') },
            ]}
          />
          </Space>
        }
      />
      <ChartCard
        title={tx('chartCycle')}
        testId="dash-chart-cycle"
        spec={cycle}
        onDrill={onDrill}
        extra={
          <Select<Stage | 'endToEnd'>
            size="small"
            data-testid="dash-cycle-stage"
            style={{ width: 130 }}
            value={shownStage}
            onChange={setCycleStage}
            options={[{ value: 'endToEnd' as const, label: tx('endToEnd') }, ...f.stages.map((s) => ({ value: s.stage, label: pick(STAGE_LABELS[s.stage]) }))]}
          />
        }
      />
      <ChartCard title={tx('chartBacklog')} testId="dash-chart-backlog" spec={backlog} onDrill={onDrill} />
      <ChartCard title={tx('chartSla')} testId="dash-chart-sla" spec={sla} onDrill={onDrill} />
    </div>
  );
}
