import type { ExtractedField } from './extract';
import { canonicalFieldValue, isBlocking } from './field-values';
import type { FieldDef } from './fields';

/**
 * Which fields deserve a second reading of their crop, and with what: identity numbers always (a whitelist
 * single-line pass with the English model fixes the digit confusions of the first pass), other key fields
 * and dates when the first reading is doubtful.
 */
export type RereadMode = 'id-number' | 'credit-code' | 'chinese-line';

export function rereadModeFor(def: FieldDef, first: ExtractedField, lowConfidence: number): RereadMode | null {
  if (!first.bbox) return null;
  if (def.type === 'idNumber') return 'id-number';
  if (def.type === 'creditCode') return 'credit-code';
  const doubtful = first.confidence < lowConfidence || first.problems.length > 0;
  if (doubtful && (def.keyField || def.type === 'date' || def.type === 'period')) return 'chinese-line';
  return null;
}

/** Characters the second reading may produce, per mode (tesseract's whitelist). */
export const REREAD_WHITELIST: Record<RereadMode, string | null> = {
  'id-number': '0123456789X',
  'credit-code': '0123456789ABCDEFGHJKLMNPQRTUWXY',
  'chinese-line': null,
};

/**
 * Chooses between the first reading and a second one of the same crop. A value that passes its validators
 * beats one that does not; when both pass (or both fail), the identity numbers trust the whitelisted second
 * reading and other fields the more confident one.
 */
export function pickReading(def: FieldDef, first: ExtractedField, secondText: string, secondConfidence: number, today?: string): ExtractedField {
  const c = canonicalFieldValue(def.type, secondText, today);
  if (c.value === '') return first;
  const second: ExtractedField = { ...first, raw: secondText.trim(), value: c.value, problems: c.problems, confidence: secondConfidence, source: 'reread' };
  const firstOk = !isBlocking(def.type, first.problems) && first.value !== '';
  const secondOk = !isBlocking(def.type, second.problems);
  if (firstOk !== secondOk) return secondOk ? second : first;
  if (first.value === second.value) return { ...first, confidence: Math.max(first.confidence, second.confidence) };
  const identity = def.type === 'idNumber' || def.type === 'creditCode';
  if (identity) return second.problems.length <= first.problems.length ? second : first;
  return second.confidence > first.confidence ? second : first;
}
