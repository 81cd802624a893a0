import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureLangPath } from '../../electron/host/documents/lang-data';
import { EngineStopped, OcrEngine } from '../../electron/host/documents/ocr-engine';

/**
 * A host that closes while a document is being read stops its engines under the running job. The job must
 * end with a plain EngineStopped — not hang until the stall timeout, and not leave an unhandled rejection
 * from inside tesseract.js (which vitest reports as an error of the whole run).
 */
describe('stopping an OCR engine under a running recognition', () => {
  const cache = mkdtempSync(join(tmpdir(), 'cfw-ocr-stop-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('ends the call in flight and refuses later calls, cleanly', async () => {
    const engine = await OcrEngine.start(ensureLangPath(cache));
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const inFlight = engine.recognisePage(png, 1200, 800).then(
      () => 'answered',
      (e: unknown) => e,
    );
    const t0 = Date.now();
    await engine.stop();
    expect(await inFlight).toBeInstanceOf(EngineStopped);
    await expect(engine.recognisePage(png, 1200, 800)).rejects.toBeInstanceOf(EngineStopped);
    await expect(engine.readLine(png, 'id-number')).rejects.toBeInstanceOf(EngineStopped);
    await expect(engine.readCharacter(png, '王李')).rejects.toBeInstanceOf(EngineStopped);
    expect(Date.now() - t0).toBeLessThan(10_000);
  }, 60_000);
});
