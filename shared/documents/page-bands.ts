import type { OcrLine, OcrPage } from './ocr-types';

/**
 * A page read as horizontal bands, one per page worker, so one document uses every core: recognition time
 * grows with the amount of text, and a clerk waits for one document at a time.
 *
 * Neighbouring bands overlap. Each band owns the lines whose vertical centre falls in its own stretch of the
 * page; a line owned by a band lies wholly inside it as long as half the line's height is within the overlap,
 * so no owned line is ever cut. Lines cut at a band's edge belong to the neighbour and are dropped.
 */
export interface PageBand {
  /** Top of the band in page pixels. */
  top: number;
  height: number;
  /** The stretch [from, to) of the page whose lines this band keeps. */
  ownsFrom: number;
  ownsTo: number;
}

/**
 * Below this height a page is read whole: the overlaps would be much of the work, and a card-sized image
 * (an ID card is about 540 px here) reads better whole — the engine's binarisation looks at the whole image,
 * and two more of the accuracy set's degraded ID cards were misread in bands.
 */
const MIN_BAND_PAGE_HEIGHT = 720;

/**
 * The overlap: a tenth of the page, at least 64 px. Titles on these documents are the tallest lines (about
 * 6% of the page height) and a skewed line is taller than its glyphs.
 */
export function bandOverlap(pageHeight: number): number {
  return Math.max(64, Math.round(pageHeight * 0.1));
}

export function pageBands(pageHeight: number, count: number): PageBand[] {
  const n = pageHeight < MIN_BAND_PAGE_HEIGHT ? 1 : Math.max(1, Math.floor(count));
  const overlap = bandOverlap(pageHeight);
  const bands: PageBand[] = [];
  for (let k = 0; k < n; k++) {
    const ownsFrom = Math.round((pageHeight * k) / n);
    const ownsTo = Math.round((pageHeight * (k + 1)) / n);
    const top = k === 0 ? 0 : Math.max(0, ownsFrom - overlap);
    const bottom = k === n - 1 ? pageHeight : Math.min(pageHeight, ownsTo + overlap);
    bands.push({ top, height: bottom - top, ownsFrom, ownsTo });
  }
  return bands;
}

/** One band's lines, with boxes in the band's own pixels, as the engine returned them. */
export interface BandReading {
  band: PageBand;
  lines: readonly OcrLine[];
}

const shift = <B extends { y0: number; y1: number }>(b: B, dy: number): B => ({ ...b, y0: b.y0 + dy, y1: b.y1 + dy });

/**
 * The page's lines from its bands: boxes moved to page pixels, each line kept by the band that owns its
 * centre, in reading order (bands top to bottom, each in the engine's order). Confidence is the mean over the
 * kept words (what tesseract reports for a page).
 */
export function mergeBands(width: number, height: number, readings: readonly BandReading[]): OcrPage {
  const lines: OcrLine[] = [];
  for (const { band, lines: own } of readings) {
    for (const l of own) {
      const line = { ...l, bbox: shift(l.bbox, band.top), words: l.words.map((w) => ({ ...w, bbox: shift(w.bbox, band.top) })) };
      const centre = (line.bbox.y0 + line.bbox.y1) / 2;
      if (centre >= band.ownsFrom && centre < band.ownsTo) lines.push(line);
    }
  }
  const words = lines.flatMap((l) => l.words);
  const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0;
  return { width, height, confidence, lines };
}
