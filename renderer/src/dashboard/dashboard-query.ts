import type { DashboardQueryInput } from '../../../shared/api/dashboard-api';
import type { DashboardFigures } from '../../../shared/dashboard/figures';
import type { Stage } from '../../../shared/dashboard/stages';
import type { ProductCode } from '../../../shared/products/catalog';
import { shanghaiDayStartUtc } from '../format/time';

/** What the supervisor picked: Shanghai calendar days (inclusive) and the filters. */
export interface DashboardSelection {
  days: [string, string];
  stage?: Stage;
  team?: 'retail' | 'corporate';
  product?: ProductCode;
  branch?: string;
  person?: string;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function shanghaiToday(nowMs: number): string {
  return new Date(nowMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export type Preset = 'today' | 'last7' | 'last30' | 'thisMonth';

/** The days of a preset period, ending today. */
export function presetDays(preset: Preset, nowMs: number): [string, string] {
  const today = shanghaiToday(nowMs);
  switch (preset) {
    case 'today':
      return [today, today];
    case 'last7':
      return [addDays(today, -6), today];
    case 'last30':
      return [addDays(today, -29), today];
    case 'thisMonth':
      return [`${today.slice(0, 7)}-01`, today];
  }
}

/** The API query: from the start of the first day to the start of the day after the last (the host stops at now). */
export function toQuery(s: DashboardSelection): DashboardQueryInput {
  const q: DashboardQueryInput = { from: shanghaiDayStartUtc(s.days[0]), to: shanghaiDayStartUtc(addDays(s.days[1], 1)) };
  if (s.stage) q.stage = s.stage;
  if (s.team) q.team = s.team;
  if (s.product) q.product = s.product;
  if (s.branch) q.branch = s.branch;
  if (s.person) q.person = s.person;
  return q;
}

/** A drill-down reads the figures at the same instant they were computed, so its list matches the number shown. */
export function drillQuery(query: DashboardQueryInput, figures: DashboardFigures): DashboardQueryInput {
  return { ...query, to: figures.period.to };
}
