import { createHash } from 'node:crypto';
import type { CentralDb } from '../db/central-db';

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Document contents addressed by sha256. Storing is idempotent (the same bytes twice are stored once), so an
 * upload cut off half-way is simply sent again; the hash is checked on the way in and on the way out.
 */
export class BlobStore {
  constructor(private readonly db: CentralDb, private readonly now: () => number) {}

  async put(sha256: string, bytes: Buffer, userId: string): Promise<{ created: boolean }> {
    const rows = await this.db.query(
      'INSERT INTO blobs (sha256, size, content, created_at, created_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING RETURNING 1 AS created',
      [sha256, bytes.length, bytes, this.now(), userId],
    );
    return { created: rows.length === 1 };
  }

  async get(sha256: string): Promise<Buffer | null> {
    const [row] = await this.db.query<{ content: Uint8Array }>('SELECT content FROM blobs WHERE sha256 = $1', [sha256]);
    return row ? Buffer.from(row.content) : null;
  }

  async has(sha256: string): Promise<{ size: number } | null> {
    const [row] = await this.db.query<{ size: number }>('SELECT size FROM blobs WHERE sha256 = $1', [sha256]);
    return row ?? null;
  }
}
