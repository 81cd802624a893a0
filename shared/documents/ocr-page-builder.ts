import type { OcrLine, OcrPage, OcrWord } from './ocr-types';

/**
 * Builds an OcrPage from text lines, for tests of the pure extraction code: words are split at spaces,
 * laid out left to right (a run of spaces is a wide gap), one line per 50 px. A word written `text@60`
 * gets confidence 60 (default 95).
 */
export function pageOf(lines: readonly string[], opts: { charWidth?: number; lineHeight?: number } = {}): OcrPage {
  const cw = opts.charWidth ?? 24;
  const lh = opts.lineHeight ?? 30;
  const out: OcrLine[] = lines.map((text, i) => {
    const y0 = 40 + i * 50;
    const words: OcrWord[] = [];
    let x = 40;
    for (const token of text.split(/( +)/)) {
      if (token === '') continue;
      if (/^ +$/.test(token)) {
        x += token.length * cw;
        continue;
      }
      const m = /^(.*?)@(\d+)$/.exec(token);
      const word = m ? m[1]! : token;
      const confidence = m ? Number(m[2]) : 95;
      const w = [...word].length * cw;
      words.push({ text: word, confidence, bbox: { x0: x, y0, x1: x + w, y1: y0 + lh } });
      x += w;
    }
    const x0 = words.length ? words[0]!.bbox.x0 : 40;
    const x1 = words.length ? words[words.length - 1]!.bbox.x1 : 40;
    return { text: words.map((w) => w.text).join(' '), confidence: 90, bbox: { x0, y0, x1, y1: y0 + lh }, words };
  });
  return { width: 1000, height: 60 + lines.length * 50, confidence: 90, lines: out };
}
