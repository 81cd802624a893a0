import type { DocumentKind } from '../../../shared/documents/kinds';
import { log } from '../log';
import { BlobIntegrityError, type BlobStore } from './blob-store';
import type { DocumentRepo } from './document-repo';
import { ensureLangPath } from './lang-data';
import { OcrEngine } from './ocr-engine';
import { JobCancelled, OcrPool } from './ocr-pool';
import { recogniseDocument, RecognitionCancelled } from './recognise-document';

export interface OcrQueueDeps {
  repo: DocumentRepo;
  blobs: BlobStore;
  /** Folder the language data is gathered into at first use. */
  cacheDir: string;
  workers: number;
  now: () => number;
  /** Told when a document's recognition finished, failed or was cancelled. */
  onSettled?: (documentId: string) => void;
}

/** YYYY-MM-DD in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Runs the recognition of stored documents on the OCR pool and writes the results back. The pool is started
 * by the first document, so a host that never sees a document never starts an OCR worker.
 */
export class OcrQueue {
  private pool: OcrPool | null = null;
  private readonly running = new Map<string, Promise<void>>();
  /** Documents whose running recognition was withdrawn: whatever it ends with is not written. */
  private readonly withdrawn = new Set<string>();
  /** Counts the withdrawals of each document: a reading asked for before one does not start after it. */
  private readonly withdrawals = new Map<string, number>();
  /** After close the store may be gone: late results and cancellations are dropped, not written. */
  private closed = false;

  constructor(private readonly deps: OcrQueueDeps) {}

  private ensurePool(): OcrPool {
    this.pool ??= new OcrPool({
      size: this.deps.workers,
      startEngine: () => OcrEngine.start(ensureLangPath(this.deps.cacheDir)),
    });
    return this.pool;
  }

  /** Queues a stored document; returns when it has been recognised (or failed, or was cancelled). */
  enqueue(documentId: string): Promise<void> {
    if (this.closed) return Promise.resolve();
    const existing = this.running.get(documentId);
    // A withdrawn reading writes nothing: one asked for now (重新识别) runs after it.
    if (existing) return this.withdrawn.has(documentId) ? existing.then(() => this.enqueue(documentId)) : existing;
    const { repo } = this.deps;
    const done = this.ensurePool()
      .submit(documentId, async ({ engine, progress, cancelled }) => {
        const doc = repo.get(documentId);
        if (!doc) throw new Error('document vanished');
        repo.setStatus(documentId, 'running');
        const started = Date.now();
        const images = repo.pages(documentId).map((p) => ({ bytes: this.deps.blobs.get(p.sha256), width: p.width, height: p.height }));
        const kind: DocumentKind | undefined = doc.kindSource === 'clerk' ? doc.kind : undefined;
        const result = await recogniseDocument(engine, images, { kind, today: shanghaiDate(this.deps.now()), onProgress: progress, cancelled });
        return { result, ms: Date.now() - started };
      })
      .then(
        ({ result, ms }) => {
          if (!this.closed && !this.withdrawn.has(documentId)) repo.saveRecognition(documentId, { ...result, ms, at: new Date(this.deps.now()).toISOString() });
        },
        (e: unknown) => {
          if (this.closed || this.withdrawn.has(documentId)) return;
          if (e instanceof JobCancelled || e instanceof RecognitionCancelled) {
            repo.setStatus(documentId, 'cancelled');
          } else if (e instanceof BlobIntegrityError) {
            repo.setStatus(documentId, 'failed', { message: '存储的文件校验失败，请重新上传', messageEn: 'The stored file failed its integrity check; upload it again' });
          } else {
            log.error('ocr', `recognition of ${documentId} failed`, e);
            repo.setStatus(documentId, 'failed', { message: '识别失败，可重新识别', messageEn: 'Recognition failed; try again' });
          }
        },
      )
      .catch((e: unknown) => {
        if (!this.closed) log.error('ocr', `storing the result of ${documentId} failed`, e);
      })
      .finally(() => {
        this.running.delete(documentId);
        this.withdrawn.delete(documentId);
        if (!this.closed) this.deps.onSettled?.(documentId);
      });
    this.running.set(documentId, done);
    return done;
  }

  /**
   * Reads a document again (its kind was corrected): a recognition still running for it is cancelled first,
   * so the new one cannot be overwritten by the old result.
   */
  requeue(documentId: string): Promise<void> {
    const running = this.running.get(documentId);
    if (!running) return this.enqueue(documentId);
    this.cancel(documentId);
    const asked = this.withdrawals.get(documentId);
    return running.then(() => {
      if (this.closed || this.withdrawals.get(documentId) !== asked) return;
      this.deps.repo.setStatus(documentId, 'queued');
      return this.enqueue(documentId);
    });
  }

  cancel(documentId: string): boolean {
    return this.pool?.cancel(documentId) ?? false;
  }

  /**
   * Cancels a document's recognition and drops whatever it ends with, result or cancellation: the document
   * was taken away or put back as it was before (a refused command), and that state must stay.
   */
  withdraw(documentId: string): void {
    this.withdrawals.set(documentId, (this.withdrawals.get(documentId) ?? 0) + 1);
    if (this.running.has(documentId)) this.withdrawn.add(documentId);
    this.cancel(documentId);
  }

  progress(documentId: string): { progress: number; position: number | null } {
    const p = this.pool?.progress(documentId);
    const position = this.pool?.position(documentId);
    return { progress: p ?? 0, position: position === undefined || position === 0 ? null : position };
  }

  /** Documents left queued or running by a previous run of the host. */
  resume(): number {
    const pending = this.deps.repo.pending();
    for (const d of pending) {
      this.deps.repo.setStatus(d.id, 'queued');
      void this.enqueue(d.id);
    }
    return pending.length;
  }

  /** Waits for everything queued now (tests and the demo use it). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
    this.pool = null;
  }
}
