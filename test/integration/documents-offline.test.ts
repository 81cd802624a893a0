import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * OCR needs nothing from the network: the language data comes from the npm packages, gathered into one
 * folder at first use. Proven by recognising an ID card in a child process in which every way out (fetch,
 * http/https/net/tls, DNS) throws — in the main thread and in tesseract's worker threads, which get the same
 * preload — and by checking afterwards that nothing even tried.
 */
describe('OCR with the network unreachable', () => {
  it('recognises an ID card from the packaged language data alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfw-no-net-'));
    const attempts = join(dir, 'attempts.log');
    writeFileSync(attempts, '');
    try {
      const preload = resolve('test/integration/support/no-network.mjs');
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/integration/support/offline-ocr-child.ts'], {
        env: { ...process.env, NODE_OPTIONS: `--import=${preload}`, NO_NETWORK_LOG: attempts },
        encoding: 'utf8',
        timeout: 120_000,
      });
      const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
      expect(line, `child failed: ${r.stderr.slice(-2000)}`).toBeDefined();
      const out = JSON.parse(line!) as { checks: { main: boolean; worker: boolean }; kind: string; read: Record<string, string>; expected: Record<string, string> };
      expect(out.checks).toEqual({ main: true, worker: true });
      expect(out.kind).toBe('id_card_front');
      expect(out.read.idNumber).toBe(out.expected.idNumber);
      expect(out.read.birthDate).toBe(out.expected.birthDate);
      // Only the two deliberate probes above reached the block; tesseract never tried the network.
      expect(readFileSync(attempts, 'utf8').trim().split('\n')).toEqual([expect.stringMatching(/^main fetch https:\/\/cdn/), expect.stringMatching(/^worker fetch https:\/\/cdn/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
