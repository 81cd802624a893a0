import type { ExtractedField } from './extract';
import type { FieldDef } from './fields';
import { isSurname, NAME_CHARS } from './name-characters';
import { removeSpaces } from './normalise';
import type { OcrBox } from './ocr-types';
import { asReread, type Reading } from './reread';

/**
 * A printed Chinese name is a row of square glyphs, so its box says how many characters it has. A speck just
 * left of the name is sometimes read as one more character (和孟健涛 for 孟健涛): when the chosen name is one
 * character longer than its box holds and another reading is that name without its first character, the
 * shorter one is taken.
 *
 * (Tried and left: taking any reading of the box's length also mends a glyph read as two (磊 as 和大), but the
 * boxes of some names are narrower than their glyphs (赖欣斌 became 赖欣); reading each doubtful glyph alone
 * does not help either — 磊 alone reads as 大, 乔, 春 or 符 as often as in a line.)
 */

/** Characters in a name's box (2–4), or null when the box is not a row of square glyphs. */
export function nameGlyphCount(box: OcrBox): number | null {
  const h = box.y1 - box.y0;
  if (h <= 0) return null;
  const ratio = (box.x1 - box.x0) / h;
  const n = Math.round(ratio);
  return n >= 2 && n <= 4 && Math.abs(ratio - n) <= 0.35 ? n : null;
}

/** The chosen name without a speck read before it, when a reading and the box agree on that; else null. */
export function nameWithoutSpeck(box: OcrBox, chosen: string, readings: readonly Reading[]): Reading | null {
  const count = nameGlyphCount(box);
  const chars = [...chosen];
  if (count === null || chars.length !== count + 1) return null;
  const shorter = chars.slice(1).join('');
  if (!isSurname(chars[1]!) || !chars.slice(1).every((c) => NAME_CHARS.has(c))) return null;
  const same = readings.filter((r) => removeSpaces(r.text) === shorter);
  if (same.length === 0) return null;
  return { text: shorter, confidence: Math.max(...same.map((r) => r.confidence)) };
}

/**
 * Name characters the model reads right only some of the time, each with what it reads them as instead
 * (measured on the generated ID cards and certificates: 磊 came out as 乔, 符, 大 or 春 in about half the
 * readings, and no other character was read as 磊). When the chosen name has one of those look-alikes where
 * another reading of the same length has the under-read character, that character is the likelier.
 */
const UNDER_READ: Readonly<Record<string, string>> = { 磊: '乔符大春笑' };

export function underReadGlyphs(chosen: string, readings: readonly Reading[]): Reading | null {
  const out = [...chosen];
  let best: number | null = null;
  for (const r of readings) {
    const chars = [...removeSpaces(r.text)];
    if (chars.length !== out.length) continue;
    for (let k = 0; k < chars.length; k++) {
      const look = UNDER_READ[chars[k]!];
      if (look?.includes(out[k]!) && chars.every((c, j) => j === k || c === out[j] || UNDER_READ[c]?.includes(out[j]!))) {
        out[k] = chars[k]!;
        best = Math.max(best ?? 0, r.confidence);
      }
    }
  }
  return best === null ? null : { text: out.join(''), confidence: best };
}

/**
 * A person's name as chosen from its readings (the page's and the crops'), with the two mistakes above mended
 * where the readings show them: a speck read before it, then a look-alike of a character the model under-reads.
 */
export function mendName(def: FieldDef, chosen: ExtractedField, readings: readonly Reading[], today?: string): ExtractedField {
  let field = chosen;
  const withoutSpeck = field.bbox ? nameWithoutSpeck(field.bbox, field.value, readings) : null;
  if (withoutSpeck) field = asReread(def, field, withoutSpeck, today);
  const underRead = underReadGlyphs(field.value, readings);
  return underRead ? asReread(def, field, underRead, today) : field;
}
