import type { CentralMigration } from './index';

/**
 * Case rows are about 2 kB, right at PostgreSQL's toast threshold: a fifth of the bench's queued cases, and
 * every write of one, went through pglz, which `perf` put at 4% of PostgreSQL's CPU in the claim bench, for
 * a row a third smaller. Rows are compressed only above 8 kB now; a case that large (many documents) is
 * compressed as before. A row compressed before this stays so until its case is next written.
 */
export const m0140KeepCaseRecordsUncompressed: CentralMigration = {
  version: 140,
  name: 'keep-case-records-uncompressed',
  sql: 'ALTER TABLE cases SET (toast_tuple_target = 8160)',
};
