import { copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** tesseract.js reads every language from one `langPath`; the npm packages keep each in its own folder. */
export const OCR_LANGS = ['chi_sim', 'eng'] as const;
const VARIANT = '4.0.0_best_int';

function packagedFile(lang: string): string {
  const require = createRequire(import.meta.url);
  return require.resolve(`@tesseract.js-data/${lang}/${VARIANT}/${lang}.traineddata.gz`);
}

/**
 * Gathers the packaged language data (npm @tesseract.js-data/chi_sim and /eng, the LSTM `best_int` models)
 * into one folder under `cacheDir`, copying at first use; later starts find it in place. Nothing is fetched:
 * a file missing from node_modules is an installation error, reported as such.
 */
export function ensureLangPath(cacheDir: string): string {
  const dir = join(cacheDir, 'tessdata', VARIANT);
  mkdirSync(dir, { recursive: true });
  for (const lang of OCR_LANGS) {
    const source = packagedFile(lang);
    const target = join(dir, `${lang}.traineddata.gz`);
    if (existsSync(target) && statSync(target).size === statSync(source).size) continue;
    // Copy then rename, so a crash mid-copy never leaves a truncated model that would be used next time.
    const partial = `${target}.${process.pid}.partial`;
    copyFileSync(source, partial);
    renameSync(partial, target);
  }
  return dir;
}
