import { describe, expect, it } from 'vitest';
import type { OcrLine } from './ocr-types';
import { bandOverlap, mergeBands, pageBands } from './page-bands';

const line = (text: string, y0: number, y1: number): OcrLine => ({
  text,
  confidence: 90,
  bbox: { x0: 10, y0, x1: 300, y1 },
  words: [{ text, confidence: text === 'b' ? 60 : 90, bbox: { x0: 10, y0, x1: 300, y1 } }],
});

describe('pageBands', () => {
  it('reads a card-sized page whole', () => {
    expect(pageBands(300, 2)).toEqual([{ top: 0, height: 300, ownsFrom: 0, ownsTo: 300 }]);
    expect(pageBands(557, 2)).toHaveLength(1);
  });

  it('splits a page into overlapping bands whose owned stretches tile it', () => {
    const bands = pageBands(900, 2);
    expect(bands).toHaveLength(2);
    expect(bands[0]).toEqual({ top: 0, height: 450 + 90, ownsFrom: 0, ownsTo: 450 });
    expect(bands[1]).toEqual({ top: 450 - 90, height: 900 - 360, ownsFrom: 450, ownsTo: 900 });
    for (const h of [400, 541, 720, 900, 3508]) {
      for (const n of [1, 2, 3]) {
        const b = pageBands(h, n);
        expect(b[0]!.ownsFrom).toBe(0);
        expect(b.at(-1)!.ownsTo).toBe(h);
        for (let k = 1; k < b.length; k++) expect(b[k]!.ownsFrom).toBe(b[k - 1]!.ownsTo);
        for (const x of b) {
          expect(x.top).toBeGreaterThanOrEqual(0);
          expect(x.top + x.height).toBeLessThanOrEqual(h);
          // every owned line up to twice the overlap tall lies wholly inside its band
          expect(x.top).toBeLessThanOrEqual(Math.max(0, x.ownsFrom - bandOverlap(h)));
          expect(x.top + x.height).toBeGreaterThanOrEqual(Math.min(h, x.ownsTo + bandOverlap(h)));
        }
      }
    }
  });
});

describe('mergeBands', () => {
  it('keeps each line once, by the band owning its centre, in page pixels and reading order', () => {
    const [top, bottom] = pageBands(900, 2) as [ReturnType<typeof pageBands>[0], ReturnType<typeof pageBands>[0]];
    const page = mergeBands(1240, 900, [
      // band 0 (0–540): a, b whole; c (centre 470, owned by band 1) also seen; a line cut at the edge
      { band: top, lines: [line('a', 100, 130), line('b', 400, 430), line('c', 455, 485), line('cut', 525, 540)] },
      // band 1 starts at 360: b again (centre 415 in page pixels, owned by band 0), c, d
      { band: bottom, lines: [line('b', 40, 70), line('c', 95, 125), line('d', 300, 330)] },
    ]);
    expect(page.lines.map((l) => l.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(page.lines[2]!.bbox).toEqual({ x0: 10, y0: 455, x1: 300, y1: 485 });
    expect(page.lines[3]!.words[0]!.bbox.y0).toBe(660);
    expect(page.confidence).toBeCloseTo((90 + 60 + 90 + 90) / 4);
    expect(page).toMatchObject({ width: 1240, height: 900 });
  });
});
