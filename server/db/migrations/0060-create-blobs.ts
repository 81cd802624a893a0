import type { CentralMigration } from './index';

/**
 * Document contents by sha256, in the database so that every server instance sees the same store (an
 * S3-compatible object store can take its place behind the same interface when documents outgrow it).
 */
export const m0060CreateBlobs: CentralMigration = {
  version: 60,
  name: 'create-blobs',
  sql: `
    CREATE TABLE blobs (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size int NOT NULL,
      content bytea NOT NULL,
      created_at bigint NOT NULL,
      created_by text NOT NULL
    );
  `,
};
