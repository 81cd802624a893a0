import { createWorker, type Worker } from 'tesseract.js';
import type { OcrLine, OcrPage, OcrWord } from '../../../shared/documents/ocr-types';
import { REREAD_WHITELIST, type Reading, type RereadMode } from '../../../shared/documents/reread';

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
  symbols?: { text: string; confidence: number }[];
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
 * Longest one recognition may take before the engine is given up (a page takes about a second; a worker
 * that crashed inside its WebAssembly never answers). The pool then starts a fresh engine.
 */
const CALL_TIMEOUT_MS = 60_000;

export class EngineStalled extends Error {
  constructor() {
    super('OCR engine did not answer');
    this.name = 'EngineStalled';
  }
}

export class EngineStopped extends Error {
  constructor() {
    super('OCR engine was stopped');
    this.name = 'EngineStopped';
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, halted: Promise<never>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EngineStalled()), ms);
  });
  return Promise.race([p, stalled, halted]).finally(() => clearTimeout(timer));
}

/**
 * One OCR slot: a chi_sim+eng worker for pages (page segmentation mode 6, one uniform block: these layouts
 * read far better so than with the default mode 3), and a chi_sim and an eng worker for second readings of
 * single lines (mode 7, with a character whitelist). All are tesseract.js Node workers, i.e. worker_threads:
 * recognition never runs on the thread that serves the UI.
 */
export class OcrEngine {
  private progress: ProgressListener | null = null;
  private stopped = false;
  private halt: (e: Error) => void = () => {};
  /**
   * Rejects when the engine is stopped, ending any call in flight: a terminated tesseract.js worker never
   * answers, and one asked to work after it is terminated fails outside any promise we hold.
   */
  private readonly halted = new Promise<never>((_, reject) => {
    this.halt = reject;
  });

  private constructor(
    private readonly page: Worker,
    private readonly chiLine: Worker,
    private readonly engLine: Worker,
  ) {
    this.halted.catch(() => {});
  }

  /** Calls into the workers still under way (a stopped engine lets them finish before terminating). */
  private readonly inFlight = new Set<Promise<unknown>>();

  private call<T>(work: () => Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(new EngineStopped());
    const p = work();
    const tracked = p.then(
      () => {},
      () => {},
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return withTimeout(p, CALL_TIMEOUT_MS, this.halted);
  }

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
    const quiet = { ...options, logger: () => {} };
    // chi_sim's own config asks for chi_sim_vert (vertical text) as a sub-language, which the package does
    // not have: with a second language the WebAssembly build prints a garbled "Failed loading language" on
    // start. Harmless (horizontal text only); overriding the setting at init was tried and spoils recognition.
    const [page, chiLine, engLine] = await Promise.all([
      createWorker('chi_sim+eng', 1, options),
      createWorker('chi_sim', 1, quiet),
      createWorker('eng', 1, quiet),
    ]);
    await page.setParameters({ tessedit_pageseg_mode: '6' as never, preserve_interword_spaces: '1' });
    await chiLine.setParameters({ tessedit_pageseg_mode: '7' as never });
    await engLine.setParameters({ tessedit_pageseg_mode: '7' as never });
    engine = new OcrEngine(page, chiLine, engLine);
    return engine;
  }

  /** Recognises one page image (PNG bytes) into lines of words with boxes and confidences. */
  async recognisePage(image: Buffer, width: number, height: number, onProgress?: ProgressListener): Promise<OcrPage> {
    this.progress = onProgress ?? null;
    try {
      const { data } = await this.call(() => this.page.recognize(image, {}, { text: true, blocks: true }));
      const blocks = (data.blocks ?? []) as unknown as TBlock[];
      const lines: OcrLine[] = [];
      for (const block of blocks) for (const para of block.paragraphs) for (const l of para.lines) lines.push(toLine(l));
      return { width, height, confidence: data.confidence, lines };
    } finally {
      this.progress = null;
    }
  }

  /**
   * Second reading of one cropped line (mode 7): the identity numbers with the English model, everything
   * else with the Chinese one; each with the mode's whitelist. Confidence is the lowest symbol's.
   */
  async readLine(image: Buffer, mode: RereadMode): Promise<Reading> {
    const worker = mode === 'id-number' || mode === 'credit-code' ? this.engLine : this.chiLine;
    await this.call(() => worker.setParameters({ tessedit_char_whitelist: REREAD_WHITELIST[mode] }));
    return reading(await this.call(() => worker.recognize(image, {}, { text: true, blocks: true })));
  }

  /** Reads one cropped character (mode 10) restricted to `whitelist`, with the Chinese model. */
  async readCharacter(image: Buffer, whitelist: string): Promise<Reading> {
    await this.call(() => this.chiLine.setParameters({ tessedit_pageseg_mode: '10' as never, tessedit_char_whitelist: whitelist }));
    try {
      return reading(await this.call(() => this.chiLine.recognize(image, {}, { text: true, blocks: true })));
    } finally {
      if (!this.stopped) await this.call(() => this.chiLine.setParameters({ tessedit_pageseg_mode: '7' as never }));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.halt(new EngineStopped());
    // tesseract.js posts a job to its thread only after decoding the image: terminating before that post
    // makes it throw outside any promise. So calls under way finish (a page takes about a second) first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
    await Promise.allSettled([this.page.terminate(), this.chiLine.terminate(), this.engLine.terminate()]);
  }
}

function reading(result: { data: { text: string; blocks: unknown } }): Reading {
  const blocks = (result.data.blocks ?? []) as TBlock[];
  const symbols = blocks.flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words.flatMap((w) => w.symbols ?? []))));
  const text = symbols.length ? symbols.map((x) => x.text).join('') : result.data.text.trim();
  return { text, confidence: symbols.length ? Math.min(...symbols.map((x) => x.confidence)) : 0 };
}

function toLine(l: TLine): OcrLine {
  const words: OcrWord[] = l.words.map((w) => ({ text: w.text, confidence: w.confidence, bbox: { ...w.bbox } }));
  return { text: l.text.replace(/\n$/, ''), confidence: l.confidence, bbox: { ...l.bbox }, words };
}
