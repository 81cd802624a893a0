import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { tempHost, value, type TempHost } from './support/temp-host';

describe('hash-chained audit trail in the SQLite file', () => {
  let h: TempHost;
  let auditor: string;
  beforeEach(async () => {
    h = await tempHost({ cases: 60 });
    auditor = await h.login('wugang');
  });
  afterEach(() => h.close());

  it('verifies after real work', async () => {
    const clerk = await h.login('zhangmin');
    const c = value(await h.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    value(await h.call('case:passDocCheck', clerk, { caseId: c.caseId }));
    const report = value(await h.call('audit:verify', auditor, {}));
    expect(report.ok).toBe(true);
    expect(report.firstBroken).toBeNull();
    const db = new Database(h.dbFile, { readonly: true });
    expect(report.checked).toBe((db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n);
    db.close();
  });

  it('refuses UPDATE and DELETE on audit rows through SQL', () => {
    const db = new Database(h.dbFile);
    expect(() => db.prepare("UPDATE audit SET actor_name = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit WHERE seq = 1').run()).toThrow(/append-only/);
    db.close();
  });

  it('names the row that was edited directly in the file', async () => {
    const db = new Database(h.dbFile);
    const { n } = db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number };
    const target = Math.floor(n / 2);
    // Someone with the file drops the guard and rewrites history.
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare("UPDATE audit SET details = '{\"reason\":\"篡改\"}' WHERE seq = ?").run(target);
    db.close();
    const report = value(await h.call('audit:verify', auditor, {}));
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.seq).toBe(target);
    expect(report.firstBroken?.reason).toEqual({ message: `第 ${target} 条记录内容被改动`, messageEn: `entry ${target} was altered` });
    expect(report.checked).toBe(target - 1);
  });

  it('detects a deleted row and a recomputed hash that no longer links', async () => {
    const db = new Database(h.dbFile);
    db.exec('DROP TRIGGER audit_no_delete');
    db.prepare('DELETE FROM audit WHERE seq = 5').run();
    db.close();
    const report = value(await h.call('audit:verify', auditor, {}));
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ seq: 5, reason: { message: '第 5 条审计记录缺失', messageEn: 'audit entry 5 is missing' } });
  });
});
