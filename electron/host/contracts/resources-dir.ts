import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file whose presence identifies the app's resources folder (fonts, contract templates). */
export const CONTRACT_FONT_FILE = join('fonts', 'NotoSansSC-Regular.ttf');

/**
 * Where `resources/` is: WORKBENCH_RESOURCES_DIR if set; inside a packaged Electron app next to the asar
 * (process.resourcesPath); otherwise the nearest `resources/` above this module — the repository root both for
 * the sources (tests, tsx) and for the build in out/main.
 */
export function defaultResourcesDir(): string {
  if (process.env.WORKBENCH_RESOURCES_DIR) return process.env.WORKBENCH_RESOURCES_DIR;
  // Set by Electron only; plain Node has no such property.
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = packaged ? [join(packaged, 'resources')] : [];
  for (let dir = dirname(fileURLToPath(import.meta.url)), i = 0; i < 8; i++, dir = dirname(dir)) candidates.push(join(dir, 'resources'));
  const found = candidates.find((c) => existsSync(join(c, CONTRACT_FONT_FILE)));
  if (!found) throw new Error(`找不到资源目录（字体、合同模板）/ resources folder not found; looked in: ${candidates.join(', ')}`);
  return found;
}
