/** What the OCR engine hands to the pure extraction code: lines of words with boxes and confidences. */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0–100 as reported by the engine. */
  confidence: number;
  bbox: OcrBox;
}

export interface OcrLine {
  text: string;
  confidence: number;
  bbox: OcrBox;
  words: OcrWord[];
}

export interface OcrPage {
  width: number;
  height: number;
  confidence: number;
  lines: OcrLine[];
}

export function unionBox(boxes: readonly OcrBox[]): OcrBox | null {
  if (boxes.length === 0) return null;
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/** The page's text as one string, lines joined with newlines (what kind detection reads). */
export function pageText(page: OcrPage): string {
  return page.lines.map((l) => l.text).join('\n');
}
