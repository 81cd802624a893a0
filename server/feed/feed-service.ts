import type { CentralDb } from '../db/central-db';

/**
 * The change feed. A page holds changes of transactions that finished before the oldest transaction still
 * running began (`xid < xmin` of the reader's snapshot), in (xid, id) order, after the reader's cursor. Every
 * transaction that may still commit has an xid at or above that xmin, so nothing can appear behind a cursor
 * later: a pull never skips a change, whatever order concurrent commits land in. A long transaction holds
 * the feed back until it ends — it does not lose anything. Per case, xid order is also commit order: a
 * transaction may not write a case a younger one changed and committed (migration 0150 refuses it with
 * 40001 and the writer retries with a new xid), so a case's changes come out in version order.
 *
 * Each change comes with the case as it is when the page is read (it may be newer than the change): a
 * desktop keeps whichever version is highest, and appends each change's audit entries once.
 */
export class FeedService {
  constructor(private readonly db: CentralDb) {}

  /** The page as JSON text: the stored change texts are spliced in without being parsed and printed again. */
  async pageJson(after: string, limit: number): Promise<string> {
    // Decimal, without leading zeros: xid8's input reads a leading 0 as octal ("010" is 8), bigint's does not.
    const [xid, id] = after.split('.').map((part) => BigInt(part).toString()) as [string, string];
    // The page of changes first (the feed's primary key gives the order), then each one's case by its key: a
    // plain join let the planner sort the whole rest of the feed, with the cases' records, for every page.
    const rows = await this.db.query<{ xid: string; id: number; payload: string; record: string }>(
      `SELECT ch.xid::text AS xid, ch.id, ch.payload, c.record
        FROM (SELECT xid, id, case_id, payload FROM changes
               WHERE (xid, id) > ($1::xid8, $2::bigint) AND xid < pg_snapshot_xmin(pg_current_snapshot())
               ORDER BY xid, id LIMIT $3) ch
        CROSS JOIN LATERAL (SELECT record::text AS record FROM cases WHERE id = ch.case_id LIMIT 1) c
        ORDER BY ch.xid, ch.id`,
      [xid, id, limit + 1],
    );
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    const last = page[page.length - 1];
    const cursor = last ? `${last.xid}.${last.id}` : `${xid}.${id}`;
    const changes = page.map((r) => `{"cursor":"${r.xid}.${r.id}","case":${r.record},${r.payload.slice(1)}`);
    return `{"ok":true,"value":{"changes":[${changes.join(',')}],"cursor":"${cursor}","hasMore":${hasMore}}}`;
  }
}
