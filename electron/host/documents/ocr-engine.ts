import { createWorker, type Worker } from 'tesseract.js';
import type { OcrLine, OcrPage, OcrWord } from '../../../shared/documents/ocr-types';
import type { RereadMode } from '../../../shared/documents/reread';
import { REREAD_WHITELIST } from '../../../shared/documents/reread';

/** tesseract.js result shapes we read (its typings declare blocks loosely). */
interface TBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TWord {
  text: string;
  confidence: number;
  bbox: TBox;
}
interface TLine {
  text: string;
  confidence: number;
  bbox: TBox;
  words: TWord[];
}
interface TBlock {
  paragraphs: { lines: TLine[] }[];
}

export type ProgressListener = (fraction: number) => void;

/**
 * One OCR slot: a chi_sim+eng worker for pages (page segmentation mode 6, one uniform block: these layouts
 * read far better so than with the default mode 3) and an eng worker for second readings of single lines
 * (mode 7, with a character whitelist). Both are tesseract.js Node workers, i.e. worker_threads: the
 * recognition never runs on the thread that serves the UI.
 */
export class OcrEngine {
  private progress: ProgressListener | null = null;

  private constructor(
    private readonly page: Worker,
    private readonly line: Worker,
  ) {}

  static async start(langPath: string): Promise<OcrEngine> {
    let engine: OcrEngine | null = null;
    const options = {
      langPath,
      cacheMethod: 'none', // the data is already on disk; tesseract.js must neither cache nor fetch it
      gzip: true,
      logger: (m: { status: string; progress: number }) => {
        if (m.status === 'recognizing text') engine?.progress?.(m.progress);
      },
    };
    const [page, line] = await Promise.all([createWorker('chi_sim+eng', 1, options), createWorker('eng', 1, { ...options, logger: () => {} })]);
    await page.setParameters({ tessedit_pageseg_mode: '6' as never, preserve_interword_spaces: '1' });
    await line.setParameters({ tessedit_pageseg_mode: '7' as never });
    engine = new OcrEngine(page, line);
    return engine;
  }

  /** Recognises one page image (PNG bytes) into lines of words with boxes and confidences. */
  async recognisePage(image: Buffer, width: number, height: number, onProgress?: ProgressListener): Promise<OcrPage> {
    this.progress = onProgress ?? null;
    try {
      const { data } = await this.page.recognize(image, {}, { text: true, blocks: true });
      const blocks = (data.blocks ?? []) as unknown as TBlock[];
      const lines: OcrLine[] = [];
      for (const block of blocks) for (const para of block.paragraphs) for (const l of para.lines) lines.push(toLine(l));
      return { width, height, confidence: data.confidence, lines };
    } finally {
      this.progress = null;
    }
  }

  /** Second reading of one cropped line. */
  async readLine(image: Buffer, mode: RereadMode): Promise<{ text: string; confidence: number }> {
    if (mode === 'chinese-line') {
      await this.page.setParameters({ tessedit_pageseg_mode: '7' as never });
      try {
        const { data } = await this.page.recognize(image);
        return { text: data.text.trim(), confidence: data.confidence };
      } finally {
        await this.page.setParameters({ tessedit_pageseg_mode: '6' as never });
      }
    }
    await this.line.setParameters({ tessedit_char_whitelist: REREAD_WHITELIST[mode] ?? '' });
    const { data } = await this.line.recognize(image);
    return { text: data.text.trim(), confidence: data.confidence };
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.page.terminate(), this.line.terminate()]);
  }
}

function toLine(l: TLine): OcrLine {
  const words: OcrWord[] = l.words.map((w) => ({ text: w.text, confidence: w.confidence, bbox: { ...w.bbox } }));
  return { text: l.text.replace(/\n$/, ''), confidence: l.confidence, bbox: { ...l.bbox }, words };
}
