import sharp, { type Metadata, type OutputInfo } from 'sharp';
import type { DocumentMime } from './file-type';
import { IntakeError } from './intake-error';
import { renderPdfPages } from './pdf-pages';

export interface IntakeLimits {
  /** Largest file accepted (default 20 MB). */
  maxBytes: number;
  /** Largest image in pixels (default 50 megapixels: a 20,000 × 20,000 image is refused, a phone photo is not). */
  maxPixels: number;
  /** Most pages of one document (a PDF or a multi-page TIFF). */
  maxPages: number;
}

export const DEFAULT_LIMITS: IntakeLimits = { maxBytes: 20 * 1024 * 1024, maxPixels: 50_000_000, maxPages: 20 };

/** A page as it is stored and shown: encoded image bytes the browser can display. */
export interface StoredPage {
  bytes: Buffer;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

/** Longest side of a stored page: enough to read every character, small enough to show quickly. */
const MAX_SIDE = 2400;

const corrupt = () => new IntakeError('corrupt_image', '图像文件已损坏或不完整，无法读取', 'The image is damaged or incomplete and cannot be read');

function tooBig(width: number, height: number) {
  return new IntakeError(
    'image_too_large',
    `图像尺寸过大（${width} × ${height} 像素），请缩小后重新上传`,
    `The image is too large (${width} × ${height} pixels); scale it down and upload again`,
  );
}

/**
 * Decodes an uploaded image completely (a truncated JPEG is caught here, not later by the OCR), checks its
 * size before decoding, and turns it into the page(s) to store: the original bytes when the browser can show
 * them as they are (JPEG/PNG, upright, not huge), otherwise an upright JPEG/PNG copy.
 */
async function imagePages(bytes: Buffer, mime: DocumentMime, limits: IntakeLimits): Promise<StoredPage[]> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw corrupt();
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width === 0 || height === 0) throw corrupt();
  if (width * height > limits.maxPixels) throw tooBig(width, height);
  const pageCount = mime === 'image/tiff' ? (meta.pages ?? 1) : 1;
  if (pageCount > limits.maxPages) throw tooManyPages(pageCount, limits.maxPages);
  const pages: StoredPage[] = [];
  for (let page = 0; page < pageCount; page++) {
    let img = sharp(bytes, { failOn: 'truncated', limitInputPixels: limits.maxPixels, page }).rotate();
    let decoded: { data: Buffer; info: OutputInfo };
    try {
      decoded = await img.clone().raw().toBuffer({ resolveWithObject: true });
    } catch {
      throw corrupt();
    }
    const { width: w, height: h } = decoded.info;
    const upright = (meta.orientation ?? 1) === 1;
    if (mime !== 'image/tiff' && upright && Math.max(w, h) <= MAX_SIDE) {
      pages.push({ bytes, mime: mime as StoredPage['mime'], width: w, height: h });
      continue;
    }
    if (Math.max(w, h) > MAX_SIDE) img = img.resize({ width: w >= h ? MAX_SIDE : undefined, height: h > w ? MAX_SIDE : undefined });
    const out = mime === 'image/png' || mime === 'image/tiff' ? img.png() : img.jpeg({ quality: 90 });
    const { data, info } = await out.toBuffer({ resolveWithObject: true });
    pages.push({ bytes: data, mime: mime === 'image/jpeg' ? 'image/jpeg' : 'image/png', width: info.width, height: info.height });
  }
  return pages;
}

export function tooManyPages(count: number, max: number) {
  return new IntakeError('too_many_pages', `文件共 ${count} 页，超过上限 ${max} 页`, `The file has ${count} pages, more than the limit of ${max}`);
}

/** The pages of an accepted file, or an IntakeError saying clearly why it cannot be used. */
export async function pagesOf(bytes: Buffer, mime: DocumentMime, limits: IntakeLimits): Promise<StoredPage[]> {
  const pages = mime === 'application/pdf' ? await renderPdfPages(bytes, limits) : await imagePages(bytes, mime, limits);
  if (pages.length === 0) throw new IntakeError('pdf_empty', 'PDF 文件没有页面', 'The PDF has no pages');
  return pages;
}
