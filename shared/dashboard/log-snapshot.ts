import { RecordTable } from './columns';
import { DashboardLog, type CaseLive, type DashboardLogOptions } from './dashboard-log';
import type { CaseEntry, PersonEntry } from './records';

/**
 * The folded log as bytes and JSON, so a restarted host reads its dashboard back in a moment instead of
 * folding the whole audit trail again. Numbers go into one blob of typed-array columns; strings (case ids,
 * facts, names, reasons) into JSON. Bump FORMAT whenever the records or their meaning change: a snapshot of
 * another format is ignored and the trail is folded afresh.
 */
export const SNAPSHOT_FORMAT = 2;

export interface LogSnapshot {
  format: number;
  lastSeq: number;
  meta: string;
  columns: Uint8Array;
}

interface Meta {
  cases: [string, string, string, string, number[]][];
  people: [string, string][];
  states: string[];
  lengths: number[];
  workReasons: [number, readonly string[]][];
  screeningReasons: [number, readonly string[]][];
  ruleEnglish: [string, string][];
}

const newLive = () =>
  new RecordTable({ state: 'u8', visit: 'i32', visitMs: 'f64', holding: 'i32', holder: 'i32', holderSinceMs: 'f64', submittedMs: 'f64', returns: 'i32' });

const tablesOf = (log: DashboardLog) => [log.visits, log.holdings, log.work, log.decisions, log.ends, log.screenings] as const;
const isoOrEmpty = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');

export function snapshotOf(log: DashboardLog): LogSnapshot {
  const { cases, people, live } = log.state();
  const states: string[] = [];
  const liveTable = newLive();
  for (const c of live) {
    let state = 0;
    if (c.state !== null) {
      state = states.indexOf(c.state) + 1;
      if (state === 0) state = states.push(c.state);
    }
    liveTable.push({
      state,
      visit: c.visit,
      visitMs: c.visit >= 0 ? Date.parse(c.visitIso) : NaN,
      holding: c.holding,
      holder: c.holder,
      holderSinceMs: c.holder >= 0 ? Date.parse(c.holderSinceIso) : NaN,
      submittedMs: c.submittedIso === null ? NaN : Date.parse(c.submittedIso),
      returns: c.returns,
    });
  }
  const tables = [liveTable, ...tablesOf(log)];
  const parts = tables.flatMap((t) => t.toBytes());
  const columns = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    columns.set(p, offset);
    offset += p.byteLength;
  }
  const meta: Meta = {
    cases: cases.map((c) => [c.id, c.team, c.product, c.branch, c.actors]),
    people: people.map((p) => [p.id, p.name]),
    states,
    lengths: tables.map((t) => t.length),
    workReasons: [...log.workReasons],
    screeningReasons: [...log.screeningReasons],
    ruleEnglish: [...log.ruleEnglish],
  };
  return { format: SNAPSHOT_FORMAT, lastSeq: log.lastSeq, meta: JSON.stringify(meta), columns };
}

/** The log a snapshot was taken of; throws on a snapshot that does not hold together. */
export function restoreLog(opts: DashboardLogOptions, snap: LogSnapshot): DashboardLog {
  if (snap.format !== SNAPSHOT_FORMAT) throw new RangeError(`snapshot format ${snap.format}, expected ${SNAPSHOT_FORMAT}`);
  const meta = JSON.parse(snap.meta) as Meta;
  const log = new DashboardLog(opts);
  const liveTable = newLive();
  const tables = [liveTable, ...tablesOf(log)];
  if (meta.lengths.length !== tables.length) throw new RangeError('snapshot: wrong number of tables');
  let offset = 0;
  tables.forEach((t, i) => {
    const length = meta.lengths[i]!;
    const parts = t.columnWidths().map((width) => {
      const bytes = snap.columns.subarray(offset, offset + width * length);
      offset += width * length;
      return bytes;
    });
    (t as RecordTable<Record<string, 'f64' | 'i32' | 'u8'>>).restore(length, parts);
  });
  if (offset !== snap.columns.byteLength) throw new RangeError('snapshot: column bytes do not add up');
  const l = liveTable.cols;
  const live: CaseLive[] = Array.from({ length: liveTable.length }, (_, i) => ({
    state: l.state[i] === 0 ? null : meta.states[l.state[i]! - 1]!,
    visit: l.visit[i]!,
    visitIso: isoOrEmpty(l.visitMs[i]!),
    holding: l.holding[i]!,
    holder: l.holder[i]!,
    holderSinceIso: isoOrEmpty(l.holderSinceMs[i]!),
    submittedIso: Number.isFinite(l.submittedMs[i]!) ? new Date(l.submittedMs[i]!).toISOString() : null,
    returns: l.returns[i]!,
  }));
  const cases: CaseEntry[] = meta.cases.map(([id, team, product, branch, actors]) => ({ id, team, product, branch, actors }));
  const people: PersonEntry[] = meta.people.map(([id, name]) => ({ id, name }));
  if (live.length !== cases.length) throw new RangeError('snapshot: cases and live states differ in number');
  log.adopt(cases, people, live, snap.lastSeq);
  for (const [ix, reasons] of meta.workReasons) log.workReasons.set(ix, reasons);
  for (const [ix, reasons] of meta.screeningReasons) log.screeningReasons.set(ix, reasons);
  for (const [zh, en] of meta.ruleEnglish) log.ruleEnglish.set(zh, en);
  return log;
}
