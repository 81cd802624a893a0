import { RETURN_KIND_LABELS } from '../../../shared/dashboard/actions';
import type { DashboardFigures, FigureRef, RuleHitRow } from '../../../shared/dashboard/figures';
import { STAGE_LABELS } from '../../../shared/dashboard/stages';
import { recordedReason } from '../i18n/recorded-reasons';
import { DASHBOARD_TEXT as T } from './dashboard-text';
import type { Label } from '../../../shared/domain/label';

type PickText = (label: Label) => string;

/** A rule hit in the chosen language: older screenings recorded it in Chinese only, and show so. */
export function ruleText(row: Readonly<Pick<RuleHitRow, 'rule' | 'ruleEn'>>, pick: PickText): string {
  return pick({ zh: row.rule, en: row.ruleEn ?? row.rule });
}

/** What a drill-down lists, in words, for the drawer's title. */
export function figureLabel(ref: FigureRef, f: DashboardFigures, pick: PickText): string {
  const stage = (s: keyof typeof STAGE_LABELS | undefined) => (s ? pick(STAGE_LABELS[s]) : pick(T.all));
  const ages = [T.age0, T.age1, T.age2, T.age3];
  switch (ref.kind) {
    case 'throughput':
      return `${stage(ref.stage)} · ${pick(T.kpiExits)}${ref.day || ref.hour ? ` · ${ref.day ?? ref.hour}` : ''}`;
    case 'cycle':
      return `${ref.stage === 'endToEnd' ? pick(T.endToEnd) : stage(ref.stage)} · ${pick(T.chartCycle)}${ref.bin === undefined ? '' : ` #${ref.bin + 1}`}`;
    case 'slaBreached':
      return `${stage(ref.stage)} · ${pick(T.breached)}`;
    case 'breachingNow':
      return `${stage(ref.stage)} · ${pick(T.breachingNow)}`;
    case 'backlog':
      return `${stage(ref.stage)} · ${pick(T.kpiBacklog)}${ref.bucket === undefined ? '' : ` · ${pick(ages[ref.bucket] ?? T.age3)}`}`;
    case 'firstPass':
      return pick(ref.returned ? T.returnedBefore : T.firstPass);
    case 'returns':
      return `${ref.returnKind ? pick(RETURN_KIND_LABELS[ref.returnKind]) : pick(T.kpiReturnRate)}${ref.reason ? ` · ${recordedReason(ref.reason, pick)}` : ''}`;
    case 'decision':
      return pick(ref.outcome === 'approved' ? T.approved : ref.outcome === 'declined' ? T.declined : T.withdrawn);
    case 'ruleHit': {
      const row = f.rules.hits.find((h) => h.rule === ref.rule);
      return `${pick(T.colRule)} · ${row ? ruleText(row, pick) : ref.rule}`;
    }
    case 'person': {
      const name = f.people.find((p) => p.personId === ref.personId)?.name ?? ref.personId;
      const column = { handled: T.colHandled, returns: T.colReturns, open: T.colOpen, openBreaching: T.colOpenBreaching }[ref.column];
      return `${name} · ${pick(column)}`;
    }
  }
}
