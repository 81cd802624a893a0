import type { ExtractedField } from './extract';
import { canonicalFor, isBlocking } from './field-values';
import type { FieldDef } from './fields';
import { editDistance } from './text-distance';
import { COMMON_SURNAMES, isSurname, NAME_CHARS, NAME_WHITELIST } from './name-characters';

/**
 * Second readings of a field's crop, one line (page segmentation mode 7):
 * - id-number / credit-code: the English model with a whitelist of the characters that can occur (the trial
 *   behind the issue found this fixes the digit confusions of the first pass);
 * - person-name: the Chinese model with the name-character whitelist;
 * - capital-amount: the Chinese model with the capital numerals (大写) and the figures of an amount;
 * - chinese-line: the Chinese model, no whitelist.
 */
export type RereadMode = 'id-number' | 'credit-code' | 'person-name' | 'capital-amount' | 'chinese-line';

/** The identity numbers are read with the English model (its own worker); all else with the Chinese one. */
export const readsWithEnglish = (mode: RereadMode): boolean => mode === 'id-number' || mode === 'credit-code';

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

/**
 * Glyph heights for second readings of Chinese text; 0 = the crop as it is. Measured on degraded fixtures:
 * 17 px lost more than it won, 23 and 29 px each read about as well as the page.
 */
const CHINESE_HEIGHTS = [0, 23, 29] as const;

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
  if (def.names === 'person') return plausibleName(second); // the name alphabet is the stronger test
  if (first === '') return true;
  return editDistance(first, second) <= Math.max(1, Math.floor([...first].length / 3));
}

/**
 * Per-character vote over readings of the same length (the page reading and the crops at several sizes):
 * each position takes the character with the most confidence behind it. The engine's misreadings differ from
 * size to size, so a character misread once is outvoted (建村 / 建材 / 建材 → 建材). Null when fewer than three
 * readings share a length.
 */
export function characterVote(readings: readonly Reading[]): Reading | null {
  const byLength = new Map<number, { chars: string[]; confidence: number }[]>();
  for (const r of readings) {
    const chars = [...r.text.replace(/\s+/g, '')];
    if (chars.length === 0) continue;
    const list = byLength.get(chars.length) ?? [];
    list.push({ chars, confidence: Math.max(1, r.confidence) });
    byLength.set(chars.length, list);
  }
  const group = [...byLength.values()].sort((a, b) => b.length - a.length)[0];
  if (!group || group.length < 3) return null;
  let text = '';
  let agreed = Infinity;
  for (let i = 0; i < group[0]!.chars.length; i++) {
    const weight = new Map<string, number>();
    for (const g of group) weight.set(g.chars[i]!, (weight.get(g.chars[i]!) ?? 0) + g.confidence);
    const [c, w] = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]!;
    text += c;
    // How sure the vote is: the share of confidence behind its weakest position, on the 0–100 scale.
    agreed = Math.min(agreed, (100 * w) / group.reduce((n, g) => n + g.confidence, 0));
  }
  return { text, confidence: Math.round(agreed) };
}

/**
 * For a person's name the page reading is the best single reading (measured: 33 of 36 degraded names, against
 * at most 29 for any crop size), so it stands unless it is not a plausible name, two second readings agree
 * on another name, or it has a rare surname where a second reading has a common one and the same given name.
 * Returns the replacement, or null to keep the page reading.
 */
export function replacementName(def: FieldDef, first: ExtractedField, rereads: readonly Reading[], today?: string): Reading | null {
  const tally = new Map<string, { votes: number; best: Reading }>();
  for (const r of rereads) {
    const c = canonicalFor(def, r.text, today);
    if (c.value === '' || !plausibleReread(def, first.value, c.value)) continue;
    const t = tally.get(c.value);
    if (!t) tally.set(c.value, { votes: 1, best: r });
    else {
      t.votes += 1;
      if (r.confidence > t.best.confidence) t.best = r;
    }
  }
  const ranked = [...tally.entries()].sort((a, b) => b[1].votes - a[1].votes || b[1].best.confidence - a[1].best.confidence);
  const firstOk = first.value !== '' && plausibleReread(def, '', first.value);
  if (!firstOk) return ranked[0]?.[1].best ?? null;
  const top = ranked[0];
  if (top && top[0] !== first.value && top[1].votes >= 2) return top[1].best;
  // A rare surname against a common one read in its place (印玉红 / 邱玉红): the common one is likelier.
  const common = (v: string) => COMMON_SURNAMES.includes(v[0]!);
  if (!common(first.value)) {
    const alternative = ranked.find(([v]) => common(v) && [...v].slice(1).join('') === [...first.value].slice(1).join(''));
    if (alternative) return alternative[1].best;
  }
  return null;
}

/**
 * Is the name's first character a surname, but not one of the hundred common ones (a candidate for a
 * third reading of that character)? 印 and 苑 are surnames; 晓 (a dropped surname) is none.
 */
export function hasRareSurname(value: string): boolean {
  const c = [...value][0];
  return c !== undefined && isSurname(c) && !COMMON_SURNAMES.includes(c);
}

/**
 * The surname of a name read with a rare one, read again character-alone with only the common surnames
 * allowed (印玉红 → 邱玉红): the common one replaces it when two readings agree and the surer of them is
 * fairly sure (≥ 50). A true rare surname forced into that whitelist reads with almost no confidence
 * (measured: 印, 苑, 宓, 贲 at 0–17), so it stands. `readings` are whole names: the new surname + the
 * given name as first read.
 */
export function commonSurnameAlternative(def: FieldDef, chosen: ExtractedField, readings: readonly Reading[], today?: string): Reading | null {
  const given = [...chosen.value].slice(1).join('');
  const tally = new Map<string, Reading[]>();
  for (const r of readings) {
    const v = canonicalFor(def, r.text, today).value;
    if ([...v].length < 2 || !COMMON_SURNAMES.includes([...v][0]!) || [...v].slice(1).join('') !== given) continue;
    tally.set(v, [...(tally.get(v) ?? []), r]);
  }
  const top = [...tally.values()].sort((a, b) => b.length - a.length)[0];
  if (!top || top.length < 2) return null;
  const best = top.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  return best.confidence >= 50 ? best : null;
}

/**
 * The best of several readings of one crop: the surest of those whose value passes every check, else of
 * those whose problems are only warnings, else of all. An organisation's name (long, where one misread
 * character is the usual error) is decided by a per-character vote when three or more readings agree on its
 * length. `first` (the page reading, canonical) bounds how far a text reading may stray.
 */
export function bestReading(def: FieldDef, readings: readonly Reading[], first: string, today?: string): Reading | null {
  const scored = readings
    .map((r) => ({ r, c: canonicalFor(def, r.text, today) }))
    .filter((x) => x.c.value !== '' && plausibleReread(def, first, x.c.value));
  const rank = (x: (typeof scored)[number]) => (x.c.problems.length === 0 ? 2 : isBlocking(def.type, x.c.problems) ? 0 : 1);
  const best = scored.reduce<(typeof scored)[number] | null>((b, x) => {
    if (!b) return x;
    const d = rank(x) - rank(b);
    return d > 0 || (d === 0 && x.r.confidence > b.r.confidence) ? x : b;
  }, null);
  const vote = def.names === 'organisation' ? characterVote(scored.map((x) => ({ text: x.c.value, confidence: x.r.confidence }))) : null;
  if (vote && best) {
    const c = canonicalFor(def, vote.text, today);
    if (plausibleReread(def, first, c.value) && rank({ r: vote, c }) >= rank(best)) {
      const same = scored.filter((x) => x.c.value === c.value).map((x) => x.r.confidence);
      return { text: vote.text, confidence: same.length ? Math.max(...same) : Math.min(vote.confidence, best.r.confidence) };
    }
  }
  return best?.r ?? null;
}

/** `field` with a second reading's value, problems and confidence in place of its own. */
export function asReread(def: FieldDef, field: ExtractedField, reading: Reading, today?: string): ExtractedField {
  const c = canonicalFor(def, reading.text, today);
  return { ...field, raw: reading.text.trim(), value: c.value, problems: c.problems, confidence: reading.confidence, source: 'reread' };
}

/**
 * Chooses between the first reading and the (voted) second one. A value that passes its validators beats
 * one that does not; when both pass, the identity numbers trust the whitelisted second reading, names the
 * second reading when it agrees with the first or is surer, other fields the surer one.
 */
export function pickReading(def: FieldDef, first: ExtractedField, second: Reading | null, today?: string): ExtractedField {
  if (!second) return first;
  const reread = asReread(def, first, second, today);
  if (reread.value === '') return first;
  const firstOk = first.value !== '' && !isBlocking(def.type, first.problems);
  const secondOk = !isBlocking(def.type, reread.problems);
  if (firstOk !== secondOk) return secondOk ? reread : first;
  if (first.value === reread.value) return { ...first, confidence: Math.max(first.confidence, reread.confidence) };
  if (def.type === 'idNumber' || def.type === 'creditCode' || def.names === 'person') return reread;
  return reread.confidence > first.confidence ? reread : first;
}
