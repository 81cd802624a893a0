import type { CaseChange } from '../../../shared/api/schemas';
import type { Result } from '../../../shared/errors';
import { FEED_START, MAX_PULL_LIMIT, type FeedPage } from '../../../shared/sync/protocol';
import { CentralUnreachable } from './central-client';
import { isAuthError, type SyncContext } from './sync-context';

export const CURSOR_KEY = 'feed_cursor';
/**
 * The first page is short: nothing can be written until it arrives, while each later page is read and sent
 * during the writing of the one before (a fresh desktop's 10,000 changes: about 0.15 s sooner).
 */
const FIRST_PAGE = 400;

/**
 * Reads the change feed from this desktop's cursor to the end, a page per transaction: the page's changes
 * and the new cursor are written together, so a crash between pages neither loses nor repeats a page (and
 * a repeated change would change nothing anyway). The next page is already on its way while one is being
 * written. Returns false if the feed could not be read to its end.
 */
export async function pullFeed(ctx: SyncContext): Promise<boolean> {
  const reader = ctx.tokens.any();
  if (!reader) return false;
  // A catch-up writes page after page: the WAL is copied into the store once at its end instead of every
  // 1,000 pages (SQLite's default), which copied the same hot index pages again each time — a tenth of a
  // fresh desktop's pull. Measured: one checkpoint after 10,000 changes takes about 55 ms.
  const autoCheckpoint = ctx.db.pragma('wal_autocheckpoint', { simple: true }) as number;
  ctx.db.pragma('wal_autocheckpoint = 0');
  let pages = 0;
  try {
    return await pullPages(ctx, reader, () => pages++);
  } finally {
    // The host may have closed the store meanwhile (shutting down mid-pull).
    if (ctx.db.open) {
      ctx.db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
      if (pages > 1) ctx.db.pragma('wal_checkpoint(PASSIVE)');
    }
  }
}

async function pullPages(ctx: SyncContext, reader: { userId: string; token: string }, written: () => void): Promise<boolean> {
  const fetchPage = (after: string, limit = MAX_PULL_LIMIT): Promise<Result<FeedPage> | CentralUnreachable> =>
    ctx.client.changes(reader.token, after, limit).catch((e: unknown) => {
      if (e instanceof CentralUnreachable) return e;
      throw e;
    });
  let next = fetchPage(ctx.store.state(CURSOR_KEY) ?? FEED_START, FIRST_PAGE);
  while (ctx.active) {
    const res = await next;
    if (res instanceof CentralUnreachable) {
      ctx.unreachable(res.why);
      return false;
    }
    ctx.reachable();
    if (!res.ok) {
      if (isAuthError(res.error)) ctx.tokens.drop(reader.userId);
      else ctx.problem(res.error);
      return false;
    }
    if (!ctx.active) return false;
    const page = res.value;
    if (page.hasMore) next = fetchPage(page.cursor);
    const changed: CaseChange[] = [];
    ctx.db.transaction(() => {
      for (const change of page.changes) {
        const c = ctx.replica.apply(change);
        if (c) changed.push(c);
      }
      ctx.store.setState(CURSOR_KEY, page.cursor);
    })();
    written();
    if (changed.length) ctx.emit(changed);
    if (!page.hasMore) return true;
  }
  return false;
}
