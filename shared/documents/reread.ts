import type { ExtractedField } from './extract';
import { canonicalFor, isBlocking } from './field-values';
import type { FieldDef } from './fields';
import { editDistance } from './text-distance';
import { isSurname, NAME_CHARS, NAME_WHITELIST } from './name-characters';

/**
 * Second readings of a field's crop, one line (page segmentation mode 7):
 * - id-number / credit-code: the English model with a whitelist of the characters that can occur (the trial
 *   behind the issue found this fixes the digit confusions of the first pass);
 * - person-name: the Chinese model with the name-character whitelist;
 * - capital-amount: the Chinese model with the capital numerals (大写) and the figures of an amount;
 * - chinese-line: the Chinese model, no whitelist.
 */
export type RereadMode = 'id-number' | 'credit-code' | 'person-name' | 'capital-amount' | 'chinese-line';

export interface RereadPlan {
  mode: RereadMode;
  /** Glyph heights (px) to scale the crop to, one reading each: the engine's errors differ by size. */
  heights: readonly number[];
}

/** Characters the second reading may produce, per mode (tesseract's whitelist); '' = no restriction. */
export const REREAD_WHITELIST: Record<RereadMode, string> = {
  'id-number': '0123456789X',
  'credit-code': '0123456789ABCDEFGHJKLMNPQRTUWXY',
  'person-name': NAME_WHITELIST,
  'capital-amount': '零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整人民币0123456789,.¥',
  'chinese-line': '',
};

const CHINESE_HEIGHTS = [17, 23, 29] as const;

/**
 * Which fields get a second reading: identity numbers and names always (they are what the cross-checks and
 * the accuracy targets rest on), other key fields, dates and periods when the first reading is doubtful.
 */
export function rereadPlanFor(def: FieldDef, first: ExtractedField, lowConfidence: number): RereadPlan | null {
  if (!first.bbox) return null;
  if (def.type === 'idNumber') return { mode: 'id-number', heights: [0] };
  if (def.type === 'creditCode') return { mode: 'credit-code', heights: [0, 30] };
  if (def.names === 'person') return { mode: 'person-name', heights: CHINESE_HEIGHTS };
  if (def.names === 'organisation') return { mode: 'chinese-line', heights: CHINESE_HEIGHTS };
  const doubtful = first.confidence < lowConfidence || first.problems.length > 0;
  if (doubtful && def.type === 'amount') return { mode: 'capital-amount', heights: CHINESE_HEIGHTS };
  if (doubtful && (def.keyField || def.type === 'date' || def.type === 'period')) return { mode: 'chinese-line', heights: CHINESE_HEIGHTS };
  return null;
}

export interface Reading {
  text: string;
  /** Lowest symbol confidence of the reading, 0–100. */
  confidence: number;
}

/** A second reading of a name must look like a name: 2–4 name characters starting with a surname. */
function plausibleName(value: string): boolean {
  const chars = [...value];
  return chars.length >= 2 && chars.length <= 4 && chars.every((c) => NAME_CHARS.has(c)) && isSurname(chars[0]!);
}

/**
 * A second reading of Chinese text may fix a few characters of the first, not replace it: one that differs
 * in more than a third of its characters (or is not a plausible name) read something else, such as a
 * neighbouring line or the artwork.
 */
export function plausibleReread(def: FieldDef, first: string, second: string): boolean {
  if (def.type !== 'text') return true;
  if (def.names === 'person' && !plausibleName(second)) return false;
  if (first === '') return true;
  return editDistance(first, second) <= Math.max(1, Math.floor([...first].length / 3));
}

/**
 * The best of several readings of one crop: the surest of those whose value passes every check, else of
 * those whose problems are only warnings, else of all. Measured on the fixtures, taking the surest reading
 * beat a majority vote: the engine's errors at different sizes rarely agree, but its confidence in them is
 * lower. `first` (the page reading, canonical) bounds how far a text reading may stray.
 */
export function bestReading(def: FieldDef, readings: readonly Reading[], first: string, today?: string): Reading | null {
  const scored = readings
    .map((r) => ({ r, c: canonicalFor(def, r.text, today) }))
    .filter((x) => x.c.value !== '' && plausibleReread(def, first, x.c.value));
  const rank = (x: (typeof scored)[number]) => (x.c.problems.length === 0 ? 2 : isBlocking(def.type, x.c.problems) ? 0 : 1);
  return scored.reduce<(typeof scored)[number] | null>((best, x) => {
    if (!best) return x;
    const d = rank(x) - rank(best);
    return d > 0 || (d === 0 && x.r.confidence > best.r.confidence) ? x : best;
  }, null)?.r ?? null;
}

/**
 * Chooses between the first reading and the (voted) second one. A value that passes its validators beats
 * one that does not; when both pass, the identity numbers trust the whitelisted second reading, names the
 * second reading when it agrees with the first or is surer, other fields the surer one.
 */
export function pickReading(def: FieldDef, first: ExtractedField, second: Reading | null, today?: string): ExtractedField {
  if (!second) return first;
  const c = canonicalFor(def, second.text, today);
  if (c.value === '') return first;
  const reread: ExtractedField = { ...first, raw: second.text.trim(), value: c.value, problems: c.problems, confidence: second.confidence, source: 'reread' };
  const firstOk = first.value !== '' && !isBlocking(def.type, first.problems);
  const secondOk = !isBlocking(def.type, reread.problems);
  if (firstOk !== secondOk) return secondOk ? reread : first;
  if (first.value === reread.value) return { ...first, confidence: Math.max(first.confidence, reread.confidence) };
  if (def.type === 'idNumber' || def.type === 'creditCode' || def.names === 'person') return reread;
  return reread.confidence > first.confidence ? reread : first;
}
