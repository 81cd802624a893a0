import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { IntakeError } from './intake-error';
import type { IntakeLimits, StoredPage } from './page-images';
import { tooManyPages } from './page-images';

/** Scanned pages are rendered at 200 dpi: plenty for OCR, about the resolution of the scan itself. */
const DPI = 200;
const MAX_SIDE = 2400;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;
type RenderParameters = Parameters<PdfPage['render']>[0];
/** What pdf.js's Node canvas factory hands out (an @napi-rs/canvas canvas and its 2D context). */
interface CanvasFactory {
  create(width: number, height: number): { canvas: { toBuffer(mime: 'image/png'): Buffer }; context: { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void } };
}
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  // Loaded on first use: most hosts never see a PDF, and pdf.js is large.
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** pdf.js's own data files (fonts, CMaps, colour profiles, wasm decoders), from the installed package. */
function assetDirs() {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const dir = (name: string) => `${join(root, name)}/`;
  return { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm'), iccUrl: dir('iccs') };
}

/**
 * pdf.js shows an empty page tree as one blank page; the tree itself says whether a page exists. Null when
 * pdf-lib cannot read the structure (pdf.js, which could, decides then).
 */
async function pageTreeCount(bytes: Buffer): Promise<number | null> {
  try {
    return (await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })).getPageCount();
  } catch {
    return null;
  }
}

const corruptPdf = () => new IntakeError('pdf_corrupt', 'PDF 文件已损坏，无法打开', 'The PDF is damaged and cannot be opened');

/**
 * Renders every page of a PDF to a JPEG (scanned pages are photographs; JPEG keeps them small). An
 * encrypted PDF, one without pages and one whose pages are all blank are refused with their own message.
 */
export async function renderPdfPages(bytes: Buffer, limits: IntakeLimits): Promise<StoredPage[]> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    ...assetDirs(),
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    if (e instanceof Error && e.name === 'PasswordException') {
      throw new IntakeError('pdf_encrypted', 'PDF 文件已加密，请上传未加密的文件', 'The PDF is encrypted; upload an unencrypted copy');
    }
    throw corruptPdf();
  }
  try {
    if (doc.numPages > limits.maxPages) throw tooManyPages(doc.numPages, limits.maxPages);
    if (doc.numPages <= 1 && (await pageTreeCount(bytes)) === 0) throw new IntakeError('pdf_empty', 'PDF 文件没有页面', 'The PDF has no pages');
    const pages: { page: StoredPage; blank: boolean }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      let page: PdfPage;
      try {
        page = await doc.getPage(n);
      } catch {
        // A page tree that lists no real page (pdf.js reports one page for an empty tree).
        if (n === 1) throw new IntakeError('pdf_empty', 'PDF 文件没有页面', 'The PDF has no pages');
        throw corruptPdf();
      }
      const base = page.getViewport({ scale: 1 });
      const scale = Math.min(DPI / 72, MAX_SIDE / Math.max(base.width, base.height));
      const viewport = page.getViewport({ scale });
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      if (width * height > limits.maxPixels) throw new IntakeError('image_too_large', 'PDF 页面尺寸过大', 'A PDF page is too large');
      // pdf.js's own canvas factory: a canvas from another instance of @napi-rs/canvas crashes the renderer.
      const { canvas, context } = (doc.canvasFactory as unknown as CanvasFactory).create(width, height);
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      try {
        // pdf.js types its parameters for the DOM; in Node it draws on @napi-rs/canvas, which it loads itself.
        await page.render({ canvasContext: context, canvas, viewport } as unknown as RenderParameters).promise;
      } catch {
        throw corruptPdf();
      }
      const png = canvas.toBuffer('image/png');
      const stats = await sharp(png).greyscale().stats();
      const jpeg = await sharp(png).jpeg({ quality: 90 }).toBuffer();
      pages.push({ page: { bytes: jpeg, mime: 'image/jpeg', width, height }, blank: stats.channels[0]!.min >= 245 });
      page.cleanup();
    }
    if (pages.every((p) => p.blank)) {
      throw new IntakeError('blank', 'PDF 页面均为空白，没有可审核的内容', 'Every page of the PDF is blank; there is nothing to check');
    }
    return pages.map((p) => p.page);
  } finally {
    await doc.destroy();
  }
}
