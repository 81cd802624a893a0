import sharp from 'sharp';
import { detectKind } from '../../../shared/documents/detect-kind';
import { extractFields, type ExtractedField } from '../../../shared/documents/extract';
import { FIELD_DEFS, LOW_CONFIDENCE } from '../../../shared/documents/fields';
import type { DocumentKind } from '../../../shared/documents/kinds';
import { pageText, type OcrBox, type OcrPage } from '../../../shared/documents/ocr-types';
import { bestReading, commonSurnameAlternative, hasRareSurname, pickReading, replacementName, readsWithEnglish, rereadPlanFor, type Reading } from '../../../shared/documents/reread';
import type { OcrEngine } from './ocr-engine';
import { COMMON_SURNAMES } from '../../../shared/documents/name-characters';
import { mendName } from '../../../shared/documents/name-glyphs';

/** A page as stored: a PNG or JPEG the viewer shows and the engine reads. */
export interface PageImage {
  bytes: Buffer;
  width: number;
  height: number;
}

export interface Recognition {
  kind: DocumentKind;
  /** 0–1 evidence for the detected kind; 1 when the clerk set the kind. */
  kindScore: number;
  pages: OcrPage[];
  fields: ExtractedField[];
}

export interface RecogniseOptions {
  /** The clerk's kind, which replaces detection. */
  kind?: DocumentKind;
  /** YYYY-MM-DD (Asia/Shanghai), for the birth-date plausibility of ID numbers. */
  today?: string;
  onProgress?: (fraction: number) => void;
  /** Checked between steps; a cancelled document stops at the next one. */
  cancelled?: () => boolean;
}

export class RecognitionCancelled extends Error {
  constructor() {
    super('recognition cancelled');
    this.name = 'RecognitionCancelled';
  }
}

/** A page in grey: the PNG the engine reads, and its pixels once decoded, for the crops of second readings. */
interface GreyPage {
  png: Buffer;
  pixels: Buffer;
  width: number;
  height: number;
  /** 1, or 2 when the image has transparency. */
  channels: 1 | 2 | 3 | 4;
  /** Dots per inch as the file says (72 when it does not): the engine warns and guesses without it. */
  density: number;
}

/**
 * Grey PNG for the engine: colour adds nothing to these documents and costs decoding time in the worker.
 * (Contrast stretching was tried: it helps faint print but lifts noise and table rules into text.)
 */
async function forOcr(bytes: Buffer): Promise<GreyPage> {
  const density = (await sharp(bytes).metadata()).density ?? 72;
  const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
  const png = await sharp(data, raw).withMetadata({ density }).png({ compressionLevel: 1 }).toBuffer();
  return { png, pixels: data, width: info.width, height: info.height, channels: info.channels, density };
}

/**
 * The value's box with room around it (a skewed line drifts up or down across its width), scaled so its
 * glyphs are `height` px tall (0 = as is), on a white margin. Cut from the decoded pixels: the page is not
 * decoded again for every crop.
 */
async function crop(grey: GreyPage, box: OcrBox, height: number): Promise<Buffer> {
  const h = box.y1 - box.y0;
  const left = Math.max(0, Math.floor(box.x0 - h * 0.6));
  const top = Math.max(0, Math.floor(box.y0 - h * 0.45));
  const right = Math.min(grey.width, Math.ceil(box.x1 + h * 0.6));
  const bottom = Math.min(grey.height, Math.ceil(box.y1 + h * 0.45));
  let img = sharp(grey.pixels, { raw: { width: grey.width, height: grey.height, channels: grey.channels } }).extract({ left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) });
  if (height > 0 && h > 0) img = img.resize({ width: Math.max(8, Math.round(((right - left) * height) / h)) });
  return img.extend({ top: 10, bottom: 10, left: 10, right: 10, background: '#ffffff' }).withMetadata({ density: grey.density }).png({ compressionLevel: 1 }).toBuffer();
}

/**
 * The first character of a name's box (CJK glyphs are about as wide as they are tall) read alone with only
 * the common surnames allowed, at each size; each reading is returned as a whole name with the given name
 * as already read.
 */
async function readSurname(engine: OcrEngine, grey: GreyPage, box: OcrBox, name: string, heights: readonly number[], check: () => void): Promise<Reading[]> {
  const glyph = { ...box, x1: Math.min(box.x1, box.x0 + (box.y1 - box.y0)) };
  const given = [...name].slice(1).join('');
  return Promise.all(
    heights.map(async (height) => {
      check();
      const c = await engine.readCharacter(await crop(grey, glyph, height), COMMON_SURNAMES);
      return { text: c.text + given, confidence: c.confidence };
    }),
  );
}

/**
 * Reads one document: every page with the page model (mode 6), the kind from the text (unless the clerk set
 * it), the fields from their labels, then a second reading of the crops that need one — the identity numbers
 * always, with the English model and a whitelist (mode 7), doubtful key fields and dates with mode 7.
 */
export async function recogniseDocument(engine: OcrEngine, images: readonly PageImage[], opts: RecogniseOptions = {}): Promise<Recognition> {
  const check = () => {
    if (opts.cancelled?.()) throw new RecognitionCancelled();
  };
  const report = opts.onProgress ?? (() => {});
  const greys: GreyPage[] = [];
  const pages: OcrPage[] = [];
  // Page reading is most of the work: 90% of the progress bar, the second readings the rest.
  for (const [i, image] of images.entries()) {
    check();
    const grey = await forOcr(image.bytes);
    greys.push(grey);
    pages.push(await engine.recognisePage(grey.png, grey.width, grey.height, (p) => report(((i + p) / images.length) * 0.9)));
  }
  check();
  const detected = detectKind(pages.map(pageText).join('\n'));
  const kind = opts.kind ?? detected.kind;
  const fields = extractFields(kind, pages, opts.today);
  const defs = FIELD_DEFS[kind];
  const todo = fields.map((f, i) => ({ f, i, def: defs[i]!, plan: rereadPlanFor(defs[i]!, f, LOW_CONFIDENCE) })).filter((t) => t.plan !== null);
  let done = 0;
  const reread = async (t: (typeof todo)[number]) => {
    const grey = greys[t.f.page]!;
    const more = await Promise.all(
      t.plan!.heights.map(async (height) => {
        check();
        return engine.readLine(await crop(grey, t.f.bbox!, height), t.plan!.mode);
      }),
    );
    const all = [{ text: t.f.raw, confidence: t.f.confidence }, ...more];
    const second =
      t.plan!.mode === 'person-name'
        ? replacementName(t.def, t.f, more, opts.today)
        : // The first reading competes too, except for identity numbers, where the whitelisted reading is the surer.
          bestReading(t.def, readsWithEnglish(t.plan!.mode) ? more : all, t.f.value, opts.today);
    fields[t.i] = pickReading(t.def, t.f, second, opts.today);
    if (t.plan!.mode === 'person-name') {
      fields[t.i] = mendName(t.def, fields[t.i]!, all, opts.today);
      if (hasRareSurname(fields[t.i]!.value)) {
        const alt = commonSurnameAlternative(t.def, fields[t.i]!, await readSurname(engine, grey, t.f.bbox!, fields[t.i]!.value, t.plan!.heights, check), opts.today);
        if (alt) fields[t.i] = pickReading(t.def, fields[t.i]!, alt, opts.today);
      }
    }
    report(0.9 + (++done / todo.length) * 0.1);
  };
  // All second readings are asked for at once and the engine lends each a worker in turn, so both cores stay
  // busy. A worker serves one reading at a time with that reading's own settings, so a reading still running
  // after a cancellation cannot disturb the next document's.
  const ended = await Promise.allSettled(todo.map(reread));
  for (const e of ended) if (e.status === 'rejected') throw e.reason;
  report(1);
  return { kind, kindScore: opts.kind ? 1 : detected.score, pages, fields };
}

export type { ExtractedField };
