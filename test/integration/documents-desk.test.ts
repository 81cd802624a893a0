import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDesk } from '../../shared/api/documents-api';
import { makeIdNumber } from '../../shared/validators/generate';
import type { Session } from '../../electron/host/auth/auth-service';
import { idCardFront, licenceImage } from './support/document-files';
import { tempHost, value, type TempHost } from './support/temp-host';

/**
 * The checking desk through the host API, with real OCR: demo documents made from the case's application,
 * recognition through the worker pool, the clerk's audited review, cross-checks, checklists and permissions.
 */
describe('the checking desk', () => {
  let h: TempHost;
  let clerk: string;
  let caseId: string;
  let desk: DocumentDesk;

  const deskOf = async (token: string, id = caseId) => value(await h.call('documents:desk', token, { caseId: id }));
  const docOf = (kind: string) => desk.documents.find((d) => d.kind === kind)!;
  const fieldOf = (kind: string, key: string) => docOf(kind).fields.find((f) => f.key === key)!;
  const sessionOf = (token: string) => (h.host.services.auth.resolve(token) as { ok: true; value: Session }).value;
  function rows(sql: string, ...params: unknown[]) {
    const db = new Database(h.dbFile, { readonly: true });
    const r = db.prepare(sql).all(...params);
    db.close();
    return r as Record<string, unknown>[];
  }

  beforeAll(async () => {
    h = await tempHost({ cases: 60, documents: { ocrWorkers: 2 } });
    clerk = await h.login('zhangmin');
    caseId = value(await h.call('queue:claimNext', clerk, { queue: 'doc_check' })).caseId;
  });
  afterAll(async () => {
    await h.host.services.documents.close();
    h.close();
  });

  it('gives a demo case the documents its branch uploaded, made from its application, and recognises them', async () => {
    const first = await deskOf(clerk);
    expect(first.documents.length).toBeGreaterThanOrEqual(1);
    expect(first.pendingOcr).toBe(first.documents.length);
    expect(first.documents.every((d) => ['queued', 'running'].includes(d.ocr.status))).toBe(true);
    expect(first.documents[0]!.uploadedByName).toContain('分行受理');
    await h.host.services.documents.ocr.idle();
    desk = await deskOf(clerk);
    expect(desk.pendingOcr).toBe(0);
    expect(desk.documents.every((d) => d.ocr.status === 'done' && d.ocr.ms !== null)).toBe(true);
    expect(desk.canReview).toBe(true);
    // What the branch sent is what the clerk sees classified: kinds detected from the text, not the file name.
    const kinds = desk.documents.map((d) => d.kind);
    expect(kinds).toContain('id_card_front');
    const application = value(await h.call('case:get', clerk, { caseId })).application;
    expect(fieldOf('id_card_front', 'idNumber').value).toBe(application.applicant.idNumber);
    expect(desk.crossChecks.find((c) => c.id === 'applicant_id_number')!.status).toBe('pass');
    expect(desk.checklist.required).toContain('id_card_front');
    // Opening the desk again does not make the documents again.
    expect((await deskOf(clerk)).documents.map((d) => d.id)).toEqual(desk.documents.map((d) => d.id));
  });

  it('records each confirmation and correction through the command path: audited, in the outbox, in one go', async () => {
    const before = value(await h.call('case:get', clerk, { caseId }));
    const front = docOf('id_card_front');
    const confirmed = value(await h.call('documents:reviewField', clerk, { documentId: front.id, field: 'name', action: 'confirm' }));
    expect(confirmed.fields.find((f) => f.key === 'name')).toMatchObject({ status: 'confirmed', reviewedByName: '张敏' });

    const otherId = makeIdNumber('320102', '1990-01-01', 11);
    const corrected = value(await h.call('documents:reviewField', clerk, { documentId: front.id, field: 'idNumber', action: 'correct', value: otherId }));
    expect(corrected.fields.find((f) => f.key === 'idNumber')).toMatchObject({ status: 'corrected', value: otherId, ocrValue: before.application.applicant.idNumber });

    const after = value(await h.call('case:get', clerk, { caseId }));
    expect(after.version).toBe(before.version + 2);
    const [confirm, correct] = after.history.slice(-2);
    expect(confirm).toMatchObject({ action: 'documentFieldConfirmed', actorName: '张敏', details: { documentId: front.id, field: 'name' } });
    expect(correct).toMatchObject({ action: 'documentFieldCorrected', details: { field: 'idNumber', value: `${otherId.slice(0, 4)}**********${otherId.slice(-4)}` } });
    // The audit keeps identity numbers masked; the outbox carries the full command for the server.
    expect(JSON.stringify(after.history)).not.toContain(otherId);
    expect(rows("SELECT command FROM outbox WHERE case_id = ? AND command = 'reviewDocument'", caseId)).toHaveLength(2);
    // Only a server could refuse them: a standalone desktop keeps no copy of the fields for undoing them.
    expect(rows("SELECT command FROM outbox WHERE case_id = ? AND field_before IS NOT NULL", caseId)).toHaveLength(0);
    expect(value(await h.call('audit:verify', await h.login('zhouyan'), {})).ok).toBe(true);

    // The corrected number now disagrees with the application: the cross-check says so, with its evidence.
    const check = (await deskOf(clerk)).crossChecks.find((c) => c.id === 'applicant_id_number')!;
    expect(check).toMatchObject({ status: 'fail', evidence: [{ field: 'idNumber', ocrValue: otherId, applicationValue: before.application.applicant.idNumber }] });
    value(await h.call('documents:reviewField', clerk, { documentId: front.id, field: 'idNumber', action: 'correct', value: before.application.applicant.idNumber }));
    expect((await deskOf(clerk)).crossChecks.find((c) => c.id === 'applicant_id_number')!.status).toBe('pass');
  });

  it('refuses a correction that fails its check, and changes nothing', async () => {
    const front = docOf('id_card_front');
    const version = value(await h.call('case:get', clerk, { caseId })).version;
    const bad = await h.call('documents:reviewField', clerk, { documentId: front.id, field: 'idNumber', action: 'correct', value: '110105194912310021' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.details).toEqual({ problems: ['check_digit'] });
      expect([bad.error.message, bad.error.messageEn]).toEqual(['更正值不合法：校验位不符', 'The corrected value is not valid: check digit does not match']);
    }
    expect((await h.call('documents:reviewField', clerk, { documentId: front.id, field: 'birthDate', action: 'correct', value: '1990年13月1日' })).ok).toBe(false);
    expect(value(await h.call('case:get', clerk, { caseId })).version).toBe(version);
  });

  it('refuses reviews by anyone but the clerk holding the case', async () => {
    const other = await h.login('wangfang');
    const r = await h.call('documents:reviewField', other, { documentId: docOf('id_card_front').id, field: 'name', action: 'confirm' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('forbidden');
    expect((await deskOf(other)).canReview).toBe(false);
  });

  it('lets the clerk correct a kind (audited); the document is then read again as that kind', async () => {
    const front = docOf('id_card_front');
    value(await h.call('documents:setKind', clerk, { documentId: front.id, kind: 'other' }));
    await h.host.services.documents.ocr.idle();
    let d = (await deskOf(clerk)).documents.find((x) => x.id === front.id)!;
    expect(d).toMatchObject({ kind: 'other', kindSource: 'clerk', fields: [], ocr: { status: 'done' } });
    value(await h.call('documents:setKind', clerk, { documentId: front.id, kind: 'id_card_front' }));
    await h.host.services.documents.ocr.idle();
    desk = await deskOf(clerk);
    d = desk.documents.find((x) => x.id === front.id)!;
    expect(d.kind).toBe('id_card_front');
    expect(d.fields.map((f) => f.key)).toEqual(['name', 'gender', 'ethnicity', 'birthDate', 'address', 'idNumber']);
    const history = value(await h.call('case:get', clerk, { caseId })).history.filter((e) => e.action === 'documentKindSet');
    expect(history.map((e) => [e.details.fromKind, e.details.kind])).toEqual([
      ['id_card_front', 'other'],
      ['other', 'id_card_front'],
    ]);
  });

  it('queues documents beyond the pool, shows their place, cancels a queued one and reads it again on request', async () => {
    const s = sessionOf(clerk);
    const added: { id: string }[] = [];
    for (const seed of [21, 22, 23, 24]) added.push(value(await h.host.services.documents.intake(s.actor, caseId, `补充${seed}.jpg`, seed % 2 ? (await idCardFront(seed, 'jpeg')).bytes : await licenceImage(seed))).document);
    const queued = (await deskOf(clerk)).documents.filter((d) => added.some((a) => a.id === d.id));
    // Two engines: at least the last two wait, in order.
    const waiting = queued.filter((d) => d.ocr.status === 'queued');
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    expect(waiting.map((d) => d.ocr.queuePosition)).toEqual(waiting.map((_, i) => i + 1));
    const last = added.at(-1)!;
    const cancelled = value(await h.call('documents:cancel', clerk, { documentId: last.id }));
    expect(cancelled.id).toBe(last.id);
    await h.host.services.documents.ocr.idle();
    expect((await deskOf(clerk)).documents.find((d) => d.id === last.id)!.ocr.status).toBe('cancelled');
    expect(value(await h.call('documents:recognise', clerk, { documentId: last.id })).ocr.status).toBe('queued');
    await h.host.services.documents.ocr.idle();
    desk = await deskOf(clerk);
    expect(desk.documents.find((d) => d.id === last.id)!.ocr.status).toBe('done');
  });

  it('cancels a document while it is being recognised: nothing of that reading is kept, and it can be read again', async () => {
    const s = sessionOf(clerk);
    const doc = value(await h.host.services.documents.intake(s.actor, caseId, '补充25.jpg', (await idCardFront(25, 'jpeg')).bytes)).document;
    const statusOf = async () => (await deskOf(clerk)).documents.find((d) => d.id === doc.id)!;
    const deadline = Date.now() + 60_000;
    let status = (await statusOf()).ocr.status;
    while (status === 'queued' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
      status = (await statusOf()).ocr.status;
    }
    expect(status).toBe('running');
    value(await h.call('documents:cancel', clerk, { documentId: doc.id }));
    await h.host.services.documents.ocr.idle();
    const cancelled = await statusOf();
    expect(cancelled.ocr.status).toBe('cancelled');
    expect(cancelled.fields).toEqual([]);
    expect(value(await h.call('documents:recognise', clerk, { documentId: doc.id })).ocr.status).toBe('queued');
    await h.host.services.documents.ocr.idle();
    const read = await statusOf();
    expect(read.ocr.status).toBe('done');
    expect(read.fields.find((f) => f.key === 'idNumber')!.value).toMatch(/^\d{17}[\dX]$/);
  });

  it('masks identity numbers and withholds images from a viewer without pii.view', async () => {
    const supervisor = await h.login('zhouyan');
    const seen = await deskOf(supervisor);
    const id = seen.documents.find((d) => d.id === docOf('id_card_front').id)!.fields.find((f) => f.key === 'idNumber')!;
    expect(id.value).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(seen.crossChecks.find((c) => c.id === 'applicant_id_number')!.evidence[0]!.applicationValue).toMatch(/\*{10}/);
    expect(seen.canReview).toBe(false);
    const page = await h.call('documents:page', supervisor, { documentId: docOf('id_card_front').id, page: 1 });
    expect(page.ok).toBe(false);
    if (!page.ok) expect(page.error.code).toBe('forbidden');
  });

  it('keeps the required-document checklist as data an administrator edits (versioned, audited)', async () => {
    const product = desk.productCode;
    const admin = await h.login('admin');
    const before = value(await h.call('checklist:get', clerk, { productCode: product }));
    const refused = await h.call('checklist:update', clerk, { productCode: product, items: [{ kind: 'id_card_front', enterpriseOnly: false }] });
    expect(refused.ok).toBe(false);
    const items = [...before.items, { kind: 'survey_form' as const, enterpriseOnly: false }];
    const updated = value(await h.call('checklist:update', admin, { productCode: product, items }));
    expect(updated).toEqual({ productCode: product, version: before.version + 1, items });
    expect(rows("SELECT details FROM audit WHERE action = 'checklistUpdated'")).toHaveLength(1);
    const now = await deskOf(clerk);
    expect(now.checklist.required).toContain('survey_form');
    expect(now.checklist.missing).toContain('survey_form');
    expect((await h.call('checklist:update', admin, { productCode: product, items: [...items, items[0]!] })).ok).toBe(false);
  });

  it('says why recognition failed, in both languages: a stored file that no longer matches its hash', async () => {
    const doc = docOf('id_card_front');
    const { documents } = h.host.services;
    const file = documents.blobs.pathOf(documents.repo.pages(doc.id)[0]!.sha256);
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.concat([bytes, Buffer.from('damaged')]));
    // Recognition runs again only after it failed or was cancelled (a finished one holds the clerk's reviews).
    const cancelled = () => h.host.services.db.prepare("UPDATE documents SET ocr_status = 'cancelled' WHERE id = ?").run(doc.id);
    cancelled();
    try {
      value(await h.call('documents:recognise', clerk, { documentId: doc.id }));
      await h.host.services.documents.ocr.idle();
      const failed = (await deskOf(clerk)).documents.find((d) => d.id === doc.id)!;
      expect(failed.ocr).toMatchObject({
        status: 'failed',
        error: { message: '存储的文件校验失败，请重新上传', messageEn: 'The stored file failed its integrity check; upload it again' },
      });
      // A store from before the reasons were kept in both languages held one `中文 / English` text.
      h.host.services.db.prepare('UPDATE documents SET ocr_error = ? WHERE id = ?').run('识别失败，可重新识别 / Recognition failed; try again', doc.id);
      expect((await deskOf(clerk)).documents.find((d) => d.id === doc.id)!.ocr.error).toEqual({ message: '识别失败，可重新识别', messageEn: 'Recognition failed; try again' });
    } finally {
      writeFileSync(file, bytes);
    }
    cancelled();
    value(await h.call('documents:recognise', clerk, { documentId: doc.id }));
    await h.host.services.documents.ocr.idle();
    expect((await deskOf(clerk)).documents.find((d) => d.id === doc.id)!.ocr).toMatchObject({ status: 'done', error: null });
  });
});

/**
 * A refused command puts a document back as it was (sync/document-replica.ts): the recognition it had started
 * is withdrawn, and nothing of it may be written afterwards, whenever it was withdrawn. A host of its own, so
 * that its OCR engine has not started before the first test.
 */
describe('withdrawing a recognition', () => {
  let h: TempHost;
  let clerk: string;
  let caseId: string;

  beforeAll(async () => {
    h = await tempHost({ cases: 10, documents: { ocrWorkers: 1 } });
    clerk = await h.login('zhangmin');
    caseId = value(await h.call('queue:claimNext', clerk, { queue: 'doc_check' })).caseId;
  });
  afterAll(async () => {
    await h.host.services.documents.close();
    h.close();
  });

  const sessionOf = (token: string) => (h.host.services.auth.resolve(token) as { ok: true; value: Session }).value;
  const add = async (fileName: string, seed: number) =>
    value(await h.host.services.documents.intake(sessionOf(clerk).actor, caseId, fileName, (await idCardFront(seed, 'jpeg')).bytes)).document;
  /** What the refusal put back: here a state no reading writes. */
  const putBack = (documentId: string) => h.host.services.documents.repo.setStatus(documentId, 'failed', { message: '放回', messageEn: 'put back' });
  const expectPutBack = (documentId: string) => {
    const { repo } = h.host.services.documents;
    expect(repo.get(documentId)).toMatchObject({ ocrStatus: 'failed', ocrError: { message: '放回', messageEn: 'put back' } });
    expect(repo.fields(documentId)).toEqual([]);
  };
  const whenRunning = async (documentId: string) => {
    const { repo } = h.host.services.documents;
    const deadline = Date.now() + 60_000;
    while (repo.get(documentId)!.ocrStatus === 'queued' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(repo.get(documentId)!.ocrStatus).toBe('running');
  };

  it('withdrawn while its OCR engine is still starting: it never starts, and writes nothing', async () => {
    const { ocr } = h.host.services.documents;
    const doc = await add('补充40.jpg', 40);
    // Nothing has been read on this host yet: its first reading waits for the engine to start.
    expect(h.host.services.documents.repo.get(doc.id)!.ocrStatus).toBe('queued');
    ocr.withdraw(doc.id);
    putBack(doc.id);
    await ocr.idle();
    expectPutBack(doc.id);
  });

  it('withdrawn while it reads: neither its result nor its cancellation is written, and it can be read again later', async () => {
    const { ocr, repo } = h.host.services.documents;
    const doc = await add('补充41.jpg', 41);
    await whenRunning(doc.id);
    ocr.withdraw(doc.id);
    putBack(doc.id);
    await ocr.idle();
    expectPutBack(doc.id);
    await ocr.requeue(doc.id);
    expect(repo.get(doc.id)!.ocrStatus).toBe('done');
  });

  it('reads a withdrawn document again when asked while the withdrawn reading is still stopping', async () => {
    const { ocr, repo } = h.host.services.documents;
    const doc = await add('补充43.jpg', 43);
    await whenRunning(doc.id);
    ocr.withdraw(doc.id);
    putBack(doc.id);
    // 重新识别, as the desk's recognise does.
    repo.setStatus(doc.id, 'queued');
    await ocr.enqueue(doc.id);
    await ocr.idle();
    expect(repo.get(doc.id)!.ocrStatus).toBe('done');
    expect(repo.fields(doc.id).length).toBeGreaterThan(0);
  });

  it('puts a document back as queued, not as being read, when it was being read as its kind was changed', async () => {
    const { ocr, repo, kindUndo } = h.host.services.documents;
    const doc = await add('补充44.jpg', 44);
    await whenRunning(doc.id);
    const before = kindUndo.snapshot(doc.id)!;
    expect(before.ocr_status).toBe('running');
    ocr.withdraw(doc.id);
    kindUndo.restore(doc.id, before);
    expect(repo.get(doc.id)!.ocrStatus).toBe('queued');
    await ocr.idle();
    expect(repo.get(doc.id)!.ocrStatus).toBe('queued');
  });

  it('withdrawn while a reading asked for again waits for it to stop: that reading does not start either', async () => {
    const { ocr } = h.host.services.documents;
    const doc = await add('补充42.jpg', 42);
    await whenRunning(doc.id);
    const again = ocr.requeue(doc.id); // the kind was changed again while it read
    ocr.withdraw(doc.id);
    putBack(doc.id);
    await again;
    await ocr.idle();
    expectPutBack(doc.id);
  });
});
