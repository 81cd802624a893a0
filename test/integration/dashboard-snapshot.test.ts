import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../electron/host/host';
import { tempHost, value, type TempHost } from './support/temp-host';

const DAY = 86_400_000;

describe('dashboard snapshot across host restarts', () => {
  let h: TempHost;
  let supervisor: string;
  const query = () => ({ from: new Date(h.now() - 30 * DAY).toISOString(), to: new Date(h.now() + 1).toISOString() });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50)); // the snapshot is saved after the answer

  beforeAll(async () => {
    h = await tempHost({ cases: 300 });
    supervisor = await h.login('zhouyan');
  });
  afterAll(() => h.close());

  it('folds the trail on first use, saves a snapshot, and a restarted host starts from it and catches up', async () => {
    const first = value(await h.call('dashboard:figures', supervisor, { query: query() }));
    expect(h.host.services.dashboard.loadedFrom).toBe('trail');
    await settle();
    const db = new Database(h.dbFile, { readonly: true });
    const saved = db.prepare('SELECT last_seq FROM dashboard_snapshot').get() as { last_seq: number };
    expect(saved.last_seq).toBe((db.prepare('SELECT max(seq) AS n FROM audit').get() as { n: number }).n);
    db.close();

    // Work after the snapshot: the restarted host must fold it on top.
    const clerk = await h.login('zhangmin');
    const claimed = value(await h.call('queue:claimNext', clerk, { queue: 'doc_check' }));
    h.advance(120_000);
    value(await h.call('case:passDocCheck', clerk, { caseId: claimed.caseId }));
    h.advance(60_000);
    const live = value(await h.call('dashboard:figures', supervisor, { query: query() }));
    expect(live.stages.find((s) => s.stage === 'doc_check')!.exits).toBe(first.stages.find((s) => s.stage === 'doc_check')!.exits + 1);

    const again = createHost({ dataDir: h.dataDir, now: h.now });
    try {
      const token = value(await again.dispatch('auth:login', null, { username: 'zhouyan', password: 'Demo@2026' })) as { token: string };
      const restarted = value(await again.dispatch('dashboard:figures', token.token, { query: query() }));
      expect(again.services.dashboard.loadedFrom).toBe('snapshot');
      // A starting host may itself add rows (automatic screening); the first host folds them as well.
      expect(restarted).toEqual(value(await h.call('dashboard:figures', supervisor, { query: query() })));
    } finally {
      again.close();
    }
  });

  it('ignores a snapshot that no longer matches the audit trail', async () => {
    const db = new Database(h.dbFile);
    db.prepare("UPDATE dashboard_snapshot SET last_hash = 'not-the-trail'").run();
    db.close();
    const again = createHost({ dataDir: h.dataDir, now: h.now });
    try {
      const token = value(await again.dispatch('auth:login', null, { username: 'zhouyan', password: 'Demo@2026' })) as { token: string };
      const rebuilt = value(await again.dispatch('dashboard:figures', token.token, { query: query() }));
      expect(again.services.dashboard.loadedFrom).toBe('trail');
      expect(rebuilt).toEqual(value(await h.call('dashboard:figures', supervisor, { query: query() })));
    } finally {
      again.close();
    }
  });
});
