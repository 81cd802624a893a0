import { create, type Subset } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

/** pdf-lib does not export its fontkit interface by name; this is the parameter of registerFontkit. */
export type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * pdf-lib expects the fontkit 1 API of its fork @pdf-lib/fontkit, whose subsets come out broken for some fonts
 * (Noto Sans SC: most glyphs blank while text extraction still works; CFF fonts refused — pdf-lib issue 1232).
 * Upstream fontkit 2 subsets correctly but renamed one method: `subset.encode()` returns the bytes where
 * pdf-lib calls `subset.encodeStream()` and listens for data/end. This adapter bridges exactly that.
 *
 * Each document gets its own font object, because fontkit caches each glyph with the characters it was first
 * reached by and pdf-lib writes those into the ToUnicode map: a shared object would let one document reaching a
 * glyph through another code point (一 and the radical ⼀ share a glyph) change what every later contract's
 * text extracts as. What the font objects of the same bytes do share is the decoded tables (cmap, GSUB, GPOS,
 * …) — immutable data, shared the same way by fontkit's own getVariation() — which saves about two thirds of
 * the CPU time of laying out a contract with a fresh font.
 */
export function createFontkitAdapter(): Fontkit {
  const decodedTables = new WeakMap<Uint8Array, Record<string, unknown>>();
  return {
    create(bytes: Uint8Array) {
      const font = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (!('createSubset' in font)) throw new Error('字体文件是字体集合，请指定单个字体 / The font file is a collection; give a single font');
      // fontkit's TTFFont keeps decoded tables in `_tables` (not in its type declarations).
      const internals = font as unknown as { _tables: Record<string, unknown> };
      const shared = decodedTables.get(bytes);
      if (shared) internals._tables = shared;
      else decodedTables.set(bytes, internals._tables);
      const createSubset = font.createSubset.bind(font);
      // Own property on this font object only; fontkit's prototype stays untouched.
      Object.defineProperty(font, 'createSubset', { value: () => streamingSubset(createSubset()) });
      // pdf-lib declares its own Font interface for the fontkit 1 fork; fontkit 2's Font has every member it
      // uses (layout, glyphs, metrics, createSubset), but the two declarations are unrelated types.
      return font as unknown as ReturnType<Fontkit['create']>;
    },
  };
}

type Listener = (arg?: unknown) => void;

/**
 * What fontkit 2's subset really does (src/subset/Subset.js): includeGlyph takes a glyph id and returns the id
 * in the subset. @types/fontkit declares it as (Glyph) => boolean, which is not what the code does.
 */
interface SubsetById {
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

/** A fontkit 2 subset wearing the fontkit 1 `encodeStream()` pdf-lib calls. */
function streamingSubset(fontkitSubset: Subset) {
  const subset = fontkitSubset as unknown as SubsetById;
  return {
    // pdf-lib asks whether the subset is CFF to choose FontFile3 over FontFile2.
    get cff() {
      return (fontkitSubset as unknown as { cff?: unknown }).cff;
    },
    includeGlyph: (glyph: number | { id: number }) => subset.includeGlyph(typeof glyph === 'number' ? glyph : glyph.id),
    encodeStream() {
      const listeners: Record<string, Listener> = {};
      const stream = {
        on(event: 'data' | 'end' | 'error', listener: Listener) {
          listeners[event] = listener;
          return stream;
        },
      };
      // pdf-lib attaches its data, end and error listeners synchronously; emit once they are all there.
      queueMicrotask(() => {
        try {
          listeners.data?.(subset.encode());
          listeners.end?.();
        } catch (e) {
          listeners.error?.(e);
        }
      });
      return stream;
    },
  };
}
