import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A stored file whose bytes no longer hash to its name: disk corruption or tampering. */
export class BlobIntegrityError extends Error {
  constructor(readonly sha256: string) {
    super(`blob ${sha256} failed its integrity check`);
    this.name = 'BlobIntegrityError';
  }
}

/**
 * Content-addressed file store: a file lives at <root>/ab/cd/<sha256>, so the same bytes are stored once
 * however often they are uploaded. Writes go to a temp file, are flushed, then renamed into place (atomic
 * on one file system): a crash never leaves a partial file under a real name. Reads check the hash.
 */
export class BlobStore {
  private readonly tmp: string;

  constructor(private readonly root: string) {
    this.tmp = join(root, 'tmp');
    mkdirSync(this.tmp, { recursive: true });
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError('not a sha256');
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** Stores the bytes; `created` is false when the same content was already there. */
  put(bytes: Uint8Array): { sha256: string; created: boolean } {
    const sha256 = sha256Of(bytes);
    const target = this.pathOf(sha256);
    if (existsSync(target)) return { sha256, created: false };
    mkdirSync(join(target, '..'), { recursive: true });
    const partial = join(this.tmp, `${randomUUID()}.partial`);
    const fd = openSync(partial, 'w');
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, target);
    return { sha256, created: true };
  }

  /** The bytes, after checking they still hash to their name. */
  get(sha256: string): Buffer {
    const bytes = readFileSync(this.pathOf(sha256));
    if (sha256Of(bytes) !== sha256) throw new BlobIntegrityError(sha256);
    return bytes;
  }

  /** Removes a blob this store created for a write that was then rolled back. */
  remove(sha256: string): void {
    rmSync(this.pathOf(sha256), { force: true });
  }

  /** Temp files of writes interrupted by a crash (called at start-up). */
  sweepTemp(): number {
    const names = readdirSync(this.tmp);
    for (const n of names) rmSync(join(this.tmp, n), { force: true, recursive: true });
    return names.length;
  }

  /** Where upload sessions keep their partial files (same file system, so finishing is a rename). */
  tempDir(): string {
    return this.tmp;
  }
}
