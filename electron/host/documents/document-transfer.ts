import { fail, ok, type Result } from '../../../shared/errors';
import type { Db } from '../db/database';
import { log } from '../log';
import type { BlobStore } from './blob-store';
import type { DocumentRepo } from './document-repo';
import { sniffType } from './file-type';
import { IntakeError } from './intake-error';
import { pagesOf, type IntakeLimits } from './page-images';
import { TransferRepo } from './transfer-repo';

/**
 * The central server's file store as the documents capability sees it (sync/blob-transfer.ts is the one in
 * use): both directions by sha256, checked, idempotent; an unreachable server answers `offline`.
 */
export interface DocumentRemote {
  /** Sends a local file, with `userId`'s server session if that user is logged in here, else anyone's. */
  upload(sha256: string, local: BlobStore, userId?: string): Promise<Result<unknown>>;
  /** Makes sure the local store holds the file, fetching and checking it if needed. */
  download(sha256: string, local: BlobStore): Promise<Result<{ fetched: boolean }>>;
}

/** What a `documentAdded` audit entry from the feed says about a document added on another desktop. */
export interface RemoteDocument {
  caseId: string;
  documentId: string;
  fileName: string;
  sha256: string;
  mime: string;
  sizeBytes: number;
  pages: number;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: string;
}

export interface DocumentTransferDeps {
  db: Db;
  repo: DocumentRepo;
  blobs: BlobStore;
  limits: IntakeLimits;
  now: () => number;
  /** The server's file store; null on a desktop without a central server (nothing is sent or fetched). */
  remote: () => DocumentRemote | null;
  /** Queues a document for recognition (its file and pages are here now). */
  recognise(documentId: string): void;
}

/** After a failure other than `offline`, an upload waits this long before it is tried again (doubling, capped). */
const RETRY_BASE_MS = 5_000;
const RETRY_MAX_MS = 10 * 60_000;
/** One round sends files for at most this long, then lets the commands go (the rest go next round). */
const ROUND_BUDGET_MS = 5_000;
/** A fetch that failed is not tried again by merely opening the case sooner than this. */
const FETCH_PAUSE_MS = 10_000;

const stillOnServer = () =>
  fail('offline', '该资料的文件尚在中央服务器，暂时无法取回，联网后会自动取回', 'The file of this document is still on the central server and cannot be fetched now; it will be once the server is reachable');

const notSentYet = () =>
  fail(
    'not-found',
    '该资料的文件尚未到达中央服务器（添加它的工作站联网后会发送），请稍后再打开',
    'The file of this document has not reached the central server yet (the desktop that added it sends it once online); open it again later',
  );

/**
 * Document files between this desktop and the central server. A file added here is queued in the same
 * transaction as its document (`document_uploads`) and sent by each sync round before the commands are
 * pushed, so the server normally has the bytes before other desktops learn of the document; offline or
 * failing, it waits and is tried again — the clerk never waits for it. A document learnt from the feed is
 * recorded at once without its file; the file is fetched when someone opens the case (or a page of it),
 * checked against its sha256, its pages are made as at intake, and it is recognised here like any other.
 */
export class DocumentTransfer {
  readonly sql: TransferRepo;
  private sending: Promise<{ sent: number; waiting: number }> | null = null;
  private readonly retryAt = new Map<string, number>();
  private readonly fetching = new Map<string, Promise<Result<null>>>();
  private readonly fetchFailedAt = new Map<string, number>();
  /** After close the store may be gone: a transfer that finishes late writes nothing. */
  private closed = false;

  constructor(private readonly deps: DocumentTransferDeps) {
    this.sql = new TransferRepo(deps.db);
  }

  /** True on a desktop that syncs with a central server. */
  get synced(): boolean {
    return this.deps.remote() !== null;
  }

  private nowIso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  // ---- this desktop's files to the server ---------------------------------------------------------------

  /** Inside the transaction that adds a document here: its file will be sent (once per content). */
  queueUpload(sha256: string, documentId: string, userId: string): void {
    if (this.synced) this.sql.queueUpload(sha256, documentId, userId, this.nowIso());
  }

  /**
   * Sends the files waiting, oldest first; stops at the first `offline` (the next round tries again).
   * One run at a time: a call while one runs shares it. `waiting` is NaN when the host closed meanwhile.
   */
  sendWaiting(): Promise<{ sent: number; waiting: number }> {
    this.sending ??= this.send().finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  private async send(): Promise<{ sent: number; waiting: number }> {
    const remote = this.deps.remote();
    let sent = 0;
    if (remote && !this.closed) {
      const now = this.deps.now();
      const started = Date.now();
      for (const u of this.sql.waitingUploads()) {
        if (this.closed) return { sent, waiting: NaN };
        if (Date.now() - started > ROUND_BUDGET_MS) break;
        if ((this.retryAt.get(u.sha256) ?? 0) > now) continue;
        let r: Result<unknown>;
        try {
          r = await remote.upload(u.sha256, this.deps.blobs, u.userId);
        } catch (e) {
          if (this.closed) return { sent, waiting: NaN };
          // The local file is gone or damaged (BlobIntegrityError): nothing to send until it is added again.
          log.error('documents', `file ${u.sha256.slice(0, 12)} of ${u.documentId} could not be read for upload`, e);
          r = fail('internal', '本地文件无法读取', 'The local file cannot be read');
        }
        if (this.closed) return { sent, waiting: NaN };
        if (r.ok) {
          this.sql.uploadSent(u.sha256, this.nowIso());
          this.retryAt.delete(u.sha256);
          sent++;
          continue;
        }
        if (r.error.code === 'offline') break;
        this.sql.uploadFailed(u.sha256, r.error.messageEn);
        this.retryAt.set(u.sha256, now + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(u.attempts, 16)));
      }
    }
    return { sent, waiting: this.sql.uploadsWaiting() };
  }

  // ---- other desktops' documents ------------------------------------------------------------------------

  /**
   * Inside the pull's transaction: records a document added on another desktop, without its file. Nothing
   * is recorded if this desktop has the document already, or the same file in the same case (one document
   * per file per case, whichever desktop added it first here).
   */
  learn(d: RemoteDocument): boolean {
    const { repo } = this.deps;
    if (repo.get(d.documentId) || repo.findInCase(d.caseId, d.sha256)) return false;
    // The blobs row says which file belongs here; document_fetches says it is not here yet.
    repo.addBlob(d.sha256, d.sizeBytes, d.mime, d.uploadedAt);
    repo.insertDocument({
      id: d.documentId,
      caseId: d.caseId,
      seq: repo.nextSeq(d.caseId),
      fileName: d.fileName,
      mime: d.mime,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      pageCount: d.pages,
      uploadedBy: d.uploadedBy,
      uploadedByName: d.uploadedByName,
      uploadedAt: d.uploadedAt,
      origin: 'central',
    });
    this.sql.awaitFile(d.documentId);
    return true;
  }

  /** Opening a case: the files of its documents still on the server are fetched in the background. */
  fetchCase(caseId: string): void {
    const now = this.deps.now();
    for (const d of this.deps.repo.forCase(caseId)) {
      if (!d.awaitingFile || this.fetching.has(d.id)) continue;
      if ((this.fetchFailedAt.get(d.id) ?? -Infinity) + FETCH_PAUSE_MS > now) continue;
      void this.fetchFile(d.id);
    }
  }

  /** Fetches one document's file (once at a time), checks it and makes its pages; then it is recognised. */
  fetchFile(documentId: string): Promise<Result<null>> {
    let run = this.fetching.get(documentId);
    if (!run) {
      run = this.fetch(documentId)
        .catch((e: unknown) => {
          if (this.closed) return stillOnServer();
          log.error('documents', `fetching the file of ${documentId} failed`, e);
          return fail('internal', '取回资料文件失败', 'Fetching the document file failed');
        })
        .finally(() => this.fetching.delete(documentId));
      this.fetching.set(documentId, run);
    }
    return run;
  }

  private async fetch(documentId: string): Promise<Result<null>> {
    const { repo, blobs } = this.deps;
    const doc = repo.get(documentId);
    if (!doc?.awaitingFile) return ok(null);
    const remote = this.deps.remote();
    const got = remote ? await remote.download(doc.sha256, blobs) : stillOnServer();
    if (this.closed) return stillOnServer();
    if (!got.ok) {
      this.fetchFailedAt.set(documentId, this.deps.now());
      this.sql.fetchFailed(documentId, got.error.messageEn);
      if (got.error.code === 'not-found') return notSentYet();
      return got.error.code === 'offline' ? stillOnServer() : got;
    }
    this.fetchFailedAt.delete(documentId);
    const bytes = blobs.get(doc.sha256); // checked against its sha256 again
    const written: string[] = [];
    try {
      const type = sniffType(bytes);
      if (!type.ok) throw new IntakeError('unsupported_type', '文件类型无法识别', 'The file type is not recognised');
      // The limits are the adding desktop's business; only pixels and pages bound the work here.
      const pages = await pagesOf(bytes, type.mime, { ...this.deps.limits, maxBytes: Number.MAX_SAFE_INTEGER });
      if (this.closed) return stillOnServer();
      const shas = pages.map((p) => {
        const r = blobs.put(p.bytes);
        if (r.created) written.push(r.sha256);
        return r.sha256;
      });
      const at = this.nowIso();
      const stored = this.deps.db.transaction(() => {
        if (!repo.get(documentId)?.awaitingFile) return false; // another fetch finished first
        pages.forEach((p, i) => {
          repo.addBlob(shas[i]!, p.bytes.length, p.mime, at);
          repo.insertPage({ documentId, pageNo: i + 1, sha256: shas[i]!, mime: p.mime, width: p.width, height: p.height });
        });
        this.sql.fetched(documentId);
        return true;
      })();
      if (stored) {
        written.length = 0;
        this.deps.recognise(documentId);
      }
      return ok(null);
    } catch (e) {
      if (!(e instanceof IntakeError) || this.closed) throw e;
      // The file arrived intact but cannot be shown here: the document says so instead of waiting forever.
      this.deps.db.transaction(() => {
        this.sql.fetched(documentId);
        repo.setStatus(documentId, 'failed', { message: e.zh, messageEn: e.en });
      })();
      return e.toResult();
    } finally {
      if (!this.closed) for (const sha of written) if (!repo.isBlobReferenced(sha)) blobs.remove(sha);
    }
  }

  /** The host is closing: transfers still running write nothing more. */
  close(): void {
    this.closed = true;
  }
}
