import { DECLINE_REASONS, DOC_CHECK_REASONS } from '../approval/approval-text';
import { RETURN_REASONS } from '../case/return-reasons';
import { DOCUMENT_RETURN_REASONS } from '../documents/labels';
import type { Label } from './use-labels';

/** The reasons the forms offer, by the Chinese text the record keeps (the branch reads Chinese). */
const OFFERED = new Map<string, Label>([...RETURN_REASONS, ...DECLINE_REASONS, ...DOC_CHECK_REASONS, ...DOCUMENT_RETURN_REASONS].map((r) => [r.zh, r]));

/**
 * A recorded reason in the chosen language: one the forms offered is shown in English in English mode; a
 * reason typed in (其他 with a note) is shown as written.
 */
export function recordedReason(stored: string, pick: (label: Label) => string): string {
  const offered = OFFERED.get(stored);
  return offered ? pick(offered) : stored;
}
