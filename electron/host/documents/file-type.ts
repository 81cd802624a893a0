/** Types the workbench accepts; decided from the file's first bytes, never from its name. */
export type DocumentMime = 'image/jpeg' | 'image/png' | 'image/tiff' | 'application/pdf';

export type Sniffed = { ok: true; mime: DocumentMime } | { ok: false; looksLike: string };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/**
 * Reads the type from the magic bytes. What is refused is still named (an executable, a ZIP, a GIF…), so
 * the error tells the clerk what was sent instead of a document.
 */
export function sniffType(b: Uint8Array): Sniffed {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { ok: true, mime: 'image/jpeg' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, mime: 'image/png' };
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return { ok: true, mime: 'image/tiff' };
  // %PDF- may follow a little junk (some scanners prepend bytes); the PDF spec allows it within 1 KB.
  const head = Buffer.from(b.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return { ok: true, mime: 'application/pdf' };
  if (startsWith(b, [0x4d, 0x5a])) return { ok: false, looksLike: 'Windows executable (MZ)' };
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return { ok: false, looksLike: 'ELF executable' };
  if (startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(b, [0xca, 0xfe, 0xba, 0xbe])) return { ok: false, looksLike: 'Mach-O executable' };
  if (startsWith(b, [0x23, 0x21])) return { ok: false, looksLike: 'script' };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, looksLike: 'ZIP / Office document' };
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return { ok: false, looksLike: 'GIF image' };
  if (startsWith(b, [0x42, 0x4d])) return { ok: false, looksLike: 'BMP image' };
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) return { ok: false, looksLike: 'WebP image' };
  return { ok: false, looksLike: 'unknown' };
}
