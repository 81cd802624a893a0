import sharp from 'sharp';
import { createWorker, type Worker } from 'tesseract.js';
import type { OcrLine, OcrPage, OcrWord } from '../../../shared/documents/ocr-types';
import { mergeBands, pageBands } from '../../../shared/documents/page-bands';
import { readsWithEnglish, REREAD_WHITELIST, type Reading, type RereadMode } from '../../../shared/documents/reread';

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
 * Chinese workers per engine. A page is read as that many bands side by side (shared/documents/page-bands.ts)
 * and the second readings share them, so a clerk's one document uses both cores of a small desktop.
 */
const CHINESE_WORKERS = 2;
/**
 * The Chinese workers' model. chi_sim alone reads these pages as well as chi_sim+eng did (the same fields on
 * the accuracy set, which has Latin letters only in the identity numbers, re-read with eng anyway) and lets
 * the same workers serve the Chinese second readings.
 */
const CHINESE_MODEL = 'chi_sim';

type Settings = Record<string, string>;

/**
 * Mode 6 (one uniform block) reads these layouts far better than the default 3; mode 7 is one line, 10 one
 * character. Every call names all the settings it depends on, so no call inherits another's whitelist.
 */
const PAGE_SETTINGS: Settings = { tessedit_pageseg_mode: '6', preserve_interword_spaces: '1', tessedit_char_whitelist: '' };
const lineSettings = (whitelist: string): Settings => ({ tessedit_pageseg_mode: '7', preserve_interword_spaces: '0', tessedit_char_whitelist: whitelist });
const characterSettings = (whitelist: string): Settings => ({ tessedit_pageseg_mode: '10', preserve_interword_spaces: '0', tessedit_char_whitelist: whitelist });
/**
 * Set once: inverted re-reading of doubtful lines is off (the documents are dark on light; it cost about a
 * tenth of the time for no gain on the accuracy sets).
 */
const FIXED_SETTINGS: Settings = { tessedit_do_invert: '0' };

interface Slot {
  worker: Worker;
  index: number;
  /** The settings last applied, as JSON ('' when unknown). */
  applied: string;
}

/**
 * Workers lent out one call at a time: a call applies its settings and recognises with no other call's
 * settings in between (a tesseract.js worker runs its jobs in the order they were posted).
 */
class Workers {
  private readonly idle: Slot[];
  private readonly waiting: ((slot: Slot) => void)[] = [];

  constructor(
    readonly all: readonly Worker[],
    /** How the engine calls into a worker (refused once stopped, bounded by a timeout). */
    private readonly run: <R>(work: () => Promise<R>) => Promise<R>,
  ) {
    this.idle = all.map((worker, index) => ({ worker, index, applied: '' }));
  }

  async use<T>(settings: Settings, fn: (slot: Slot) => Promise<T>): Promise<T> {
    const slot = this.idle.pop() ?? (await new Promise<Slot>((resolve) => this.waiting.push(resolve)));
    try {
      const wanted = JSON.stringify(settings);
      if (slot.applied !== wanted) {
        slot.applied = '';
        await this.run(() => slot.worker.setParameters(settings as never));
        slot.applied = wanted;
      }
      return await fn(slot);
    } finally {
      const next = this.waiting.shift();
      if (next) next(slot);
      else this.idle.push(slot);
    }
  }
}

/**
 * One OCR slot: two Chinese (chi_sim) workers, which read a page's bands side by side and then the second
 * readings of Chinese lines, and an English worker for the second readings of identity numbers (mode 7 with
 * a whitelist). All are tesseract.js Node workers, i.e. worker_threads: recognition never runs on the thread
 * that serves the UI.
 */
export class OcrEngine {
  private progress: ProgressListener | null = null;
  /** Progress of each band of the page being read, and which band each Chinese worker is reading. */
  private readonly bandProgress: number[] = [];
  private readonly bandOfWorker = new Map<number, number>();
  private stopped = false;
  private halt: (e: Error) => void = () => {};
  /**
   * Rejects when the engine is stopped, ending any call in flight: a terminated tesseract.js worker never
   * answers, and one asked to work after it is terminated fails outside any promise we hold.
   */
  private readonly halted = new Promise<never>((_, reject) => {
    this.halt = reject;
  });
  private readonly chinese: Workers;
  private readonly english: Workers;

  private constructor(chinese: readonly Worker[], english: Worker) {
    this.chinese = new Workers(chinese, this.run);
    this.english = new Workers([english], this.run);
    this.halted.catch(() => {});
  }

  /** Calls into the workers still under way (a stopped engine lets them finish before terminating). */
  private readonly inFlight = new Set<Promise<unknown>>();

  private readonly run = <T>(work: () => Promise<T>): Promise<T> => {
    if (this.stopped) return Promise.reject(new EngineStopped());
    const p = work();
    const tracked = p.then(
      () => {},
      () => {},
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return withTimeout(p, CALL_TIMEOUT_MS, this.halted);
  };

  static async start(langPath: string): Promise<OcrEngine> {
    let engine: OcrEngine | null = null;
    const options = (logger: (m: { status: string; progress: number }) => void) => ({
      langPath,
      cacheMethod: 'none', // the data is already on disk; tesseract.js must neither cache nor fetch it
      gzip: true,
      logger,
    });
    const [english, ...chinese] = await Promise.all([
      createWorker('eng', 1, options(() => {})),
      ...Array.from({ length: CHINESE_WORKERS }, (_, index) =>
        createWorker(
          CHINESE_MODEL,
          1,
          options((m) => {
            if (m.status === 'recognizing text') engine?.workerProgressed(index, m.progress);
          }),
        ),
      ),
    ]);
    await Promise.all([english!, ...chinese].map((w) => w.setParameters(FIXED_SETTINGS as never)));
    engine = new OcrEngine(chinese, english!);
    return engine;
  }

  private workerProgressed(index: number, fraction: number): void {
    const band = this.bandOfWorker.get(index);
    if (band === undefined || !this.progress) return;
    this.bandProgress[band] = fraction;
    this.progress(this.bandProgress.reduce((a, b) => a + b, 0) / this.bandProgress.length);
  }

  /**
   * Recognises one page image (PNG bytes, `width` × `height`) into lines of words with boxes and confidences:
   * its bands at once, one per Chinese worker.
   */
  async recognisePage(image: Buffer, width: number, height: number, onProgress?: ProgressListener): Promise<OcrPage> {
    const bands = pageBands(height, CHINESE_WORKERS);
    this.progress = onProgress ?? null;
    this.bandProgress.length = 0;
    for (let i = 0; i < bands.length; i++) this.bandProgress.push(0);
    try {
      const readings = await Promise.all(
        bands.map(async (band, i) => {
          const bytes = bands.length === 1 ? image : await sharp(image).extract({ left: 0, top: band.top, width, height: band.height }).png({ compressionLevel: 1 }).toBuffer();
          const data = await this.chinese.use(PAGE_SETTINGS, async (slot) => {
            this.bandOfWorker.set(slot.index, i);
            try {
              return (await this.run(() => slot.worker.recognize(bytes, {}, { text: true, blocks: true }))).data;
            } finally {
              this.bandOfWorker.delete(slot.index);
            }
          });
          const lines: OcrLine[] = [];
          for (const block of (data.blocks ?? []) as unknown as TBlock[]) for (const para of block.paragraphs) for (const l of para.lines) lines.push(toLine(l));
          return { band, lines };
        }),
      );
      return mergeBands(width, height, readings);
    } finally {
      this.progress = null;
    }
  }

  /**
   * Second reading of one cropped line (mode 7): the identity numbers with the English model, everything
   * else with the Chinese one; each with the mode's whitelist. Confidence is the lowest symbol's.
   */
  readLine(image: Buffer, mode: RereadMode): Promise<Reading> {
    return this.readCrop(readsWithEnglish(mode) ? this.english : this.chinese, lineSettings(REREAD_WHITELIST[mode]), image);
  }

  /** Reads one cropped character (mode 10) restricted to `whitelist`, with the Chinese model. */
  readCharacter(image: Buffer, whitelist: string): Promise<Reading> {
    return this.readCrop(this.chinese, characterSettings(whitelist), image);
  }

  private readCrop(workers: Workers, settings: Settings, image: Buffer): Promise<Reading> {
    return workers.use(settings, async (slot) => reading(await this.run(() => slot.worker.recognize(image, {}, { text: true, blocks: true }))));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.halt(new EngineStopped());
    // tesseract.js posts a job to its thread only after decoding the image: terminating before that post
    // makes it throw outside any promise. So calls under way finish (a page takes about a second) first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
    await Promise.allSettled([...this.chinese.all, ...this.english.all].map((w) => w.terminate()));
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
