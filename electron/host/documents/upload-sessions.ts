import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/errors';
import { sha256Of } from './blob-store';
import { IntakeError } from './intake-error';

interface Session {
  id: string;
  userId: string;
  caseId: string;
  fileName: string;
  declaredBytes: number;
  receivedBytes: number;
  nextIndex: number;
  file: string;
  touchedAt: number;
}

/** An upload nobody continued for this long is dropped with its partial file. */
const IDLE_MS = 30 * 60_000;

export function tooLarge(maxBytes: number) {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new IntakeError('too_large', `文件超过 ${mb} MB 的上限`, `The file is larger than the ${mb} MB limit`);
}

export function emptyFile() {
  return new IntakeError('empty', '文件为空（0 字节）', 'The file is empty (0 bytes)');
}

const unknownUpload = () => fail('not-found', '上传已失效，请重新选择文件', 'The upload is no longer open; choose the file again');

/**
 * Chunked uploads (a browser-mode request is at most 1 MiB): chunks are appended to a temp file in the
 * store's temp folder, in order, never past the declared size nor the limit. Only the user who began an
 * upload may add to it. Nothing reaches the store or the case until `finish` has checked the whole file.
 */
export class UploadSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly dir: string,
    private readonly maxBytes: () => number,
    private readonly now: () => number,
  ) {}

  begin(userId: string, caseId: string, fileName: string, declaredBytes: number): Result<{ uploadId: string }> {
    this.sweep();
    if (declaredBytes === 0) return emptyFile().toResult();
    if (declaredBytes > this.maxBytes()) return tooLarge(this.maxBytes()).toResult();
    const id = `u-${randomBytes(12).toString('hex')}`;
    const file = join(this.dir, `${id}.upload`);
    writeFileSync(file, new Uint8Array(0));
    this.sessions.set(id, { id, userId, caseId, fileName, declaredBytes, receivedBytes: 0, nextIndex: 0, file, touchedAt: this.now() });
    return ok({ uploadId: id });
  }

  chunk(userId: string, uploadId: string, index: number, data: Buffer): Result<{ receivedBytes: number }> {
    const s = this.sessions.get(uploadId);
    if (!s || s.userId !== userId) return unknownUpload();
    if (index !== s.nextIndex) {
      return fail('conflict', `上传分块顺序错误（应为第 ${s.nextIndex} 块）`, `Chunk out of order (expected ${s.nextIndex})`, { expected: s.nextIndex });
    }
    if (s.receivedBytes + data.length > s.declaredBytes || s.receivedBytes + data.length > this.maxBytes()) {
      this.drop(s);
      return (s.receivedBytes + data.length > this.maxBytes() ? tooLarge(this.maxBytes()) : new IntakeError('too_large', '上传内容超过声明的文件大小', 'More data arrived than the declared file size')).toResult();
    }
    appendFileSync(s.file, data);
    s.receivedBytes += data.length;
    s.nextIndex += 1;
    s.touchedAt = this.now();
    return ok({ receivedBytes: s.receivedBytes });
  }

  /** The whole file, once its size and hash are what the client said; the session is closed either way. */
  finish(userId: string, uploadId: string, sha256: string): Result<{ caseId: string; fileName: string; bytes: Buffer }> {
    const s = this.sessions.get(uploadId);
    if (!s || s.userId !== userId) return unknownUpload();
    try {
      if (statSync(s.file).size !== s.declaredBytes) {
        return fail('validation', '文件未完整上传，请重新上传', 'The file did not arrive completely; upload it again');
      }
      const bytes = readFileSync(s.file);
      if (sha256Of(bytes) !== sha256) {
        return fail('validation', '文件在传输中损坏（校验值不符），请重新上传', 'The file was damaged in transfer (hash mismatch); upload it again');
      }
      return ok({ caseId: s.caseId, fileName: s.fileName, bytes });
    } finally {
      this.drop(s);
    }
  }

  abort(userId: string, uploadId: string): boolean {
    const s = this.sessions.get(uploadId);
    if (!s || s.userId !== userId) return false;
    this.drop(s);
    return true;
  }

  get open(): number {
    return this.sessions.size;
  }

  private drop(s: Session): void {
    this.sessions.delete(s.id);
    rmSync(s.file, { force: true });
  }

  private sweep(): void {
    const t = this.now();
    for (const s of [...this.sessions.values()]) if (t - s.touchedAt > IDLE_MS) this.drop(s);
  }
}
