import { createHash } from 'node:crypto';

/**
 * What a demo case's documents say about it. Most agree with the application; a deterministic share of cases
 * (by case id) carries one problem a clerk should catch, so the desk shows every kind of cross-check result.
 */
export type DemoVariant = 'clean' | 'degraded' | 'name_mismatch' | 'licence_expired' | 'missing_document' | 'non_local';

export function demoVariant(caseId: string): DemoVariant {
  const n = createHash('sha256').update(caseId).digest().readUInt32BE(0) % 100;
  if (n < 55) return 'clean';
  if (n < 70) return 'degraded';
  if (n < 78) return 'name_mismatch';
  if (n < 85) return 'licence_expired';
  if (n < 95) return 'missing_document';
  return 'non_local';
}
