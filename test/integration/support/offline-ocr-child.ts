/**
 * Runs recognition in a process where the network is unreachable (see no-network.mjs) and prints what it
 * read as JSON. First it proves the block works, in this thread and in a worker thread.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { ensureLangPath } from '../../../electron/host/documents/lang-data';
import { OcrEngine } from '../../../electron/host/documents/ocr-engine';
import { recogniseDocument } from '../../../electron/host/documents/recognise-document';
import { idCardFront } from './document-files';

async function blockedHere(): Promise<boolean> {
  try {
    await fetch('https://cdn.jsdelivr.net/npm/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz');
    return false;
  } catch (e) {
    return String(e).includes('network blocked by test');
  }
}

function blockedInWorker(): Promise<boolean> {
  const worker = new Worker(fileURLToPath(new URL('./network-probe-worker.cjs', import.meta.url)));
  return new Promise((resolve) => worker.once('message', (m: boolean) => void worker.terminate().then(() => resolve(m))));
}

async function main() {
  const checks = { main: await blockedHere(), worker: await blockedInWorker() };
  const { bytes, specimen } = await idCardFront(77);
  const meta = await sharp(bytes).metadata();
  const engine = await OcrEngine.start(ensureLangPath(mkdtempSync(join(tmpdir(), 'cfw-offline-'))));
  try {
    const r = await recogniseDocument(engine, [{ bytes, width: meta.width!, height: meta.height! }], { today: '2026-11-24' });
    const read = Object.fromEntries(r.fields.map((f) => [f.key, f.value]));
    console.log(JSON.stringify({ checks, kind: r.kind, read, expected: specimen.data }));
  } finally {
    await engine.stop();
  }
}

void main();
