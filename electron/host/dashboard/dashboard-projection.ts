import { computeDashboard } from '../../../shared/dashboard/compute-dashboard';
import { DashboardLog } from '../../../shared/dashboard/dashboard-log';
import type { DashboardQuery, DashboardResult } from '../../../shared/dashboard/figures';
import { SNAPSHOT_FORMAT, restoreLog, snapshotOf } from '../../../shared/dashboard/log-snapshot';
import type { CaseFacts } from '../../../shared/dashboard/records';
import type { SlaPolicy } from '../../../shared/sla/sla-policy';
import type { WorkCalendar } from '../../../shared/sla/working-time';
import type { Db } from '../db/database';
import { log as hostLog } from '../log';
import { AuditFeed } from './audit-feed';
import { SnapshotStore } from './snapshot-store';

/** Rows read per block on the first load; between blocks the host yields so other requests are served. */
const LOAD_BLOCK = 50_000;
/** Results kept for drill-downs and exports of what the supervisor is looking at. */
const RESULT_CACHE = 4;
/** A new snapshot is saved once this many audit rows were folded since the last one. */
const SAVE_EVERY = 50_000;

export interface ProjectionDeps {
  db: Db;
  calendar: WorkCalendar;
  sla: SlaPolicy;
}

/**
 * The audit trail folded into the dashboard's records, kept in memory and brought up to date before every
 * read: the first read restores the saved snapshot (or folds the whole trail, in blocks, yielding between
 * them), later reads fold only the rows appended since. So the figures always agree with the audit trail
 * as it stands, and computing them never rescans a million rows.
 */
export class DashboardProjection {
  private readonly feed: AuditFeed;
  private readonly snapshots: SnapshotStore;
  private readonly policy: string;
  private log: DashboardLog | null = null;
  private loading: Promise<DashboardLog> | null = null;
  private facts: Map<string, CaseFacts> | null = null;
  private readonly results = new Map<string, DashboardResult>();
  private savedSeq = 0;
  private saving = false;
  /** Where the first read found its records (for tests and the benchmark). */
  loadedFrom: 'snapshot' | 'trail' | null = null;

  constructor(private readonly deps: ProjectionDeps) {
    this.feed = new AuditFeed(deps.db);
    this.snapshots = new SnapshotStore(deps.db);
    // Working minutes and due times in the records depend on these; another policy means a fresh fold.
    this.policy = JSON.stringify({ calendar: deps.calendar, sla: deps.sla });
  }

  /** The records, current up to the last committed audit row. */
  async current(): Promise<DashboardLog> {
    const log = this.log ?? (await (this.loading ??= this.load()));
    this.catchUp(log);
    return log;
  }

  /** Figures with their drill-down lists; the same query over the same trail is computed once. */
  async result(query: DashboardQuery): Promise<DashboardResult> {
    const log = await this.current();
    const key = `${log.lastSeq}|${JSON.stringify(query, Object.keys(query).sort())}`;
    const hit = this.results.get(key);
    if (hit) {
      this.results.delete(key);
      this.results.set(key, hit); // most recently used last
      return hit;
    }
    const result = computeDashboard(log, query, { calendar: this.deps.calendar, sla: this.deps.sla });
    this.results.set(key, result);
    while (this.results.size > RESULT_CACHE) this.results.delete(this.results.keys().next().value!);
    return result;
  }

  private async load(): Promise<DashboardLog> {
    const options = { calendar: this.deps.calendar, sla: this.deps.sla, facts: (id: string) => this.factsOf(id) };
    const restored = this.restore(options);
    if (restored) {
      this.log = restored;
      this.loading = null;
      this.loadedFrom = 'snapshot';
      this.savedSeq = restored.lastSeq;
      return restored;
    }
    this.facts = this.feed.allFacts();
    const log = new DashboardLog(options);
    for (;;) {
      const rows = this.feed.block(log.lastSeq, LOAD_BLOCK);
      for (const row of rows) log.ingest(row);
      if (rows.length < LOAD_BLOCK) break;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.facts = null; // only needed for the bulk load; later cases are looked up one by one
    this.log = log;
    this.loading = null;
    this.loadedFrom = 'trail';
    this.scheduleSave(log);
    return log;
  }

  private catchUp(log: DashboardLog): void {
    if (this.feed.maxSeq() <= log.lastSeq) return;
    for (;;) {
      const rows = this.feed.block(log.lastSeq, LOAD_BLOCK);
      for (const row of rows) log.ingest(row);
      if (rows.length < LOAD_BLOCK) break;
    }
    if (log.lastSeq - this.savedSeq >= SAVE_EVERY) this.scheduleSave(log);
  }

  private restore(options: Parameters<typeof restoreLog>[0]): DashboardLog | null {
    try {
      const snap = this.snapshots.load(SNAPSHOT_FORMAT, this.policy);
      return snap ? restoreLog(options, snap) : null;
    } catch (e) {
      hostLog.error('dashboard', 'snapshot unreadable; folding the audit trail afresh', e);
      return null;
    }
  }

  /** Saves after the answer has gone out: the supervisor never waits for the snapshot. */
  private scheduleSave(log: DashboardLog): void {
    if (this.saving) return;
    this.saving = true;
    setImmediate(() => {
      this.saving = false;
      if (!this.deps.db.open) return; // the host closed in the meantime; the next start folds again
      try {
        this.snapshots.save(snapshotOf(log), this.policy, new Date().toISOString());
        this.savedSeq = log.lastSeq;
      } catch (e) {
        hostLog.error('dashboard', 'could not save the dashboard snapshot', e);
      }
    });
  }

  private factsOf(caseId: string): CaseFacts | undefined {
    return this.facts?.get(caseId) ?? this.feed.facts(caseId);
  }
}
