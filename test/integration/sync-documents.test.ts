import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCentralDemo } from '../../server/demo/central-demo';
import { maskIdentifier } from '../../shared/domain/masking';
import { makeIdNumber } from '../../shared/validators/generate';
import { BACKENDS, startCentral, type TestCentral } from './support/central';
import { loggedIn } from './support/central-login';
import { idCardFront } from './support/document-files';
import { startPostgres, type PgCluster } from './support/postgres';
import { syncHost, type SyncHost } from './support/sync-host';
import { tcpGate } from './support/tcp-gate';
import { value } from './support/temp-host';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let pg: PgCluster;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

/**
 * Documents between desktops: a file a clerk adds on one desktop is sent to the central server after the
 * local commit, and the other desktops learn of the document from the change feed and fetch its file when
 * the case is opened, checked against its sha256. Real desktops (own SQLite files and document stores),
 * a real server on PGlite and on PostgreSQL, real PNGs from the fixture renderer.
 */
describe.each(BACKENDS)('documents travelling between synced desktops (%s)', (backend) => {
  let central: TestCentral;
  const open: SyncHost[] = [];
  const gates: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    central = await startCentral(backend, backend === 'postgres' ? pg : null);
    await seedCentralDemo(central.db, { cases: 80, now: central.clock.now });
  });
  afterAll(async () => {
    for (const h of open) {
      await h.host.services.documents.close();
      h.close();
    }
    for (const g of gates) await g.stop();
    await central.close();
  });

  async function desktop(opts: { gated?: boolean; demo?: boolean } = {}) {
    let url = central.url;
    let gate: Awaited<ReturnType<typeof tcpGate>> | null = null;
    if (opts.gated) {
      gate = await tcpGate(central.url);
      gates.push(gate);
      url = gate.url;
    }
    const h = syncHost(url, { clock: central.clock, documents: { ocrWorkers: 1, demo: opts.demo } });
    open.push(h);
    return Object.assign(h, { gate });
  }

  /** Through the API, as the desk's upload does: begin, 512 KiB chunks, finish with the client's sha256. */
  async function upload(d: SyncHost, token: string, caseId: string, fileName: string, bytes: Buffer) {
    const begin = value(await d.call('documents:uploadBegin', token, { caseId, fileName, sizeBytes: bytes.length }));
    for (let at = 0, i = 0; at < bytes.length; at += begin.chunkBytes, i++) {
      value(await d.call('documents:uploadChunk', token, { uploadId: begin.uploadId, index: i, dataBase64: bytes.subarray(at, at + begin.chunkBytes).toString('base64') }));
    }
    return value(await d.call('documents:uploadFinish', token, { uploadId: begin.uploadId, sha256: sha(bytes) })).document;
  }

  async function serverBlob(sha256: string): Promise<Buffer | null> {
    const rows = await central.db.query<{ content: Buffer }>('SELECT content FROM blobs WHERE sha256 = $1', [sha256]);
    return rows[0] ? Buffer.from(rows[0].content) : null;
  }

  /**
   * 张敏 on a desktop that can be cut off, with 何欣 beside him (her token keeps pulling when his session has
   * ended), and 王芳 on a desktop of her own.
   */
  async function zhangminOfflineAndWangfang() {
    const a = await desktop({ gated: true });
    const b = await desktop();
    const clerkA = await a.login('zhangmin');
    await a.login('hexin');
    const clerkB = await b.login('wangfang');
    return { a, b, clerkA, clerkB };
  }

  /** A user's server sessions end (expired, say): his waiting commands wait for him to log in again. */
  async function endServerSessionsOf(userId: string) {
    await central.db.query('UPDATE sessions SET revoked_at = $1 WHERE user_id = $2', [central.clock.now, userId]);
  }

  /** A clerk claims a case and adds an ID card, which his desktop reads. */
  async function claimAndAddIdCard(d: SyncHost, token: string, fileName: string, seed: number) {
    const held = value(await d.call('queue:claimNext', token, { queue: 'doc_check' }));
    const added = await upload(d, token, held.caseId, fileName, (await idCardFront(seed)).bytes);
    await d.host.services.documents.ocr.idle();
    return { held, added };
  }

  /** The case's holder opens it on her desktop, which fetches the document's file and reads it. */
  async function readOnHerDesktop(d: SyncHost, token: string, caseId: string, documentId: string) {
    await d.sync.syncNow();
    value(await d.call('documents:desk', token, { caseId }));
    await d.host.services.documents.transfer.fetchFile(documentId);
    await d.host.services.documents.ocr.idle();
  }

  /** 张敏 claims a case, adds an ID card it reads, syncs, and goes offline. */
  async function readThenOffline(fileName: string, seed: number) {
    const a = await desktop({ gated: true });
    const clerkA = await a.login('zhangmin');
    const { held, added } = await claimAndAddIdCard(a, clerkA, fileName, seed);
    await a.sync.syncNow();
    a.gate!.cut();
    return { a, clerkA, held, added };
  }

  /** The supervisor gives a case to wangfang, or to zhangmin, on the server (its holder's desktop may be offline meanwhile). */
  async function supervisorAssigns(caseId: string, assigneeId: 'u-clerk-1' | 'u-clerk-2' = 'u-clerk-2') {
    const supervisor = await loggedIn(central.url, 'zhouyan');
    const pushed = await supervisor.client.push(supervisor.token, [
      { commandId: randomUUID(), name: 'assign', payload: { caseId, assigneeId, reason: '请处理此件' }, createdAt: new Date(central.clock.now).toISOString() },
    ]);
    expect(value(pushed).results[0]!.status).toBe('accepted');
  }

  const waitingUploads = (d: SyncHost) => d.host.services.documents.transfer.sql.uploadsWaiting();

  /** Every file a desktop's document store holds (documents/ab/cd/<sha256>). */
  function storedFiles(d: SyncHost): string[] {
    const root = join(d.dataDir, 'documents');
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name))
      .map((e) => e.name);
  }

  it('shows a clerk’s upload on another desktop, whose user opens the page image fetched from the server and checked', async () => {
    const a = await desktop();
    const b = await desktop();
    const clerkA = await a.login('zhangmin');
    const clerkB = await b.login('wangfang');
    const held = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    const { bytes } = await idCardFront(21);
    const added = await upload(a, clerkA, held.caseId, '身份证人像面.png', bytes);
    expect(waitingUploads(a)).toBe(1);

    await a.sync.syncNow();
    expect(waitingUploads(a)).toBe(0);
    expect(Buffer.compare((await serverBlob(sha(bytes)))!, bytes)).toBe(0);
    const [{ n }] = await central.db.query<{ n: number }>("SELECT count(*)::int AS n FROM commands WHERE case_id = $1 AND name = 'addDocument' AND status = 'accepted'", [held.caseId]);
    expect(n).toBe(1);

    await b.sync.syncNow();
    const desk = value(await b.call('documents:desk', clerkB, { caseId: held.caseId }));
    expect(desk.documents).toHaveLength(1);
    const doc = desk.documents[0]!;
    expect(doc).toMatchObject({ id: added.id, fileName: '身份证人像面.png', mime: 'image/png', sha256: sha(bytes), sizeBytes: bytes.length, uploadedByName: '张敏' });
    expect(desk.pendingOcr).toBe(1); // the desk keeps polling until the file is here and read

    const page = value(await b.call('documents:page', clerkB, { documentId: doc.id, page: 1 }));
    const shown = Buffer.from(page.dataBase64, 'base64');
    expect(sha(shown)).toBe(sha(bytes));
    expect(Buffer.compare(shown, bytes)).toBe(0);
    expect(readFileSync(b.host.services.documents.blobs.pathOf(sha(bytes)))).toEqual(bytes);
    const again = value(await b.call('documents:desk', clerkB, { caseId: held.caseId }));
    expect(again.documents[0]!.pages).toEqual([{ page: 1, width: page.width, height: page.height }]);
    expect(['queued', 'running', 'done']).toContain(again.documents[0]!.ocr.status);

    // The server's entry for the upload comes back to the desktop that made it: nothing is added twice.
    await a.sync.syncNow();
    expect(value(await a.call('documents:desk', clerkA, { caseId: held.caseId })).documents.map((d) => d.id)).toEqual([added.id]);
    for (const d of [a, b]) expect(d.host.services.audit.verify().ok).toBe(true);
  });

  it('keeps an upload made offline across a restart and sends it once the server is reachable again', async () => {
    const a = await desktop({ gated: true });
    const b = await desktop();
    const clerkA = await a.login('zhangmin');
    const clerkB = await b.login('wangfang');
    const held = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    a.gate!.cut();
    const { bytes } = await idCardFront(22);
    const started = Date.now();
    const added = await upload(a, clerkA, held.caseId, '身份证.png', bytes);
    expect(Date.now() - started).toBeLessThan(5_000); // the clerk does not wait for the server
    await a.sync.syncNow();
    expect(waitingUploads(a)).toBe(1);
    // The sync status in the header counts it.
    expect(value(await a.call('sync:status', clerkA, {}))).toMatchObject({ online: false, pendingUploads: 1 });
    expect(await serverBlob(sha(bytes))).toBeNull();

    // The desktop is closed while offline; its store keeps the upload to send.
    await a.host.services.documents.close();
    a.close(true);
    a.gate!.restore();
    const a2 = syncHost(a.gate!.url, { clock: central.clock, dataDir: a.dataDir, documents: { ocrWorkers: 1 } });
    open.push(a2);
    expect(waitingUploads(a2)).toBe(1);
    const clerkA2 = await a2.login('zhangmin');
    await a2.sync.syncNow();
    expect(waitingUploads(a2)).toBe(0);
    expect(value(await a2.call('sync:status', clerkA2, {}))).toMatchObject({ online: true, pendingUploads: 0 });
    expect(Buffer.compare((await serverBlob(sha(bytes)))!, bytes)).toBe(0);
    // Sent once: a later round sends nothing again.
    expect(await a2.host.services.documents.transfer.sendWaiting()).toEqual({ sent: 0, waiting: 0 });

    await b.sync.syncNow();
    const desk = value(await b.call('documents:desk', clerkB, { caseId: held.caseId }));
    expect(desk.documents.map((d) => d.id)).toEqual([added.id]);
    const page = value(await b.call('documents:page', clerkB, { documentId: added.id, page: 1 }));
    expect(sha(Buffer.from(page.dataBase64, 'base64'))).toBe(sha(bytes));
  });

  it('takes back a document added offline whose adding the server refused (the case went to someone else meanwhile): not listed, its file not sent', async () => {
    const a = await desktop({ gated: true });
    const clerkA = await a.login('zhangmin');
    const held = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    a.gate!.cut();
    const { bytes } = await idCardFront(23);
    const added = await upload(a, clerkA, held.caseId, '身份证.png', bytes);
    expect(waitingUploads(a)).toBe(1);
    await supervisorAssigns(held.caseId);
    a.gate!.restore();
    await a.sync.syncNow();
    const refused = value(await a.call('sync:rejected', clerkA, {})).items.find((r) => r.command === 'addDocument');
    expect(refused).toMatchObject({ caseId: held.caseId });
    expect(a.host.services.documents.repo.get(added.id)).toBeNull();
    expect(a.host.services.documents.repo.forCase(held.caseId).map((d) => d.id)).not.toContain(added.id);
    expect(waitingUploads(a)).toBe(0);
    expect(a.host.services.cases.get(held.caseId)).toMatchObject({ assigneeId: 'u-clerk-2' });
  });

  it('sends a file taken back with its documents only while a document here still has it, whichever queued the upload', async () => {
    const a = await desktop({ gated: true });
    const clerkA = await a.login('zhangmin');
    const one = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    const two = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    a.gate!.cut();
    const { bytes } = await idCardFront(32);
    const first = await upload(a, clerkA, one.caseId, '身份证.png', bytes);
    const second = await upload(a, clerkA, two.caseId, '身份证.png', bytes);
    expect(waitingUploads(a)).toBe(1); // one upload per file, queued by the first document
    const { repo, ocr } = a.host.services.documents;
    ocr.cancel(first.id);
    repo.remove(first.id);
    expect(waitingUploads(a)).toBe(1);
    ocr.cancel(second.id);
    repo.remove(second.id);
    expect(waitingUploads(a)).toBe(0);
  });

  it('takes back a refused document whose file another desktop added to the case meanwhile, and shows that desktop\'s document instead', async () => {
    const { a, b, clerkA, clerkB } = await zhangminOfflineAndWangfang();
    const held = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    await a.sync.syncNow();
    const { bytes } = await idCardFront(31);
    a.gate!.cut();
    const mine = await upload(a, clerkA, held.caseId, '身份证.png', bytes);
    // zhangmin's server session ends while he is offline; the case goes to wangfang, who adds the same file.
    await endServerSessionsOf('u-clerk-1');
    await supervisorAssigns(held.caseId);
    await b.sync.syncNow();
    const hers = await upload(b, clerkB, held.caseId, '身份证-王芳.png', bytes);
    value(await b.call('documents:setKind', clerkB, { documentId: hers.id, kind: 'id_card_back' }));
    await b.sync.syncNow();

    // His desktop hears of her document while his waits (one document per file in a case: hers is passed
    // over); his is refused once he logs in again.
    a.gate!.restore();
    await a.sync.syncNow();
    expect(a.host.services.documents.repo.forCase(held.caseId).map((d) => d.id)).toEqual([mine.id]);
    const again = await a.login('zhangmin');
    await a.sync.syncNow();
    expect(value(await a.call('sync:rejected', again, {})).items.filter((r) => r.command === 'addDocument')).toHaveLength(1);
    expect(a.host.services.documents.repo.forCase(held.caseId).map((d) => [d.id, d.origin])).toEqual([[hers.id, 'central']]);
    // With the kind she set, which came while hers was passed over.
    expect(a.host.services.documents.repo.get(hers.id)).toMatchObject({ kind: 'id_card_back', kindSource: 'clerk' });
    expect(waitingUploads(a)).toBe(0);
  }, 240_000);

  it('undoes field reviews the server refused (the case went to someone else meanwhile): each field shows again what it showed before, or the new holder\'s review', async () => {
    const { a, b, clerkA, clerkB } = await zhangminOfflineAndWangfang();
    const { held, added } = await claimAndAddIdCard(a, clerkA, '身份证.png', 28);
    value(await a.call('documents:reviewField', clerkA, { documentId: added.id, field: 'ethnicity', action: 'correct', value: '回' }));
    await a.sync.syncNow();
    const field = (key: string) => a.host.services.documents.repo.field(added.id, key)!;
    const read = { name: field('name'), address: field('address'), ethnicity: field('ethnicity') };
    expect(read.ethnicity).toMatchObject({ value: '回', status: 'corrected', reviewedByName: '张敏' });

    // Offline: the name corrected twice, the address corrected, the ethnicity corrected again.
    a.gate!.cut();
    value(await a.call('documents:reviewField', clerkA, { documentId: added.id, field: 'name', action: 'correct', value: '欧阳明' }));
    a.clock.now += 1000;
    value(await a.call('documents:reviewField', clerkA, { documentId: added.id, field: 'name', action: 'correct', value: '欧阳明明' }));
    value(await a.call('documents:reviewField', clerkA, { documentId: added.id, field: 'address', action: 'correct', value: '南京市玄武区中山路1号' }));
    value(await a.call('documents:reviewField', clerkA, { documentId: added.id, field: 'ethnicity', action: 'correct', value: '满' }));
    expect(field('name')).toMatchObject({ value: '欧阳明明', status: 'corrected' });

    // zhangmin's server session ends while he is offline (his reviews wait for him to log in again). Meanwhile
    // the supervisor gives the case to wangfang, who corrects the address on her desktop.
    await endServerSessionsOf('u-clerk-1');
    await supervisorAssigns(held.caseId);
    await readOnHerDesktop(b, clerkB, held.caseId, added.id);
    value(await b.call('documents:reviewField', clerkB, { documentId: added.id, field: 'address', action: 'correct', value: '南京市鼓楼区北京西路2号' }));
    await b.sync.syncNow();

    // His desktop learns of her review while his reviews still wait (his own, newer, still show); they are
    // sent when he logs in again.
    a.gate!.restore();
    await a.sync.syncNow();
    expect(field('address')).toMatchObject({ value: '南京市玄武区中山路1号', reviewedByName: '张敏' });
    const again = await a.login('zhangmin');
    await a.sync.syncNow();
    const refused = value(await a.call('sync:rejected', again, {})).items.filter((r) => r.command === 'reviewDocument' && r.caseId === held.caseId);
    expect(refused).toHaveLength(4);
    // Never reviewed before: back to what was read. Reviewed and accepted before: back to that review.
    // Reviewed by the new holder meanwhile: her review.
    expect(field('name')).toMatchObject({ value: read.name.value, status: 'recognised', reviewedBy: null, reviewedAt: null });
    expect(field('ethnicity')).toMatchObject({ value: '回', status: 'corrected', reviewedByName: '张敏' });
    expect(field('address')).toMatchObject({ value: '南京市鼓楼区北京西路2号', status: 'corrected', reviewedByName: '王芳' });
    expect(a.host.services.cases.get(held.caseId)).toMatchObject({ assigneeId: 'u-clerk-2' });
    // Nothing of the refused reviews is kept (the outbox copies hold personal data).
    const kept = a.host.services.db.prepare("SELECT count(*) AS n FROM outbox WHERE field_before IS NOT NULL").get() as { n: number };
    expect(kept.n).toBe(0);
  }, 240_000);

  it('undoes refused kind changes and the reviews around them: the document is again of the kind it was, read as it was, no refused review left', async () => {
    const { a, clerkA, held, added } = await readThenOffline('营业执照.png', 29);
    const { repo } = a.host.services.documents;
    const read = { doc: repo.get(added.id)!, fields: repo.fields(added.id) };
    expect(read.doc).toMatchObject({ kind: 'id_card_front', kindSource: 'detected', ocrStatus: 'done' });
    value(await a.call('documents:reviewField', clerkA, { documentId: added.id, field: 'name', action: 'correct', value: '欧阳明' }));
    a.clock.now += 1000;
    value(await a.call('documents:setKind', clerkA, { documentId: added.id, kind: 'business_licence' }));
    await a.host.services.documents.ocr.idle();
    expect(repo.field(added.id, 'name')).toMatchObject({ status: 'recognised', reviewedBy: null });
    a.clock.now += 1000;
    value(await a.call('documents:reviewField', clerkA, { documentId: added.id, field: 'name', action: 'correct', value: '南京欧阳商贸有限公司' }));
    a.clock.now += 1000;
    value(await a.call('documents:setKind', clerkA, { documentId: added.id, kind: 'tax_certificate' }));
    await a.host.services.documents.ocr.idle();
    expect(repo.get(added.id)).toMatchObject({ kind: 'tax_certificate', kindSource: 'clerk' });

    await supervisorAssigns(held.caseId);
    a.gate!.restore();
    await a.sync.syncNow();
    expect(value(await a.call('sync:rejected', clerkA, {})).items.filter((r) => r.caseId === held.caseId)).toHaveLength(4);
    await a.host.services.documents.ocr.idle(); // nothing is read again afterwards
    // As read before the first of them: kind, detection and every field (the refused first review undone in it too).
    expect(repo.get(added.id)).toMatchObject({ kind: 'id_card_front', kindSource: 'detected', kindScore: read.doc.kindScore, ocrStatus: 'done' });
    expect(repo.fields(added.id)).toEqual(read.fields);
    const kept = a.host.services.db.prepare('SELECT count(*) AS n FROM outbox WHERE document_before IS NOT NULL OR field_before IS NOT NULL').get() as { n: number };
    expect(kept.n).toBe(0);
  }, 240_000);

  it('puts back the other desktops\' reviews a refused kind change had dropped, with those that came meanwhile: both desktops show the same fields', async () => {
    const { a, b, clerkA, clerkB } = await zhangminOfflineAndWangfang();
    const { held, added } = await claimAndAddIdCard(a, clerkA, '身份证.png', 31);
    await a.sync.syncNow();
    // The case goes to wangfang, who corrects the address on her desktop, and back to zhangmin, whose desktop applies it.
    await supervisorAssigns(held.caseId);
    await readOnHerDesktop(b, clerkB, held.caseId, added.id);
    value(await b.call('documents:reviewField', clerkB, { documentId: added.id, field: 'address', action: 'correct', value: '南京市鼓楼区北京西路2号' }));
    await b.sync.syncNow();
    await supervisorAssigns(held.caseId, 'u-clerk-1');
    await a.sync.syncNow();
    const { repo } = a.host.services.documents;
    expect(repo.field(added.id, 'address')).toMatchObject({ value: '南京市鼓楼区北京西路2号', reviewedByName: '王芳' });

    // Offline, zhangmin sets another kind (the file is read again, her review dropped with the old reading) ...
    a.gate!.cut();
    a.clock.now += 1000;
    value(await a.call('documents:setKind', clerkA, { documentId: added.id, kind: 'business_licence' }));
    await a.host.services.documents.ocr.idle();
    expect(repo.get(added.id)).toMatchObject({ kind: 'business_licence' });
    // ... while the case goes to wangfang again, who confirms the name. His desktop learns of that before his
    // change is refused (his server session ended: it waits for him to log in again).
    await endServerSessionsOf('u-clerk-1');
    await supervisorAssigns(held.caseId);
    await b.sync.syncNow();
    b.clock.now += 1000;
    value(await b.call('documents:reviewField', clerkB, { documentId: added.id, field: 'name', action: 'confirm' }));
    await b.sync.syncNow();
    a.gate!.restore();
    await a.sync.syncNow();
    expect(repo.get(added.id)).toMatchObject({ kind: 'business_licence' });
    // Her review, made on the ID card reading, is here but does not confirm the name read as a business licence.
    const hers = a.host.services.db.prepare("SELECT kind FROM document_remote_reviews WHERE document_id = ? AND field = 'name'").pluck().all(added.id);
    expect(hers).toEqual(['id_card_front']);
    expect(repo.field(added.id, 'name')).toMatchObject({ status: 'recognised', reviewedBy: null });

    const again = await a.login('zhangmin');
    await a.sync.syncNow();
    expect(value(await a.call('sync:rejected', again, {})).items.filter((r) => r.caseId === held.caseId)).toHaveLength(1);
    await a.host.services.documents.ocr.idle(); // nothing is read again afterwards
    expect(repo.get(added.id)).toMatchObject({ kind: 'id_card_front', kindSource: 'detected' });
    expect(repo.field(added.id, 'address')).toMatchObject({ value: '南京市鼓楼区北京西路2号', status: 'corrected', reviewedByName: '王芳' });
    expect(repo.field(added.id, 'name')).toMatchObject({ status: 'confirmed', reviewedByName: '王芳' });
    const shown = (d: SyncHost) => d.host.services.documents.repo.fields(added.id).map((f) => [f.field, f.value, f.status, f.reviewedBy]);
    expect(shown(a)).toEqual(shown(b));
    // Both of her reviews are kept to apply to any later reading of the file here.
    const remote = a.host.services.db.prepare('SELECT field FROM document_remote_reviews WHERE document_id = ? ORDER BY at').pluck().all(added.id);
    expect(remote).toEqual(['address', 'name']);
  }, 240_000);

  it('answers a refused kind change whose kept copy cannot be put back, and leaves that document as it is', async () => {
    const { a, clerkA, held, added } = await readThenOffline('身份证.png', 32);
    value(await a.call('documents:setKind', clerkA, { documentId: added.id, kind: 'business_licence' }));
    await a.host.services.documents.ocr.idle();
    const reread = a.host.services.documents.repo.fields(added.id);
    // A copy that reads but breaks the store's rules when put back: the same field twice.
    a.host.services.db
      .prepare("UPDATE outbox SET document_before = json_set(document_before, '$.before.fields', json_array(json_extract(document_before, '$.before.fields[0]'), json_extract(document_before, '$.before.fields[0]'))) WHERE document_before IS NOT NULL")
      .run();
    await supervisorAssigns(held.caseId);
    a.gate!.restore();
    await a.sync.syncNow();
    expect(value(await a.call('sync:rejected', clerkA, {})).items.filter((r) => r.caseId === held.caseId)).toHaveLength(1);
    expect(a.host.services.cases.get(held.caseId)).toMatchObject({ assigneeId: 'u-clerk-2' });
    expect(a.host.services.documents.repo.get(added.id)).toMatchObject({ kind: 'business_licence', ocrStatus: 'done' });
    expect(a.host.services.documents.repo.fields(added.id)).toEqual(reread);
  }, 240_000);

  it('answers a refused review whose kept copy of the field does not read, and leaves that field as it is', async () => {
    const { a, clerkA, held, added } = await readThenOffline('身份证.png', 30);
    value(await a.call('documents:reviewField', clerkA, { documentId: added.id, field: 'name', action: 'correct', value: '欧阳明' }));
    a.host.services.db.prepare("UPDATE outbox SET field_before = '{\"documentId\":' WHERE field_before IS NOT NULL").run();
    await supervisorAssigns(held.caseId);
    a.gate!.restore();
    await a.sync.syncNow();
    expect(value(await a.call('sync:rejected', clerkA, {})).items.filter((r) => r.caseId === held.caseId)).toHaveLength(1);
    expect(a.host.services.cases.get(held.caseId)).toMatchObject({ assigneeId: 'u-clerk-2' });
    expect(a.host.services.documents.repo.field(added.id, 'name')).toMatchObject({ value: '欧阳明', status: 'corrected' });
  }, 240_000);

  it('says plainly that a file still on the server cannot be opened offline, and fetches it once back online', async () => {
    const a = await desktop();
    const b = await desktop({ gated: true });
    const clerkA = await a.login('zhangmin');
    const clerkB = await b.login('wangfang');
    const held = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    const { bytes } = await idCardFront(23);
    const added = await upload(a, clerkA, held.caseId, '身份证.png', bytes);
    await a.sync.syncNow();
    await b.sync.syncNow();
    b.gate!.cut();
    const refused = await b.call('documents:page', clerkB, { documentId: added.id, page: 1 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('offline');
      expect(refused.error.message).toContain('中央服务器');
    }
    expect(value(await b.call('documents:desk', clerkB, { caseId: held.caseId })).documents[0]!.pages).toEqual([]);
    b.gate!.restore();
    const page = value(await b.call('documents:page', clerkB, { documentId: added.id, page: 1 }));
    expect(sha(Buffer.from(page.dataBase64, 'base64'))).toBe(sha(bytes));
  });

  it('stores the same file once: on the desktop that adds it to two cases, on the server, and on the desktop that fetches it', async () => {
    const a = await desktop();
    const b = await desktop();
    const clerkA = await a.login('zhangmin');
    const clerkB = await b.login('wangfang');
    const one = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    const two = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    const { bytes } = await idCardFront(24);
    const d1 = await upload(a, clerkA, one.caseId, '身份证.png', bytes);
    const d2 = await upload(a, clerkA, two.caseId, '身份证.png', bytes);
    expect(d1.id).not.toBe(d2.id);
    expect(storedFiles(a).filter((f) => f === sha(bytes))).toHaveLength(1);
    expect(waitingUploads(a)).toBe(1);
    await a.sync.syncNow();
    const [{ n }] = await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1', [sha(bytes)]);
    expect(n).toBe(1);

    await b.sync.syncNow();
    for (const [caseId, docId] of [[one.caseId, d1.id], [two.caseId, d2.id]] as const) {
      expect(value(await b.call('documents:desk', clerkB, { caseId })).documents.map((d) => d.id)).toEqual([docId]);
      const page = value(await b.call('documents:page', clerkB, { documentId: docId, page: 1 }));
      expect(sha(Buffer.from(page.dataBase64, 'base64'))).toBe(sha(bytes));
    }
    expect(storedFiles(b).filter((f) => f === sha(bytes))).toHaveLength(1);
  });

  it('does not mix demo documents and documents from the server: each desktop makes its own demo set once, under the same ids', async () => {
    const a = await desktop({ demo: true });
    const b = await desktop({ demo: true });
    const clerkA = await a.login('zhangmin');
    const clerkB = await b.login('wangfang');
    const held = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    const demo = value(await a.call('documents:desk', clerkA, { caseId: held.caseId })).documents;
    expect(demo.length).toBeGreaterThanOrEqual(1);
    const { bytes } = await idCardFront(25);
    const added = await upload(a, clerkA, held.caseId, '补充身份证.png', bytes);
    await a.sync.syncNow();
    expect(waitingUploads(a)).toBe(0);
    // Only the clerk's file went to the server; the demo files are made by every desktop itself.
    for (const d of demo) expect(await serverBlob(d.sha256)).toBeNull();

    // The desktop learns of the clerk's document before anyone there opens the case; the demo set is made all the same.
    await b.sync.syncNow();
    const seen = value(await b.call('documents:desk', clerkB, { caseId: held.caseId })).documents;
    expect(seen.map((d) => d.id).sort()).toEqual([...demo.map((d) => d.id), added.id].sort());
    expect(new Set(seen.map((d) => d.sha256)).size).toBe(seen.length);
    expect(value(await b.call('documents:desk', clerkB, { caseId: held.caseId })).documents).toHaveLength(seen.length);
    await a.sync.syncNow();
    expect(value(await a.call('documents:desk', clerkA, { caseId: held.caseId })).documents).toHaveLength(seen.length);
  });

  it('shows on another desktop the fields a clerk confirmed and corrected and the kind he set, as that desktop reads the file itself', async () => {
    const a = await desktop();
    const b = await desktop();
    const clerkA = await a.login('zhangmin');
    const clerkB = await b.login('wangfang');
    const held = value(await a.call('queue:claimNext', clerkA, { queue: 'doc_check' }));
    const { bytes } = await idCardFront(26);
    const added = await upload(a, clerkA, held.caseId, '身份证.png', bytes);
    await a.host.services.documents.ocr.idle();
    const read = value(await a.call('documents:desk', clerkA, { caseId: held.caseId })).documents[0]!;
    expect(read.ocr.status).toBe('done');
    const idNumber = read.fields.find((f) => f.key === 'idNumber')!;
    value(await a.call('documents:reviewField', clerkA, { documentId: added.id, field: 'idNumber', action: 'confirm' }));
    value(await a.call('documents:reviewField', clerkA, { documentId: added.id, field: 'name', action: 'correct', value: '欧阳明' }));
    await a.sync.syncNow();

    await b.sync.syncNow();
    value(await b.call('documents:desk', clerkB, { caseId: held.caseId })); // opening the case fetches the file
    await b.host.services.documents.transfer.fetchFile(added.id);
    await b.host.services.documents.ocr.idle();
    const there = value(await b.call('documents:desk', clerkB, { caseId: held.caseId })).documents[0]!;
    expect(there.ocr.status).toBe('done');
    expect(there.fields.find((f) => f.key === 'name')).toMatchObject({ value: '欧阳明', status: 'corrected', reviewedByName: '张敏' });
    // The identity number travels masked in the audit entry: it confirms the same reading here.
    expect(there.fields.find((f) => f.key === 'idNumber')).toMatchObject({ value: idNumber.value, status: 'confirmed', reviewedByName: '张敏' });

    // A corrected kind travels too: the file is read again as that kind there, and the old reviews no longer apply.
    value(await a.call('documents:setKind', clerkA, { documentId: added.id, kind: 'id_card_back' }));
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(b.host.services.documents.repo.get(added.id)).toMatchObject({ kind: 'id_card_back', kindSource: 'clerk' });
    await b.host.services.documents.ocr.idle();
    const reread = value(await b.call('documents:desk', clerkB, { caseId: held.caseId })).documents[0]!;
    expect(reread).toMatchObject({ kind: 'id_card_back', ocr: { status: 'done' } });
    expect(reread.fields.every((f) => f.status === 'recognised')).toBe(true);

    // A review arriving when this desktop has read the file already shows at once.
    await a.host.services.documents.ocr.idle();
    value(await a.call('documents:reviewField', clerkA, { documentId: added.id, field: 'authority', action: 'correct', value: '南京市公安局' }));
    await a.sync.syncNow();
    await b.sync.syncNow();
    const now = value(await b.call('documents:desk', clerkB, { caseId: held.caseId })).documents[0]!;
    expect(now.fields.find((f) => f.key === 'authority')).toMatchObject({ value: '南京市公安局', status: 'corrected', reviewedByName: '张敏' });

    // A corrected identity number reaches the other desktop in full (its store holds the case's identity
    // numbers in full anyway) and is shown corrected there; the audit entries, here and on the server, mask it.
    const second = await upload(a, clerkA, held.caseId, '身份证2.png', (await idCardFront(27)).bytes);
    await a.host.services.documents.ocr.idle();
    const rightNumber = makeIdNumber('320102', '1990-07-15', 138);
    value(await a.call('documents:reviewField', clerkA, { documentId: second.id, field: 'idNumber', action: 'correct', value: rightNumber }));
    await a.sync.syncNow();
    await b.sync.syncNow();
    value(await b.call('documents:desk', clerkB, { caseId: held.caseId }));
    await b.host.services.documents.transfer.fetchFile(second.id);
    await b.host.services.documents.ocr.idle();
    const fixed = value(await b.call('documents:desk', clerkB, { caseId: held.caseId })).documents.find((d) => d.id === second.id)!;
    expect(fixed.ocr.status).toBe('done');
    expect(fixed.fields.find((f) => f.key === 'idNumber')).toMatchObject({ value: rightNumber, status: 'corrected', reviewedByName: '张敏' });
    const trail = await central.db.query<{ details: string }>("SELECT details FROM audit WHERE case_id = $1 AND action = 'documentFieldCorrected'", [held.caseId]);
    expect(trail.length).toBeGreaterThan(0);
    expect(trail.some((r) => r.details.includes(maskIdentifier(rightNumber)))).toBe(true);
    expect(trail.every((r) => !r.details.includes(rightNumber))).toBe(true);
    for (const desk of [a, b]) {
      const local = desk.host.services.audit.forCase(held.caseId).filter((e) => e.action === 'documentFieldCorrected');
      expect(local.every((e) => !e.details.includes(rightNumber))).toBe(true);
      expect(desk.host.services.audit.verify().ok).toBe(true);
    }
  }, 240_000);
});
