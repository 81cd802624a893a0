import type { DashboardFigures, FigureRef } from '../../../shared/dashboard/figures';
import { STAGE_LABELS, type Stage } from '../../../shared/dashboard/stages';
import { binLabels, formatMinutes } from './dashboard-format';
import type { Label } from '../../../shared/domain/label';

type Lang = 'zh-CN' | 'en-US';
type Pick = (label: Label) => string;

/** A chart's option and what each clickable item stands for. */
export interface ChartSpec {
  option: Record<string, unknown>;
  refAt(seriesIndex: number, dataIndex: number): FigureRef | null;
}

export const STAGE_COLORS: Record<Stage, string> = {
  doc_check: '#1456a0',
  screening: '#8c8c8c',
  investigation: '#13a8a8',
  approval: '#fa8c16',
  confirm: '#722ed1',
  contract: '#52c41a',
};
const AGE_COLORS = ['#95de64', '#ffd666', '#ff9c6e', '#f5222d'];
const GRID = { left: 56, right: 24, top: 40, bottom: 56, containLabel: false };
/** Zero draws nothing (and so cannot be clicked) rather than a bar of no length. */
const orEmpty = (n: number) => (n === 0 ? '-' : n);

/** Cases leaving each stage per day or per hour, stacked by stage. */
export function throughputChart(f: DashboardFigures, by: 'day' | 'hour', pick: Pick): ChartSpec {
  const series = by === 'day' ? f.throughput.day : f.throughput.hour;
  const stages = f.stages.map((s) => s.stage);
  const zoom = by === 'hour' && series.buckets.length > 24 * 7;
  return {
    option: {
      animation: false,
      color: stages.map((s) => STAGE_COLORS[s]),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: stages.map((s) => pick(STAGE_LABELS[s])) },
      grid: { ...GRID, bottom: zoom ? 72 : GRID.bottom },
      xAxis: { type: 'category', data: series.buckets.map((b) => b.slice(5)) }, // without the year: 'MM-DD' or 'MM-DD HH:00'
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: zoom ? [{ type: 'slider', start: 100 - (100 * 24 * 7) / series.buckets.length, end: 100, bottom: 8 }] : [],
      series: stages.map((s) => ({ name: pick(STAGE_LABELS[s]), type: 'bar', stack: 'exits', data: series.counts[s].map(orEmpty), barMaxWidth: 28 })),
    },
    refAt: (si, di) => {
      const stage = stages[si];
      const bucket = series.buckets[di];
      if (!stage || !bucket) return null;
      return by === 'day' ? { kind: 'throughput', stage, day: bucket } : { kind: 'throughput', stage, hour: bucket };
    },
  };
}

/** Histogram of time in one stage (or end to end), with p50 and p90 in the subtitle. */
export function cycleChart(f: DashboardFigures, stage: Stage | 'endToEnd', lang: Lang, pick: Pick, endToEndLabel: string): ChartSpec {
  const endToEnd = stage === 'endToEnd';
  const figures = endToEnd ? null : f.stages.find((s) => s.stage === stage);
  const counts = endToEnd ? f.endToEnd.bins : (figures?.cycleBins ?? []);
  const summary = endToEnd ? f.endToEnd.cycle : figures?.cycle;
  const labels = binLabels(endToEnd ? f.endToEndBinEdges : f.cycleBinEdges, f.workdayMinutes, lang);
  const fmt = (m: number | null | undefined) => formatMinutes(m ?? null, f.workdayMinutes, lang);
  return {
    option: {
      animation: false,
      color: [endToEnd ? '#0f3d73' : STAGE_COLORS[stage]],
      title: {
        text: `${endToEnd ? endToEndLabel : pick(STAGE_LABELS[stage])} · P50 ${fmt(summary?.p50)} · P90 ${fmt(summary?.p90)}`,
        left: 'center',
        top: 0,
        textStyle: { fontSize: 13, fontWeight: 'normal' },
      },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: GRID,
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: counts.map(orEmpty), barMaxWidth: 40, label: { show: true, position: 'top' } }],
    },
    refAt: (_si, di) => (di < counts.length ? { kind: 'cycle', stage, bin: di } : null),
  };
}

/** Open cases at the end of the period per stage, stacked by age in the stage. */
export function backlogChart(f: DashboardFigures, ageLabels: string[], pick: Pick): ChartSpec {
  const stages = f.stages.map((s) => s.stage);
  return {
    option: {
      animation: false,
      color: AGE_COLORS,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: ageLabels },
      grid: { left: 96, right: 32, top: 36, bottom: 28 },
      yAxis: { type: 'category', inverse: true, data: stages.map((s) => pick(STAGE_LABELS[s])) },
      xAxis: { type: 'value', minInterval: 1 },
      series: ageLabels.map((name, bucket) => ({
        name,
        type: 'bar',
        stack: 'age',
        barMaxWidth: 26,
        data: f.stages.map((s) => orEmpty(s.backlog[bucket] ?? 0)),
      })),
    },
    refAt: (si, di) => (stages[di] !== undefined && si < ageLabels.length ? { kind: 'backlog', stage: stages[di], bucket: si } : null),
  };
}

/** Per stage with a clock: stays that breached in the period, cases breaching now, and the breach rate. */
export function slaChart(f: DashboardFigures, labels: { breached: string; breachingNow: string; rate: string }, pick: Pick): ChartSpec {
  const rows = f.stages.filter((s) => s.sla.budgetMinutes !== null);
  return {
    option: {
      animation: false,
      color: ['#ff7875', '#cf1322', '#0f3d73'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [labels.breached, labels.breachingNow, labels.rate] },
      grid: { ...GRID, right: 56 },
      xAxis: { type: 'category', data: rows.map((s) => pick(STAGE_LABELS[s.stage])) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { name: labels.breached, type: 'bar', data: rows.map((s) => orEmpty(s.sla.breached)), barMaxWidth: 28 },
        { name: labels.breachingNow, type: 'bar', data: rows.map((s) => orEmpty(s.sla.breachingNow)), barMaxWidth: 28 },
        {
          name: labels.rate,
          type: 'line',
          yAxisIndex: 1,
          data: rows.map((s) => (s.sla.rate === null ? '-' : Math.round(s.sla.rate * 1000) / 10)),
          symbolSize: 8,
        },
      ],
    },
    refAt: (si, di) => {
      const stage = rows[di]?.stage;
      if (!stage) return null;
      return si === 1 ? { kind: 'breachingNow', stage } : { kind: 'slaBreached', stage };
    },
  };
}
