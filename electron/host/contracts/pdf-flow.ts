import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { breakLines } from './text-wrap';

/** A4 in points, with the margins of a printed contract; the bottom margin leaves room for the footer. */
export const PAGE = { width: 595.28, height: 841.89, left: 62, right: 62, top: 60, bottom: 84 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.4, 0.4, 0.4);
export const RULE = rgb(0.72, 0.72, 0.72);

/**
 * The cursor of a document being laid out: the current page and the top of the next line on it, in PDF points
 * (origin bottom left). Everything is drawn immediately; the pages of the current document are remembered so
 * the footer ("第 x 页 共 y 页") can be added once their number is known.
 */
export class PdfFlow {
  page!: PDFPage;
  y = 0;
  readonly documentPages: PDFPage[] = [];
  private readonly advance = new Map<string, number>();
  private onNewPage: (flow: PdfFlow) => void = () => {};

  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
  ) {}

  /** A new document starts on a fresh page; `header` runs on each of its pages after the first. */
  startDocument(header: (flow: PdfFlow) => void): void {
    this.documentPages.length = 0;
    this.onNewPage = () => {};
    this.newPage();
    this.onNewPage = header;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.documentPages.push(this.page);
    this.y = PAGE.height - PAGE.top;
    this.onNewPage(this);
  }

  /** Starts a new page unless `height` more points fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < PAGE.bottom) this.newPage();
  }

  /** Width of `text` at `size`. Glyph advances are cached per character: wrapping measures every prefix. */
  width(text: string, size: number): number {
    let units = 0;
    for (const ch of text) {
      let a = this.advance.get(ch);
      if (a === undefined) {
        a = this.font.widthOfTextAtSize(ch, 1000);
        this.advance.set(ch, a);
      }
      units += a;
    }
    return (units * size) / 1000;
  }

  /** Draws one line of text whose line box starts at `top`. */
  text(text: string, x: number, top: number, size: number, lineHeight: number, color: RGB = BLACK): void {
    if (text === '') return;
    const baseline = top - (lineHeight + size * 0.76) / 2;
    this.page.drawText(text, { x, y: baseline, size, font: this.font, color });
  }

  /** Wraps `text` into `maxWidth` and draws it line by line from the cursor, breaking pages as needed. */
  paragraph(text: string, x: number, maxWidth: number, size: number, lineHeight: number): void {
    for (const line of breakLines(text, maxWidth, (t) => this.width(t, size))) {
      this.ensure(lineHeight);
      this.text(line, x, this.y, size, lineHeight);
      this.y -= lineHeight;
    }
  }

  rule(x1: number, x2: number, y: number, thickness = 0.5, color: RGB = RULE): void {
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color });
  }
}
