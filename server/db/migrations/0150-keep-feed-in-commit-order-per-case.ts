import type { CentralMigration } from './index';

/**
 * The feed (0050) lists changes by the writing transaction's xid, which never skips a change, but an xid is
 * handed out when a transaction first writes or row-locks, not when it commits. A transaction that got its
 * xid early (a push locks its cases in id order) and then waited on a row lock could update a case AFTER a
 * younger transaction had updated it and committed; its change then sorted first, and desktops, which
 * append each change's audit entries in feed order, put e.g. 'assigned' (v6) before 'claimed' (v5).
 *
 * So a case is never written over a younger writer: an UPDATE of a row whose last writer (its xmin) is a
 * transaction younger than the current one fails with 40001 (serialization_failure); every server path
 * that writes cases retries on it (`withRetry`) with a new xid, younger than that writer. Per case, feed
 * order is then commit order: the row lock orders the writers of a case, and each one's xid is higher than
 * the last. The no-skip guarantee is untouched (the feed's query is the same).
 *
 * The trigger's WHEN is evaluated in C for every updated row and calls no plpgsql: `age(OLD.xmin)` is the
 * current transaction's xid minus the row's xmin as a signed 32-bit number, negative exactly when the row
 * was written by a younger xid (a row we locked or wrote ourselves gives 0 or a positive age). A claim or
 * a push pays one function call per row; the plpgsql function runs only when that test fires. It then
 * checks exactly, because the cheap test has false positives that must never be refused:
 *  - our own subtransaction (a write inside a savepoint) has a younger xid than ours: `pg_xact_status`
 *    says 'in progress' for it, never 'committed';
 *  - a frozen row keeps its raw xmin; once more than 2^31 transactions have passed since, that xmin seen
 *    modulo 2^32 lies "ahead" of ours. A real younger writer has an xid below the next one to be assigned
 *    (it committed before we locked its row); an xid at or beyond it was never assigned in this epoch, so
 *    it is an old frozen xmin, not a writer. (If a frozen xmin happens to equal, modulo 2^32, a recent
 *    committed xid, the write is refused once; its retry has a newer xid, for which the test is false.)
 * `age()` is computed against the xid the transaction has when it is first called; every writer of cases
 * row-locks the case (which assigns the xid) before the trigger runs, and nothing calls `age()` before.
 *
 * On PGlite transactions run one at a time, so a younger writer never exists; the trigger is the same.
 */
export const m0150KeepFeedInCommitOrderPerCase: CentralMigration = {
  version: 150,
  name: 'keep-feed-in-commit-order-per-case',
  sql: `
    CREATE FUNCTION cases_written_by_younger_xact(written xid) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
    DECLARE
      me bigint := pg_current_xact_id()::text::bigint;
      -- How far the writer's xid is ahead of ours, modulo 2^32 (xid is 32 bits, xid8 carries the epoch).
      ahead bigint := (written::text::bigint - me % 4294967296 + 4294967296) % 4294967296;
      writer xid8;
    BEGIN
      IF ahead = 0 OR ahead >= 2147483648 THEN
        RETURN false; -- ours, or older
      END IF;
      writer := (me + ahead)::text::xid8;
      -- A fresh snapshot (this function is volatile): its xmax is the next xid to be assigned.
      IF writer >= pg_snapshot_xmax(pg_current_snapshot()) THEN
        RETURN false; -- never assigned: a frozen row's xmin seen across wraparound
      END IF;
      RETURN pg_xact_status(writer) = 'committed';
    END $$;

    CREATE FUNCTION cases_refuse_write_behind_younger() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF cases_written_by_younger_xact(OLD.xmin) THEN
        RAISE EXCEPTION USING
          ERRCODE = 'serialization_failure',
          MESSAGE = format('案件 %s 已被较新的事务修改，请重试 / Case %s was changed by a younger transaction; retry so the change feed stays in commit order', OLD.id, OLD.id);
      END IF;
      RETURN NEW;
    END $$;

    CREATE TRIGGER cases_feed_in_commit_order BEFORE UPDATE ON cases
      FOR EACH ROW WHEN (age(OLD.xmin) < 0) EXECUTE FUNCTION cases_refuse_write_behind_younger();
  `,
};
