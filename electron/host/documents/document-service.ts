import { createHash, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { DocumentDesk, DocumentSummary } from '../../../shared/api/documents-api';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/api/documents-api';
import { SYSTEM_ACTOR } from '../../../shared/auth/system-user';
import { checklistProblems, missingKinds, requiredKinds, type ChecklistItem } from '../../../shared/documents/checklist';
import type { Actor } from '../../../shared/commands/types';
import { crossCheck } from '../../../shared/documents/cross-checks';
import { canonicalFieldValue, isBlocking, VALUE_PROBLEM_LABELS } from '../../../shared/documents/field-values';
import { fieldDef, isSensitiveField } from '../../../shared/documents/fields';
import type { DocumentKind } from '../../../shared/documents/kinds';
import { AppErrorException, fail, ok, type AppError, type Result } from '../../../shared/errors';
import type { ProductCode } from '../../../shared/products/catalog';
import type { AuditRepo } from '../audit/audit-repo';
import type { Session } from '../auth/auth-service';
import type { CaseService } from '../cases/case-service';
import type { CommandService } from '../commands/command-service';
import type { Db } from '../db/database';
import type { CaseRepo } from '../store/case-repo';
import { BlobStore } from './blob-store';
import { ChecklistRepo } from './checklist-repo';
import { DocumentRepo, type DocumentRow, type FieldState } from './document-repo';
import { DocumentTransfer, type DocumentRemote } from './document-transfer';
import { checkedDocuments, documentView, maskEvidence } from './document-views';
import { sniffType } from './file-type';
import { IntakeError } from './intake-error';
import { KindUndoStore } from './kind-undo';
import { OcrQueue, shanghaiDate } from './ocr-queue';
import { DEFAULT_LIMITS, pagesOf, type IntakeLimits } from './page-images';
import { emptyFile, tooLarge, UploadSessions } from './upload-sessions';

export interface DocumentOptions {
  /** Largest accepted file in bytes (default 20 MB; WORKBENCH_DOC_MAX_MB overrides the default). */
  maxBytes?: number;
  maxPixels?: number;
  /** OCR engines working at once (default: one core less than the machine has, at least 1, at most 2; WORKBENCH_OCR_WORKERS). */
  ocrWorkers?: number;
  /**
   * Make the documents of demo cases when they are first opened (default: on a standalone host with demo
   * data). A synced desktop turns it on only when its central server holds the demo cases.
   */
  demo?: boolean;
}

/** Makes the documents a demo case was "uploaded" with; injected only when the host runs with demo data. */
export interface DemoDocumentSource {
  documentsFor(caseId: string): Promise<{ fileName: string; bytes: Buffer }[]>;
}

export interface DocumentServiceDeps {
  db: Db;
  dataDir: string;
  cases: CaseRepo;
  caseService: CaseService;
  commands: CommandService;
  audit: AuditRepo;
  now: () => number;
  options?: DocumentOptions;
  demo?: DemoDocumentSource;
  /**
   * On a desktop synced with a central server: the server's file store (sync/blob-transfer.ts). Files added
   * here are sent to it, documents added elsewhere are fetched from it. A function because sync is created
   * after the services; it returns null on a standalone desktop.
   */
  remote?: () => DocumentRemote | null;
}

/** A document "uploaded by the branch" for a demo case (no command: it is made from the case itself). */
interface Seeded {
  uploadedAt: string;
  byName: string;
  documentId?: string;
}

const notFound = () => fail('not-found', '资料不存在', 'Document not found');

function envNumber(name: string): number | undefined {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

/**
 * Documents of cases: intake (type by magic bytes, size and pixel limits, content-addressed storage), OCR
 * through the queue, the clerk's review (audited through the command path), the checking desk's view with
 * checklist and cross-checks, and required-document checklists.
 */
export class DocumentService {
  readonly repo: DocumentRepo;
  readonly blobs: BlobStore;
  readonly checklists: ChecklistRepo;
  readonly ocr: OcrQueue;
  readonly uploads: UploadSessions;
  readonly limits: IntakeLimits;
  /** Files to and from the central server (a synced desktop). */
  readonly transfer: DocumentTransfer;
  readonly kindUndo: KindUndoStore;
  private readonly demoRuns = new Map<string, Promise<void>>();

  constructor(private readonly deps: DocumentServiceDeps) {
    const o = deps.options ?? {};
    this.limits = {
      ...DEFAULT_LIMITS,
      maxBytes: o.maxBytes ?? (envNumber('WORKBENCH_DOC_MAX_MB') ?? 20) * 1024 * 1024,
      maxPixels: o.maxPixels ?? DEFAULT_LIMITS.maxPixels,
    };
    this.repo = new DocumentRepo(deps.db);
    this.kindUndo = new KindUndoStore(deps.db);
    this.checklists = new ChecklistRepo(deps.db);
    this.blobs = new BlobStore(join(deps.dataDir, 'documents'));
    this.blobs.sweepTemp();
    this.uploads = new UploadSessions(this.blobs.tempDir(), () => this.limits.maxBytes, deps.now);
    this.ocr = new OcrQueue({
      repo: this.repo,
      blobs: this.blobs,
      cacheDir: deps.dataDir,
      // One core is left to the UI and the host: on the 2-core desktops of the centre, OCR takes the other.
      workers: o.ocrWorkers ?? envNumber('WORKBENCH_OCR_WORKERS') ?? Math.max(1, Math.min(2, availableParallelism() - 1)),
      now: deps.now,
    });
    this.transfer = new DocumentTransfer({
      db: deps.db,
      repo: this.repo,
      blobs: this.blobs,
      limits: this.limits,
      now: deps.now,
      remote: deps.remote ?? (() => null),
      recognise: (id) => void this.ocr.enqueue(id),
    });
  }

  private nowIso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  /** The case if the viewer may see it (same rule as the case page). */
  private visible(caseId: string, session: Session) {
    const seen = this.deps.caseService.get(caseId, session);
    if (!seen.ok) return seen;
    const record = this.deps.cases.get(caseId);
    return record ? ok(record) : fail('not-found', '案件不存在', 'Case not found');
  }

  private visibleDocument(documentId: string, session: Session): Result<DocumentRow> {
    const doc = this.repo.get(documentId);
    if (!doc) return notFound();
    const c = this.visible(doc.caseId, session);
    return c.ok ? ok(doc) : c;
  }

  private summary(doc: DocumentRow, session: Session): DocumentSummary {
    return documentView(this.repo, this.repo.get(doc.id) ?? doc, session.info.permissions.includes('pii.view'), this.ocr.progress(doc.id));
  }

  // ---- intake ------------------------------------------------------------------------------------------

  /**
   * Checks a file completely before anything is written (type by its bytes, size, decodable, pixel and page
   * limits), stores it and its page images by sha256, and adds it to the case in one transaction with the
   * audited `addDocument` command. On any refusal nothing is left behind. The same file added to the same
   * case again returns the existing document.
   */
  async intake(actor: Actor, caseId: string, fileName: string, bytes: Buffer, asSeeded?: Seeded): Promise<Result<{ document: DocumentRow; duplicate: boolean }>> {
    try {
      if (bytes.length === 0) throw emptyFile();
      if (bytes.length > this.limits.maxBytes) throw tooLarge(this.limits.maxBytes);
      const type = sniffType(bytes);
      if (!type.ok) {
        throw new IntakeError('unsupported_type', `不支持的文件类型（${type.looksLike}），请上传 JPEG、PNG、TIFF 或 PDF`, `Unsupported file type (${type.looksLike}); upload a JPEG, PNG, TIFF or PDF`);
      }
      const pages = await pagesOf(bytes, type.mime, this.limits);
      return this.store(actor, caseId, fileName, bytes, type.mime, pages, asSeeded);
    } catch (e) {
      if (e instanceof IntakeError) return e.toResult();
      throw e;
    }
  }

  private store(
    actor: Actor,
    caseId: string,
    fileName: string,
    bytes: Buffer,
    mime: string,
    pages: Awaited<ReturnType<typeof pagesOf>>,
    asSeeded?: Seeded,
  ): Result<{ document: DocumentRow; duplicate: boolean }> {
    const written: string[] = [];
    const put = (b: Buffer) => {
      const r = this.blobs.put(b);
      if (r.created) written.push(r.sha256);
      return r.sha256;
    };
    const at = this.nowIso();
    try {
      const sha256 = put(bytes);
      const existing = this.repo.findInCase(caseId, sha256);
      if (existing) return ok({ document: existing, duplicate: true });
      const pageShas = pages.map((p) => put(p.bytes));
      const id = asSeeded?.documentId ?? `d-${randomUUID()}`;
      const name = fileName.trim().slice(0, 200) || 'document';
      this.deps.db.transaction(() => {
        if (!asSeeded) {
          const r = this.deps.commands.execute(actor, 'addDocument', {
            caseId,
            documentId: id,
            fileName: name,
            sha256,
            mime,
            sizeBytes: bytes.length,
            pages: pages.length,
          });
          if (!r.ok) throw new AppErrorException(r.error);
        } else if (!this.deps.cases.get(caseId)) {
          throw new AppErrorException({ code: 'not-found', message: '案件不存在', messageEn: 'Case not found' });
        }
        this.repo.addBlob(sha256, bytes.length, mime, at);
        pages.forEach((p, i) => this.repo.addBlob(pageShas[i]!, p.bytes.length, p.mime, at));
        // Synced: the file goes to the server after this commit (each sync round; never lost, never waited for).
        // A demo document is not sent: every desktop makes its own from the case.
        if (!asSeeded) this.transfer.queueUpload(sha256, id, actor.id);
        this.repo.insertDocument({
          id,
          caseId,
          seq: this.repo.nextSeq(caseId),
          fileName: name,
          mime,
          sizeBytes: bytes.length,
          sha256,
          pageCount: pages.length,
          uploadedBy: actor.id,
          uploadedByName: asSeeded?.byName ?? actor.name,
          uploadedAt: asSeeded?.uploadedAt ?? at,
        });
        pages.forEach((p, i) => this.repo.insertPage({ documentId: id, pageNo: i + 1, sha256: pageShas[i]!, mime: p.mime, width: p.width, height: p.height }));
      })();
      written.length = 0; // committed: the files are referenced now
      void this.ocr.enqueue(id);
      return ok({ document: this.repo.get(id)!, duplicate: false });
    } catch (e) {
      if (e instanceof AppErrorException) return { ok: false, error: e.appError };
      throw e;
    } finally {
      // Anything this call wrote but did not commit goes again: nothing stored half-way.
      for (const sha of written) if (!this.repo.isBlobReferenced(sha)) this.blobs.remove(sha);
    }
  }

  uploadBegin(session: Session, caseId: string, fileName: string, sizeBytes: number) {
    const c = this.visible(caseId, session);
    if (!c.ok) return c;
    const r = this.uploads.begin(session.actor.id, caseId, fileName, sizeBytes);
    return r.ok ? ok({ uploadId: r.value.uploadId, chunkBytes: UPLOAD_CHUNK_BYTES, maxBytes: this.limits.maxBytes }) : r;
  }

  uploadChunk(session: Session, uploadId: string, index: number, dataBase64: string) {
    return this.uploads.chunk(session.actor.id, uploadId, index, Buffer.from(dataBase64, 'base64'));
  }

  async uploadFinish(session: Session, uploadId: string, sha256: string): Promise<Result<{ document: DocumentSummary; duplicate: boolean }>> {
    const file = this.uploads.finish(session.actor.id, uploadId, sha256);
    if (!file.ok) return file;
    const r = await this.intake(session.actor, file.value.caseId, file.value.fileName, file.value.bytes);
    return r.ok ? ok({ document: this.summary(r.value.document, session), duplicate: r.value.duplicate }) : r;
  }

  uploadAbort(session: Session, uploadId: string) {
    return ok({ aborted: this.uploads.abort(session.actor.id, uploadId) });
  }

  // ---- the checking desk -------------------------------------------------------------------------------

  async desk(session: Session, caseId: string): Promise<Result<DocumentDesk>> {
    const { actor, info: viewer } = session;
    const c = this.visible(caseId, session);
    if (!c.ok) return c;
    await this.ensureDemoDocuments(caseId);
    // Documents added on other desktops: their files are fetched now, in the background (the desk polls).
    this.transfer.fetchCase(caseId);
    const record = c.value;
    const pii = viewer.permissions.includes('pii.view');
    const docs = this.repo.forCase(caseId);
    const items = this.checklists.items(record.data.productCode);
    const present = docs.filter((d) => d.ocrStatus === 'done' || d.kindSource === 'clerk').map((d) => d.kind);
    const holds = record.assigneeId === actor.id;
    return ok({
      caseId,
      productCode: record.data.productCode,
      documents: docs.map((d) => documentView(this.repo, d, pii, this.ocr.progress(d.id))),
      checklist: { required: requiredKinds(items, record.data), missing: missingKinds(items, record.data, present) },
      crossChecks: maskEvidence(crossCheck({ application: record.data, documents: checkedDocuments(this.repo, docs), today: shanghaiDate(this.deps.now()) }), pii),
      pendingOcr: docs.filter((d) => d.ocrStatus === 'queued' || d.ocrStatus === 'running').length,
      canReview: record.state === 'doc_check' && holds && viewer.permissions.includes('doc.work'),
      canUpload:
        (record.state === 'doc_check' && holds && viewer.permissions.includes('doc.work')) ||
        ((record.state === 'submitted' || record.state === 'returned') && viewer.permissions.includes('case.submit')),
      maxUploadBytes: this.limits.maxBytes,
    });
  }

  /**
   * Demo cases get their documents once, the first time anybody opens them here; concurrent requests share
   * it. They are made on each desktop from the case (never sent), under ids derived from the case, so a
   * review of one made elsewhere names the same document here. Documents learnt from the server do not
   * count as the case's own: only a document added on this desktop means the case is not a demo case.
   */
  private ensureDemoDocuments(caseId: string): Promise<void> {
    const demo = this.deps.demo;
    if (!demo || this.repo.demoGenerated(caseId) || this.repo.hasLocalDocuments(caseId)) return Promise.resolve();
    let run = this.demoRuns.get(caseId);
    if (!run) {
      run = (async () => {
        const record = this.deps.cases.get(caseId);
        if (!record) return;
        for (const [i, file] of (await demo.documentsFor(caseId)).entries()) {
          const documentId = `d-demo-${createHash('sha256').update(`${caseId}/${i}`).digest('hex').slice(0, 32)}`;
          const r = await this.intake(SYSTEM_ACTOR, caseId, file.fileName, file.bytes, { uploadedAt: record.submittedAt, byName: `${record.data.branchName}（分行受理）`, documentId });
          if (!r.ok) throw new Error(`demo document ${file.fileName}: ${r.error.messageEn}`);
        }
        this.repo.markDemoGenerated(caseId, this.nowIso());
      })().finally(() => this.demoRuns.delete(caseId));
      this.demoRuns.set(caseId, run);
    }
    return run;
  }

  async page(session: Session, documentId: string, pageNo: number) {
    const doc = this.visibleDocument(documentId, session);
    if (!doc.ok) return doc;
    // The images show identity numbers in full; only roles that may see them get the images.
    if (!session.info.permissions.includes('pii.view')) {
      return fail('forbidden', '您无权查看证件影像（含身份证号等敏感信息）', 'You may not view document images (they show identity numbers)');
    }
    if (doc.value.awaitingFile) {
      // Added on another desktop: the file comes from the server now, checked against its sha256.
      const fetched = await this.transfer.fetchFile(documentId);
      if (!fetched.ok) return fetched;
    }
    const page = this.repo.page(documentId, pageNo);
    if (!page) return fail('not-found', '页面不存在', 'Page not found');
    try {
      return ok({ mime: page.mime, dataBase64: this.blobs.get(page.sha256).toString('base64'), width: page.width, height: page.height });
    } catch {
      return fail('internal', '存储的文件校验失败，请重新上传该资料', 'The stored file failed its integrity check; upload the document again');
    }
  }

  // ---- the clerk's review ------------------------------------------------------------------------------

  reviewField(session: Session, documentId: string, key: string, action: 'confirm' | 'correct', typed?: string): Result<DocumentSummary> {
    const doc = this.visibleDocument(documentId, session);
    if (!doc.ok) return doc;
    const d = doc.value;
    const field = this.repo.field(documentId, key);
    const def = fieldDef(d.kind, key);
    if (!field || !def) return fail('not-found', '该资料没有此字段（可能尚未识别完成）', 'The document has no such field (recognition may not have finished)');
    let value = field.value;
    if (action === 'confirm' && value === '') {
      return fail('validation', '该字段没有识别出内容，请更正（填写）后再确认', 'Nothing was read for this field; enter the value instead');
    }
    if (action === 'correct') {
      if (typed === undefined) return fail('validation', '请输入更正后的值', 'Enter the corrected value');
      const c = canonicalFieldValue(def.type, typed, shanghaiDate(this.deps.now()));
      if (c.value === '' || isBlocking(def.type, c.problems)) {
        const zh = c.problems.map((p) => VALUE_PROBLEM_LABELS[p].zh).join('、');
        const en = c.problems.map((p) => VALUE_PROBLEM_LABELS[p].en).join(', ');
        return fail('validation', `更正值不合法：${zh}`, `The corrected value is not valid: ${en}`, { problems: c.problems });
      }
      value = c.value;
    }
    const sensitive = isSensitiveField(def.type);
    const review =
      value === field.value
        ? { action: 'confirmField' as const, field: key, value, sensitive }
        : { action: 'correctField' as const, field: key, from: field.value, value, sensitive };
    const status = value === field.ocrValue ? 'confirmed' : 'corrected';
    const at = this.nowIso();
    const r = this.inCommand(session.actor, { caseId: d.caseId, documentId, kind: d.kind, review }, (commandId) => {
      this.repo.reviewField(documentId, key, value, status, session.actor, at);
      // Only a server can refuse the review later; a standalone desktop keeps no copy.
      if (!this.deps.remote?.()) return;
      const before: FieldState = { value: field.value, status: field.status, reviewedBy: field.reviewedBy, reviewedByName: field.reviewedByName, reviewedAt: field.reviewedAt };
      const wrote: FieldState = { value, status, reviewedBy: session.actor.id, reviewedByName: session.actor.name, reviewedAt: at };
      this.repo.keepFieldBefore(commandId, { documentId, field: key, before, wrote });
    });
    return r.ok ? ok(this.summary(d, session)) : r;
  }

  setKind(session: Session, documentId: string, kind: DocumentKind): Result<DocumentSummary> {
    const doc = this.visibleDocument(documentId, session);
    if (!doc.ok) return doc;
    const d = doc.value;
    const r = this.inCommand(session.actor, { caseId: d.caseId, documentId, kind: d.kind, review: { action: 'setKind', from: d.kind, kind } }, (commandId) => {
      // Only a server can refuse the change later; a standalone desktop keeps no copy.
      const before = this.deps.remote?.() ? this.kindUndo.snapshot(documentId) : null;
      this.repo.setKind(documentId, kind);
      this.repo.dropRemoteReviews(documentId, this.nowIso()); // they were of the old reading
      if (before) this.kindUndo.keep(commandId, { documentId, wrote: kind, before });
    });
    if (!r.ok) return r;
    // A file still on the server is recognised, with this kind, once it is here.
    if (!d.awaitingFile) void this.ocr.requeue(documentId);
    return ok(this.summary(d, session));
  }

  /** Runs the audited review command and the store change in one transaction: both happen or neither. */
  private inCommand(actor: Actor, payload: unknown, change: (commandId: string) => void): Result<null> {
    try {
      this.deps.db.transaction(() => {
        const r = this.deps.commands.execute(actor, 'reviewDocument', payload);
        if (!r.ok) throw new AppErrorException(r.error);
        change(r.value.commandId);
      })();
      return ok(null);
    } catch (e) {
      if (e instanceof AppErrorException) return { ok: false, error: e.appError as AppError };
      throw e;
    }
  }

  recognise(session: Session, documentId: string): Result<DocumentSummary> {
    const doc = this.visibleDocument(documentId, session);
    if (!doc.ok) return doc;
    if (!session.info.permissions.includes('doc.work')) return fail('forbidden', '您没有重新识别资料的权限', 'You may not re-run recognition');
    // Only a failed or cancelled recognition is run again: a finished one holds the clerk's reviews.
    if (doc.value.ocrStatus !== 'failed' && doc.value.ocrStatus !== 'cancelled') return ok(this.summary(doc.value, session));
    if (this.repo.pages(documentId).length === 0) return fail('validation', '该资料没有可识别的页面', 'The document has no page to recognise');
    this.repo.setStatus(documentId, 'queued');
    void this.ocr.enqueue(documentId);
    return ok(this.summary(doc.value, session));
  }

  cancel(session: Session, documentId: string): Result<DocumentSummary> {
    const doc = this.visibleDocument(documentId, session);
    if (!doc.ok) return doc;
    if (!session.info.permissions.includes('doc.work')) return fail('forbidden', '您没有取消识别的权限', 'You may not cancel recognition');
    this.ocr.cancel(documentId);
    return ok(this.summary(doc.value, session));
  }

  // ---- checklists --------------------------------------------------------------------------------------

  checklist(product: ProductCode) {
    return ok({ productCode: product, version: this.checklists.version(product), items: this.checklists.items(product) });
  }

  updateChecklist(session: Session, product: ProductCode, items: ChecklistItem[]) {
    const { actor } = session;
    if (!session.info.permissions.includes('admin.manage')) return fail('forbidden', '只有系统管理员可以修改资料清单', 'Only an administrator may change checklists');
    const problems = checklistProblems(product, items);
    if (problems.length) return fail('validation', problems.map((p) => p.zh).join('；'), problems.map((p) => p.en).join('; '));
    const at = this.nowIso();
    this.deps.db.transaction(() => {
      const version = this.checklists.replace(product, items, actor.id, at);
      this.deps.audit.append({
        at,
        actorId: actor.id,
        actorName: actor.name,
        action: 'checklistUpdated',
        caseId: null,
        commandId: null,
        fromState: null,
        toState: null,
        details: JSON.stringify({ productCode: product, version, kinds: items.map((i) => i.kind) }),
      });
    })();
    return this.checklist(product);
  }

  /** Queues what a previous run left unrecognised; called once the host is up. */
  resume(): number {
    return this.ocr.resume();
  }

  async close(): Promise<void> {
    this.transfer.close();
    await this.ocr.close();
  }
}
