import { offeredReason } from '../../../shared/workflow/offered-reasons';
import type { Label } from './use-labels';

/**
 * A recorded reason in the chosen language: one the forms offered is shown in English in English mode; a
 * reason typed in (其他 with a note) is shown as written.
 */
export function recordedReason(stored: string, pick: (label: Label) => string): string {
  const offered = offeredReason(stored);
  return offered ? pick(offered) : stored;
}
