import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/host/auth/auth-service';
import { blankPdf, emptyPdf, encrypt, hugePng, idCardFront, licenceImage, pdfOf, tiffOf } from './support/document-files';
import { tempHost, value, type TempHost } from './support/temp-host';

/** Files in the content-addressed store (not counting its temp folder). */
function storedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'tmp') walk(p);
      } else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('document intake: bad files are refused clearly, and nothing is stored half-way', () => {
  let h: TempHost;
  let clerk: string;
  let session: Session;
  let caseId: string;
  let store: string;

  /** Everything a refused file could have touched. */
  function fingerprint() {
    const db = new Database(h.dbFile, { readonly: true });
    const row = db
      .prepare(
        `SELECT (SELECT count(*) FROM documents) AS docs, (SELECT count(*) FROM blobs) AS blobs, (SELECT count(*) FROM audit) AS audit,
                (SELECT count(*) FROM outbox) AS outbox, (SELECT version FROM cases WHERE id = ?) AS version`,
      )
      .get(caseId);
    db.close();
    return { ...(row as object), files: storedFiles(store), tmp: readdirSync(join(store, 'tmp')) };
  }

  beforeAll(async () => {
    h = await tempHost({ cases: 40, documents: { ocrWorkers: 1 } });
    clerk = await h.login('zhangmin');
    caseId = value(await h.call('queue:claimNext', clerk, { queue: 'doc_check' })).caseId;
    session = h.host.services.auth.resolve(clerk).ok ? (h.host.services.auth.resolve(clerk) as { ok: true; value: Session }).value : (null as never);
    store = join(h.dataDir, 'documents');
  });
  afterAll(async () => {
    await h.host.services.documents.close();
    h.close();
  });

  const intake = (name: string, bytes: Buffer) => h.host.services.documents.intake(session.actor, caseId, name, bytes);

  async function refused(name: string, bytes: Buffer, problem: string) {
    const before = fingerprint();
    const r = await intake(name, bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    expect(r.error.details).toEqual({ problem });
    expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.error.messageEn.length).toBeGreaterThan(10);
    expect(fingerprint()).toEqual(before);
    return r.error;
  }

  it('refuses a zero-byte file', async () => {
    await refused('空文件.jpg', Buffer.alloc(0), 'empty');
    const r = await h.call('documents:uploadBegin', clerk, { caseId, fileName: 'a.jpg', sizeBytes: 0 });
    expect(r.ok || r.error.details).toEqual({ problem: 'empty' });
  });

  it('refuses a truncated JPEG', async () => {
    const jpeg = (await idCardFront(3, 'jpeg')).bytes;
    await refused('身份证.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'corrupt_image');
  });

  it('refuses an executable renamed to .jpg, saying what it is', async () => {
    const e = await refused('身份证.jpg', readFileSync(process.execPath).subarray(0, 256 * 1024), 'unsupported_type');
    expect(e?.messageEn).toContain('ELF executable');
    const mz = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 0x90)]);
    expect((await refused('营业执照.png', mz, 'unsupported_type'))?.message).toContain('MZ');
  });

  it('refuses a 200 MB file before reading it, at the start of an upload and at intake', async () => {
    const r = await h.call('documents:uploadBegin', clerk, { caseId, fileName: '扫描件.pdf', sizeBytes: 200 * 1024 * 1024 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toEqual({ problem: 'too_large' });
    await refused('扫描件.pdf', Buffer.alloc(200 * 1024 * 1024, 0x25), 'too_large');
  });

  it('stops an upload that sends more than it declared, and removes its partial file', async () => {
    const before = fingerprint();
    const begin = value(await h.call('documents:uploadBegin', clerk, { caseId, fileName: 'a.png', sizeBytes: 1000 }));
    const r = await h.call('documents:uploadChunk', clerk, { uploadId: begin.uploadId, index: 0, dataBase64: Buffer.alloc(2000, 1).toString('base64') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toEqual({ problem: 'too_large' });
    expect((await h.call('documents:uploadChunk', clerk, { uploadId: begin.uploadId, index: 1, dataBase64: 'AAAA' })).ok).toBe(false);
    expect(fingerprint()).toEqual(before);
  });

  it('refuses an encrypted PDF and an empty one', async () => {
    const page = await licenceImage();
    await refused('营业执照.pdf', encrypt(await pdfOf([page])), 'pdf_encrypted');
    await refused('空白.pdf', await emptyPdf(), 'pdf_empty');
    await refused('空白页.pdf', await blankPdf(), 'blank');
    await refused('残缺.pdf', (await pdfOf([page])).subarray(0, 400), 'pdf_corrupt');
  });

  it('refuses a 20,000 × 20,000 image without decoding it', async () => {
    const e = await refused('超大图片.png', hugePng(20_000), 'image_too_large');
    expect(e?.message).toContain('20000 × 20000');
  });

  it('leaves the case as it was: same state, holder and a verifiable audit chain', async () => {
    const c = value(await h.call('case:get', clerk, { caseId }));
    expect(c.state).toBe('doc_check');
    expect(c.assigneeName).toBe('张敏');
    expect(h.host.services.audit.verify().ok).toBe(true);
  });

  it('accepts a real upload in chunks, checks its hash, stores it once, and audits it', async () => {
    const { bytes } = await idCardFront(4);
    const before = fingerprint();
    const begin = value(await h.call('documents:uploadBegin', clerk, { caseId, fileName: '身份证.png', sizeBytes: bytes.length }));
    for (let at = 0, i = 0; at < bytes.length; at += begin.chunkBytes, i++) {
      value(await h.call('documents:uploadChunk', clerk, { uploadId: begin.uploadId, index: i, dataBase64: bytes.subarray(at, at + begin.chunkBytes).toString('base64') }));
    }
    const done = value(await h.call('documents:uploadFinish', clerk, { uploadId: begin.uploadId, sha256: sha(bytes) }));
    expect(done.duplicate).toBe(false);
    expect(done.document).toMatchObject({ fileName: '身份证.png', mime: 'image/png', sizeBytes: bytes.length, sha256: sha(bytes), pages: [{ page: 1 }] });
    expect(['queued', 'running']).toContain(done.document.ocr.status);
    const after = fingerprint();
    // One blob: a browser-displayable PNG is its own page image.
    expect(after.files.length).toBe(before.files.length + 1);
    expect(readFileSync(after.files.find((f) => f.endsWith(sha(bytes)))!)).toEqual(bytes);
    const history = value(await h.call('case:get', clerk, { caseId })).history;
    expect(history.at(-1)).toMatchObject({ action: 'documentAdded', actorName: '张敏', details: { fileName: '身份证.png', sha256: sha(bytes) } });

    // The same file again: the same document, nothing stored twice.
    const again = value(await h.host.services.documents.intake(session.actor, caseId, 'copy.png', bytes));
    expect(again).toMatchObject({ duplicate: true, document: { id: done.document.id } });
    expect(fingerprint().files).toEqual(after.files);
  });

  it('refuses an upload damaged in transfer (hash mismatch)', async () => {
    const { bytes } = await idCardFront(5);
    const before = fingerprint();
    const begin = value(await h.call('documents:uploadBegin', clerk, { caseId, fileName: 'x.png', sizeBytes: bytes.length }));
    for (let at = 0, i = 0; at < bytes.length; at += begin.chunkBytes, i++) {
      value(await h.call('documents:uploadChunk', clerk, { uploadId: begin.uploadId, index: i, dataBase64: bytes.subarray(at, at + begin.chunkBytes).toString('base64') }));
    }
    const r = await h.call('documents:uploadFinish', clerk, { uploadId: begin.uploadId, sha256: sha(Buffer.from('something else')) });
    expect(r.ok).toBe(false);
    expect(fingerprint()).toEqual(before);
  });

  it('renders the pages of a PDF and of a TIFF as images the browser can show', async () => {
    const pdf = value(await intake('营业执照.pdf', await pdfOf([await licenceImage(6), await licenceImage(7)])));
    const pages = h.host.services.documents.repo.pages(pdf.document.id);
    expect(pages.map((p) => [p.pageNo, p.mime])).toEqual([
      [1, 'image/jpeg'],
      [2, 'image/jpeg'],
    ]);
    const tiff = value(await intake('身份证.tif', await tiffOf((await idCardFront(8)).bytes)));
    expect(h.host.services.documents.repo.pages(tiff.document.id).map((p) => p.mime)).toEqual(['image/png']);
    const page = value(await h.call('documents:page', clerk, { documentId: pdf.document.id, page: 2 }));
    expect(page.mime).toBe('image/jpeg');
    expect(Buffer.from(page.dataBase64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('checks integrity on read: a stored file changed on disk is refused, not shown', async () => {
    const { bytes } = await idCardFront(9);
    const doc = value(await intake('身份证.png', bytes)).document;
    const file = storedFiles(store).find((f) => f.endsWith(doc.sha256))!;
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 20] ^= 0xff;
    writeFileSync(file, tampered);
    const r = await h.call('documents:page', clerk, { documentId: doc.id, page: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.messageEn).toContain('integrity');
  });

  it('refuses documents from someone who does not hold the case, and leaves the case unharmed', async () => {
    const other = await h.login('wangfang');
    const before = fingerprint();
    const r = await h.call('documents:uploadBegin', other, { caseId, fileName: 'a.png', sizeBytes: 10 });
    // wangfang may see the case (she could claim it) but adding a document is the holder's.
    if (r.ok) {
      const { bytes } = await idCardFront(10);
      const s = h.host.services.auth.resolve(other) as { ok: true; value: Session };
      const added = await h.host.services.documents.intake(s.value.actor, caseId, 'a.png', bytes);
      expect(added.ok).toBe(false);
      if (!added.ok) expect(added.error.code).toBe('forbidden');
      h.host.services.documents.uploads.abort(s.value.actor.id, r.value.uploadId);
    }
    expect(fingerprint()).toEqual(before);
  });
});
