import { maskIdentifiersIn } from '../../../shared/domain/masking';
import type { DashboardQueryInput, DashboardTable, DrillRow } from '../../../shared/api/dashboard-api';
import type { Actor } from '../../../shared/commands/types';
import { caseIdsOf } from '../../../shared/dashboard/drill';
import type { DashboardFigures, DashboardQuery, DashboardResult, FigureRef, ReturnReasonRow } from '../../../shared/dashboard/figures';
import { peopleTable, returnsTable, rulesTable, stagesTable, throughputTable, type TableModel } from '../../../shared/dashboard/tables';
import { fail, ok, type Result } from '../../../shared/errors';
import type { SlaPolicy } from '../../../shared/sla/sla-policy';
import type { WorkCalendar } from '../../../shared/sla/working-time';
import type { CaseService } from '../cases/case-service';
import type { CommandService } from '../commands/command-service';
import type { Db } from '../db/database';
import { DashboardProjection } from './dashboard-projection';
import { drillTable, toCsv, toXlsx } from './dashboard-export';
import { DrillRows } from './drill-rows';

export interface DashboardServiceDeps {
  db: Db;
  commands: CommandService;
  cases: CaseService;
  calendar: WorkCalendar;
  sla: SlaPolicy;
  now: () => number;
}

export interface ReassignOutcome {
  caseId: string;
  ok: boolean;
  assigneeName: string | null;
  error: { code: string; message: string; messageEn: string } | null;
}

const MAX_DRILL_BLOCK = 1_000;

/** The supervisor dashboard behind the API: figures, drill-down, export and bulk reassignment. */
export class DashboardService {
  private readonly projection: DashboardProjection;
  private readonly rows: DrillRows;
  /** Drill-down orders per cached result; they go when the result leaves the projection's cache. */
  private readonly order = new WeakMap<DashboardResult, Map<string, string[]>>();

  constructor(private readonly deps: DashboardServiceDeps) {
    this.projection = new DashboardProjection({ db: deps.db, calendar: deps.calendar, sla: deps.sla });
    this.rows = new DrillRows(deps.db);
  }

  /** Where the records came from on first use: a saved snapshot or the whole audit trail (null: not yet). */
  get loadedFrom(): 'snapshot' | 'trail' | null {
    return this.projection.loadedFrom;
  }

  /** `pii`: whether the reader may see identity numbers (else those typed into return reasons are masked). */
  async figures(input: DashboardQueryInput, pii: boolean): Promise<Result<DashboardFigures>> {
    const query = this.clamp(input);
    if (!query.ok) return query;
    const { figures } = await this.projection.result(query.value);
    return ok(pii ? figures : maskedFigures(figures));
  }

  async drill(input: DashboardQueryInput, ref: FigureRef, startRow: number, endRow: number, pii: boolean): Promise<Result<{ rows: DrillRow[]; total: number }>> {
    const query = this.clamp(input);
    if (!query.ok) return query;
    const result = await this.projection.result(query.value);
    const ids = this.orderedIds(result, ref, pii);
    const limit = Math.min(Math.max(endRow - startRow, 1), MAX_DRILL_BLOCK);
    return ok({ rows: this.rows.rows(ids.slice(startRow, startRow + limit)), total: ids.length });
  }

  async export(
    input: DashboardQueryInput,
    table: DashboardTable,
    format: 'csv' | 'xlsx',
    ref: FigureRef | undefined,
    pii: boolean,
  ): Promise<Result<{ filename: string; mime: string; base64: string }>> {
    const query = this.clamp(input);
    if (!query.ok) return query;
    const result = await this.projection.result(query.value);
    let model: TableModel;
    if (table === 'drill') {
      if (!ref) return fail('validation', '导出明细需要指定指标', 'Exporting a drill-down needs the figure it belongs to');
      model = drillTable(this.rows.rows(this.orderedIds(result, ref, pii)));
    } else {
      model = TABLES[table](pii ? result.figures : maskedFigures(result.figures));
    }
    const stamp = new Date(this.deps.now() + 8 * 3_600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    const filename = `dashboard-${model.name}-${stamp}.${format}`;
    if (format === 'csv') return ok({ filename, mime: 'text/csv;charset=utf-8', base64: Buffer.from(toCsv(model), 'utf8').toString('base64') });
    const xlsx = await toXlsx(model);
    return ok({ filename, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: xlsx.toString('base64') });
  }

  /** The cases behind a figure in drill-down order, worked out once per figure while its result is cached. */
  private orderedIds(result: DashboardResult, ref: FigureRef, pii: boolean): string[] {
    let perRef = this.order.get(result);
    if (!perRef) this.order.set(result, (perRef = new Map()));
    const key = `${pii ? 'pii' : 'masked'} ${JSON.stringify(ref)}`;
    let ids = perRef.get(key);
    if (!ids) perRef.set(key, (ids = this.rows.ordered(pii ? caseIdsOf(result, ref) : maskedCaseIdsOf(result, ref))));
    return ids;
  }

  /** Everyone who may hold at least one of the cases (same rules as assigning), most eligible first. */
  assignees(caseIds: readonly string[]): Result<{ users: { id: string; displayName: string; eligible: number; openCount: number }[] }> {
    const users = new Map<string, { id: string; displayName: string; eligible: number; openCount: number }>();
    for (const caseId of new Set(caseIds)) {
      const r = this.deps.cases.assignable(caseId);
      if (!r.ok) continue; // a case that vanished cannot be assigned; the reassignment reports it per case
      for (const u of r.value.users) {
        const entry = users.get(u.id) ?? { id: u.id, displayName: u.displayName, eligible: 0, openCount: u.openCount };
        entry.eligible += 1;
        users.set(u.id, entry);
      }
    }
    const list = [...users.values()].sort((a, b) => b.eligible - a.eligible || a.openCount - b.openCount || a.displayName.localeCompare(b.displayName, 'zh-CN'));
    return ok({ users: list });
  }

  /** One `assign` command per case, each its own transaction and audit entry; a refusal stops nothing else. */
  reassign(actor: Actor, caseIds: readonly string[], assigneeId: string, reason: string): { results: ReassignOutcome[]; succeeded: number; failed: number } {
    const results: ReassignOutcome[] = [...new Set(caseIds)].map((caseId) => {
      const r = this.deps.commands.execute(actor, 'assign', { caseId, assigneeId, reason });
      return r.ok
        ? { caseId, ok: true, assigneeName: r.value.record.assigneeName, error: null }
        : { caseId, ok: false, assigneeName: null, error: { code: r.error.code, message: r.error.message, messageEn: r.error.messageEn } };
    });
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  }

  /**
   * The period as asked, ending no later than now: [from, now] — the end is exclusive, so it is set a
   * millisecond past the clock to count what happened at this very moment too.
   */
  private clamp(input: DashboardQueryInput): Result<DashboardQuery> {
    const to = Math.min(Date.parse(input.to), this.deps.now() + 1);
    if (to <= Date.parse(input.from)) return fail('validation', '统计区间的开始时间不能晚于当前时间', 'The period must start before now');
    const query: DashboardQuery = { from: new Date(Date.parse(input.from)).toISOString(), to: new Date(to).toISOString() };
    for (const k of ['stage', 'team', 'product', 'branch', 'person'] as const) if (input[k] !== undefined) Object.assign(query, { [k]: input[k] });
    return ok(query);
  }
}

const TABLES: Record<Exclude<DashboardTable, 'drill'>, (f: DashboardFigures) => TableModel> = {
  stages: stagesTable,
  people: peopleTable,
  returns: returnsTable,
  rules: rulesTable,
  throughput: throughputTable,
};

/**
 * The figures as a reader without pii.view sees them: identifiers typed into return reasons masked, and
 * reasons that read the same once masked counted as one row.
 */
function maskedFigures(f: DashboardFigures): DashboardFigures {
  const rows = new Map<string, ReturnReasonRow>();
  for (const r of f.quality.reasons) {
    const reason = r.reason === null ? null : maskIdentifiersIn(r.reason);
    const key = `${r.kind} ${reason ?? ''}`;
    const row = rows.get(key);
    if (row) row.count += r.count;
    else rows.set(key, { ...r, reason });
  }
  return { ...f, quality: { ...f.quality, reasons: [...rows.values()] } };
}

/**
 * The cases behind a figure as a reader without pii.view names it: a return reason is the masked text he was
 * shown, standing for every recorded reason that reads so. A reason with the hidden digits filled in finds
 * nothing (else a count would confirm a guessed identity number).
 */
function maskedCaseIdsOf(result: DashboardResult, ref: FigureRef): string[] {
  if (ref.kind !== 'returns' || !ref.reason) return caseIdsOf(result, ref);
  const recorded = new Set(
    result.figures.quality.reasons
      .filter((r) => r.reason !== null && (ref.returnKind === undefined || r.kind === ref.returnKind) && maskIdentifiersIn(r.reason) === ref.reason)
      .map((r) => r.reason!),
  );
  return [...recorded].flatMap((reason) => caseIdsOf(result, { ...ref, reason }));
}
