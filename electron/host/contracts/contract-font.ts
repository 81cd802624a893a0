import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fontkit } from './fontkit-adapter';
import { CONTRACT_FONT_FILE } from './resources-dir';

/**
 * The CJK font of the contracts (Noto Sans SC, SIL OFL, shipped in resources/fonts with its licence), read from
 * disk once, and the fontkit 2 adapter that parses it for pdf-lib (fontkit-adapter.ts). Both are loaded on the
 * first contract, not when the host starts.
 */
export class ContractFont {
  private data: Uint8Array | null = null;
  private adapter: Fontkit | null = null;

  constructor(private readonly resourcesDir: () => string) {}

  bytes(): Uint8Array {
    this.data ??= new Uint8Array(readFileSync(join(this.resourcesDir(), CONTRACT_FONT_FILE)));
    return this.data;
  }

  async fontkit(): Promise<Fontkit> {
    this.adapter ??= (await import('./fontkit-adapter')).createFontkitAdapter();
    return this.adapter;
  }
}
