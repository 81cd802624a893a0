import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { prng } from '../../../electron/host/demo/seed';
import { renderSpecimen } from '../../fixtures/documents/render';
import { randomIdCard, randomLicence, type Specimen } from '../../fixtures/documents/specimens';

/** Real files for intake tests, good and bad, made by the fixture renderers and real tools (qpdf). */
export async function idCardFront(seed = 1, format: 'png' | 'jpeg' = 'png'): Promise<{ bytes: Buffer; specimen: Specimen }> {
  const card = randomIdCard(prng(seed), '2026-11-24');
  const specimen: Specimen = { kind: 'id_card_front', data: card.front };
  return { bytes: (await renderSpecimen(specimen, { format })).bytes, specimen };
}

export async function licenceImage(seed = 2): Promise<Buffer> {
  return (await renderSpecimen({ kind: 'business_licence', data: randomLicence(prng(seed)) }, { format: 'jpeg' })).bytes;
}

/** A scanned PDF: each JPEG one page at 200 dpi. */
export async function pdfOf(jpegs: Buffer[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const jpeg of jpegs) {
    const image = await doc.embedJpg(jpeg);
    const page = doc.addPage([(image.width * 72) / 200, (image.height * 72) / 200]);
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  return Buffer.from(await doc.save());
}

export async function emptyPdf(): Promise<Buffer> {
  // pdf-lib adds a blank page to an empty document unless told not to.
  return Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
}

export async function blankPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  return Buffer.from(await doc.save());
}

/** Encrypted with a user password by qpdf, as a bank's e-statement often is. */
export function encrypt(pdf: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'cfw-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    return readFileSync(join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A real, valid PNG of `size` × `size` pixels (1-bit grey, all white, so it stays small on disk: a decoder
 * would still have to produce size² pixels).
 */
export function hugePng(size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grey
  const row = Buffer.alloc(1 + Math.ceil(size / 8), 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * size);
  for (let y = 0; y < size; y++) row.copy(raw, y * row.length);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
}

export async function tiffOf(png: Buffer): Promise<Buffer> {
  return sharp(png).tiff({ compression: 'lzw' }).toBuffer();
}
