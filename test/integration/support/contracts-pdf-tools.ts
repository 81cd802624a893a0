import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The real PDF tools of the contract tests: poppler's pdftotext/pdfinfo, qpdf, and MuPDF's mutool — a renderer
 * that uses only the fonts embedded in the file (it cannot fall back to a system CJK font, so a broken subset
 * shows up as missing ink).
 */
function withFile<T>(bytes: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'cfw-pdf-'));
  try {
    const file = join(dir, 'contract.pdf');
    writeFileSync(file, bytes);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext -layout: table rows stay on one line. */
export function pdfText(bytes: Uint8Array): string {
  return withFile(bytes, (file) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** pdfinfo -custom: standard and custom document information entries. */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = withFile(bytes, (file) => execFileSync('pdfinfo', ['-custom', file], { encoding: 'utf8' }));
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** qpdf --check: exit status 0 and no warnings. */
export function qpdfCheck(bytes: Uint8Array): { status: number | null; output: string } {
  return withFile(bytes, (file) => {
    const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  });
}

/** Number of dark pixels on each page rendered by mutool at `dpi`, in grey. */
export function inkPerPage(bytes: Uint8Array, dpi = 60): number[] {
  return withFile(bytes, (file, dir) => {
    execFileSync('mutool', ['draw', '-q', '-r', String(dpi), '-c', 'gray', '-F', 'pgm', '-o', join(dir, 'page-%d.pgm'), file], { stdio: 'pipe' });
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    return pages.map((p) => darkPixels(readFileSync(join(dir, p))));
  });
}

/** Renders one page to PNG with mutool, for a person to look at. */
export function renderPng(bytes: Uint8Array, page: number, outFile: string, dpi = 100): void {
  withFile(bytes, (file) => execFileSync('mutool', ['draw', '-q', '-r', String(dpi), '-o', outFile, file, String(page)], { stdio: 'pipe' }));
}

/** Binary PGM (P5, 8 bit): header of magic, width, height, maxval, then one byte per pixel. */
function darkPixels(pgm: Buffer): number {
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[pos]!))) pos++;
    if (pgm[pos] === 0x23) {
      while (pgm[pos] !== 0x0a) pos++;
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(pgm[pos]!))) token += String.fromCharCode(pgm[pos++]!);
    fields.push(token);
  }
  pos++; // the single whitespace after maxval
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error(`not an 8-bit binary PGM: ${fields.join(' ')}`);
  let dark = 0;
  for (let i = pos; i < pgm.length; i++) if (pgm[i]! < 128) dark++;
  return dark;
}

/** Collapses runs of spaces so layout columns compare as single-spaced text. */
export function singleSpaced(text: string): string {
  return text.replace(/[ \u3000]+/g, ' ');
}
