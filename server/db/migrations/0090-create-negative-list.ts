import type { CentralMigration } from './index';

/**
 * The negative list (负面清单) the server screens against, and its imports. Looked up by ID number, by credit
 * code and by name + birth date, each through its own index; `match_key` (ID, else credit code, else
 * name|birth date) makes a repeated entry a duplicate rather than a second row. An import arrives in chunks
 * (a request body is bounded), staged in the database so that any instance behind the load balancer can
 * take the next chunk; the file is read and its rows inserted in one transaction at commit.
 */
export const m0090CreateNegativeList: CentralMigration = {
  version: 90,
  name: 'create-negative-list',
  sql: `
    CREATE TABLE negative_list_imports (
      id bigserial PRIMARY KEY,
      file_name text NOT NULL,
      encoding text,
      size_bytes bigint NOT NULL,
      total_rows int NOT NULL,
      accepted int NOT NULL,
      rejected int NOT NULL,
      fatal text,
      report jsonb NOT NULL,
      created_by text NOT NULL,
      created_at text NOT NULL
    );
    CREATE TABLE negative_list (
      id bigserial PRIMARY KEY,
      match_key text NOT NULL UNIQUE,
      id_number text,
      credit_code text,
      name text,
      birth_date text,
      reason text NOT NULL,
      source text NOT NULL,
      listed_on text,
      import_id bigint NOT NULL REFERENCES negative_list_imports (id)
    );
    CREATE INDEX negative_list_id_number ON negative_list (id_number) WHERE id_number IS NOT NULL;
    CREATE INDEX negative_list_credit_code ON negative_list (credit_code) WHERE credit_code IS NOT NULL;
    CREATE INDEX negative_list_name_birth ON negative_list (name, birth_date) WHERE name IS NOT NULL AND birth_date IS NOT NULL;

    CREATE TABLE negative_list_uploads (
      id text PRIMARY KEY,
      owner_id text NOT NULL,
      file_name text NOT NULL,
      size_bytes bigint NOT NULL,
      received bigint NOT NULL DEFAULT 0,
      chunks int NOT NULL DEFAULT 0,
      created_at bigint NOT NULL
    );
    CREATE TABLE negative_list_upload_chunks (
      upload_id text NOT NULL REFERENCES negative_list_uploads (id) ON DELETE CASCADE,
      idx int NOT NULL,
      bytes bytea NOT NULL,
      PRIMARY KEY (upload_id, idx)
    );
  `,
};
