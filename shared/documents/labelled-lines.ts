import { toHalfWidth } from './normalise';
import { unionBox, type OcrBox, type OcrLine, type OcrPage, type OcrWord } from './ocr-types';

/** One character of a line with the word it came from (for its confidence and box). */
interface LineChar {
  c: string;
  word: OcrWord;
}

export interface LabelSpec {
  /** Field key, or null for a label that only ends the previous value (经营范围, 登记机关 …). */
  key: string | null;
  labels: readonly string[];
  multiline?: boolean;
}

/** A value read after a label, with the words it came from. */
export interface LabelledValue {
  key: string;
  raw: string;
  /** Lowest word confidence over the value, 0–100; a value is as doubtful as its worst word. */
  confidence: number;
  /** Box of the value on its first line (where a second reading would crop). */
  bbox: OcrBox | null;
  lineIndex: number;
}

/**
 * Marks OCR reads from the gaps and the artwork between a label and its value (and sometimes inside a
 * spaced-out label: 类 ”型). None of them occurs in the fields read here, so they are dropped.
 */
const NOISE = /[\s"'“”‘’`´。·•|丨]/;

/** Words further right than this many line heights from the previous word belong to something else. */
const MAX_GAP_LINE_HEIGHTS = 4;

function charsOf(line: OcrLine): LineChar[] {
  const out: LineChar[] = [];
  for (const word of line.words) {
    for (const c of toHalfWidth(word.text)) if (!NOISE.test(c)) out.push({ c, word });
  }
  return out;
}

/** A value ends at a far gap: what follows is a seal, the photo or a QR code read as letters. */
function untilGap(chars: readonly LineChar[]): readonly LineChar[] {
  for (let i = 1; i < chars.length; i++) {
    const a = chars[i - 1]!.word;
    const b = chars[i]!.word;
    if (a === b) continue;
    const height = Math.max(1, a.bbox.y1 - a.bbox.y0, b.bbox.y1 - b.bbox.y0);
    if (b.bbox.x0 - a.bbox.x1 > height * MAX_GAP_LINE_HEIGHTS) return chars.slice(0, i);
  }
  return chars;
}

/** Allowed substitutions when matching a printed label: none for short ones, more for long ones. */
function tolerance(label: string): number {
  if (label.length <= 2) return 0;
  if (label.length <= 5) return 1;
  return 2;
}

interface Hit {
  spec: LabelSpec;
  start: number;
  end: number;
}

/** Substitutions between `label` and the text at `i`, or Infinity past the end. */
function mismatches(text: string, i: number, label: string): number {
  if (i + label.length > text.length) return Infinity;
  let errors = 0;
  for (let j = 0; j < label.length; j++) if (text[i + j] !== label[j]) errors++;
  return errors;
}

/**
 * Where `label` occurs at `i`, and how long the match is. Beyond exact and near matches, a label that starts
 * its line may have one character misread even when short (和名 for 姓名) or one character read from the gap
 * between its spaced-out characters (住汪所 for 住所).
 */
function matchAt(text: string, i: number, label: string): number | null {
  const errors = mismatches(text, i, label);
  // The first or the last character must match, so a near-miss does not swallow a neighbour's value.
  const anchored = text[i] === label[0] || text[i + label.length - 1] === label[label.length - 1];
  if (anchored && errors <= tolerance(label)) return label.length;
  if (i > 0) return null;
  const gapped = text[0] + text.slice(2, label.length + 1);
  if (label.length <= 4 && text.length > label.length + 1 && gapped === label) return label.length + 1;
  if (anchored && label.length === 2 && errors === 1) return 2;
  return null;
}

/** Every label occurrence in a line, leftmost first; overlapping matches keep the longer label. */
function findLabels(text: string, specs: readonly LabelSpec[]): Hit[] {
  const hits: Hit[] = [];
  for (const spec of specs) {
    for (const label of spec.labels) {
      for (let i = 0; i + label.length <= text.length; i++) {
        const length = matchAt(text, i, label);
        if (length === null) continue;
        hits.push({ spec, start: i, end: i + length });
        i += length - 1;
      }
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Hit[] = [];
  for (const h of hits) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

function valueOf(key: string, chars: readonly LineChar[], lineIndex: number): LabelledValue {
  const words = [...new Set(chars.map((c) => c.word))];
  return {
    key,
    raw: chars.map((c) => c.c).join(''),
    confidence: words.length ? Math.min(...words.map((w) => w.confidence)) : 0,
    bbox: unionBox(words.map((w) => w.bbox)),
    lineIndex,
  };
}

/**
 * Reads `label value` pairs from the lines of a page: the value runs from the end of its label to the next
 * label on the line (two fields may share a printed line, 性别 男 民族 汉), and for multiline fields on to the
 * following unlabelled lines that start under the value. The first occurrence of a field wins.
 */
export function readLabelledValues(page: OcrPage, specs: readonly LabelSpec[]): Map<string, LabelledValue> {
  const out = new Map<string, LabelledValue>();
  const lines = page.lines.map(charsOf);
  const labelsPerLine = lines.map((chars) => findLabels(chars.map((c) => c.c).join(''), specs));
  lines.forEach((chars, i) => {
    const hits = labelsPerLine[i]!;
    hits.forEach((hit, k) => {
      const key = hit.spec.key;
      if (key === null || out.has(key)) return;
      const end = k + 1 < hits.length ? hits[k + 1]!.start : chars.length;
      const own = untilGap(chars.slice(hit.end, end));
      const value = valueOf(key, own, i);
      if (hit.spec.multiline && k === hits.length - 1) {
        const more = continuation(page, lines, labelsPerLine, i, value.bbox);
        if (more.length > 0) {
          const all = [...own, ...untilGap(more)];
          out.set(key, { ...valueOf(key, all, i), bbox: value.bbox });
          return;
        }
      }
      out.set(key, value);
    });
  });
  return out;
}

/** Unlabelled lines right below a multiline value, starting roughly where the value starts. */
function continuation(page: OcrPage, lines: LineChar[][], labels: Hit[][], from: number, first: OcrBox | null): LineChar[] {
  const out: LineChar[] = [];
  if (!first) return out;
  const height = first.y1 - first.y0;
  let bottom = first.y1;
  for (let j = from + 1; j < lines.length; j++) {
    const box = page.lines[j]!.bbox;
    if (labels[j]!.length > 0) break;
    if (box.y0 - bottom > height * 1.6) break;
    if (Math.abs(box.x0 - first.x0) > height * 1.5) break;
    out.push(...lines[j]!);
    bottom = box.y1;
  }
  return out;
}

/** Lines as compact strings (no spaces, half-width) with their index, for pattern searches over a page. */
export function compactLines(page: OcrPage): { text: string; line: OcrLine; index: number }[] {
  return page.lines.map((line, index) => ({ text: charsOf(line).map((c) => c.c).join(''), line, index }));
}

/** The words of a line covering characters [start, end) of its compact text. */
export function wordsAt(line: OcrLine, start: number, end: number): OcrWord[] {
  const chars = charsOf(line).slice(start, end);
  return [...new Set(chars.map((c) => c.word))];
}
