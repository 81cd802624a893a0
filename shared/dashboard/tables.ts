import { offeredReason } from '../workflow/offered-reasons';
import { RETURN_KIND_LABELS } from './actions';
import type { DashboardFigures } from './figures';
import { STAGE_LABELS, STAGES } from './stages';
import type { Label } from '../domain/label';

export type CellValue = string | number | null;

export interface TableColumn {
  zh: string;
  en: string;
  /** How a spreadsheet shows the number: rates as percentages, the rest as plain numbers or text; money is held in integer fen and shown in yuan. */
  format: 'text' | 'int' | 'number' | 'percent' | 'money';
}

/** One exportable table of the dashboard: the same rows for CSV and XLSX. */
export interface TableModel {
  name: string;
  title: Label;
  columns: TableColumn[];
  rows: CellValue[][];
}

const col = (zh: string, en: string, format: TableColumn['format'] = 'int'): TableColumn => ({ zh, en, format });
/** A label in both languages: exports are read by Chinese and English readers alike. */
export const both = (l: Label) => `${l.zh} ${l.en}`;

/** A recorded reason: one the forms offered in both languages, one typed in as written. */
function reasonText(recorded: string): string {
  const offered = offeredReason(recorded);
  return offered ? both(offered) : recorded;
}

/** Per stage: throughput, time in stage, SLA and backlog ageing. */
export function stagesTable(f: DashboardFigures): TableModel {
  return {
    name: 'stages',
    title: { zh: '阶段指标', en: 'Stages' },
    columns: [
      col('阶段', 'Stage', 'text'),
      col('流出件数', 'Exits'),
      col('用时P50(工作分钟)', 'Cycle p50 (working min)', 'number'),
      col('用时P90(工作分钟)', 'Cycle p90 (working min)', 'number'),
      col('平均用时(工作分钟)', 'Cycle mean (working min)', 'number'),
      col('SLA(工作分钟)', 'SLA (working min)', 'number'),
      col('已完成(有SLA)', 'Completed with SLA'),
      col('超时件数', 'Breached'),
      col('超时率', 'Breach rate', 'percent'),
      col('当前超时', 'Breaching now'),
      col('在办<4小时', 'Open < 4 h'),
      col('在办4小时-1天', 'Open 4 h – 1 d'),
      col('在办1-2天', 'Open 1–2 d'),
      col('在办>2天', 'Open > 2 d'),
    ],
    rows: f.stages.map((s) => [
      both(STAGE_LABELS[s.stage]),
      s.exits,
      s.cycle.p50,
      s.cycle.p90,
      s.cycle.mean,
      s.sla.budgetMinutes,
      s.sla.completed,
      s.sla.breached,
      s.sla.rate,
      s.sla.breachingNow,
      ...s.backlog,
    ]),
  };
}

export function peopleTable(f: DashboardFigures): TableModel {
  return {
    name: 'people',
    title: { zh: '人员指标', en: 'People' },
    columns: [
      col('人员', 'Person', 'text'),
      col('工号', 'User id', 'text'),
      col('处理件数', 'Handled'),
      col('平均处理时长(工作分钟)', 'Avg handling (working min)', 'number'),
      col('退回件数', 'Returns'),
      col('在办件数', 'Open now'),
      col('在办超时', 'Open breaching'),
    ],
    rows: f.people.map((p) => [p.name, p.personId, p.handled, p.avgHandlingMinutes, p.returns, p.openNow, p.openBreaching]),
  };
}

export function returnsTable(f: DashboardFigures): TableModel {
  return {
    name: 'returns',
    title: { zh: '退回原因', en: 'Return reasons' },
    columns: [col('退回类型', 'Kind', 'text'), col('原因', 'Reason', 'text'), col('次数', 'Count')],
    rows: f.quality.reasons.map((r) => [both(RETURN_KIND_LABELS[r.kind]), r.reason === null ? '' : reasonText(r.reason), r.count]),
  };
}

export function rulesTable(f: DashboardFigures): TableModel {
  return {
    name: 'rules',
    title: { zh: '规则命中', en: 'Rule hits' },
    columns: [
      col('规则', 'Rule', 'text'),
      col('命中次数', 'Hits'),
      col('占筛查比例', 'Share of screenings', 'percent'),
      col('转审批', 'To approval'),
      col('转调查', 'To investigation'),
      col('拒绝', 'Declined'),
    ],
    // A hit in both languages where the screening recorded both (the file is read in either).
    rows: f.rules.hits.map((h) => [h.ruleEn ? `${h.rule} / ${h.ruleEn}` : h.rule, h.count, h.share, h.outcomes.approval, h.outcomes.investigation, h.outcomes.declined]),
  };
}

/** Cases leaving each stage per local day. */
export function throughputTable(f: DashboardFigures): TableModel {
  const day = f.throughput.day;
  return {
    name: 'throughput',
    title: { zh: '每日流出', en: 'Throughput per day' },
    columns: [col('日期', 'Date', 'text'), ...STAGES.map((s) => col(STAGE_LABELS[s].zh, STAGE_LABELS[s].en))],
    rows: day.buckets.map((bucket, i) => [bucket, ...STAGES.map((s) => day.counts[s][i] ?? 0)]),
  };
}
