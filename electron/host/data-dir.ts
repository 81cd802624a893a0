import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/** Same folder Electron's app.getPath('userData') uses for this app, so both modes share one store. */
export function defaultDataDir(): string {
  if (process.env.WORKBENCH_DATA_DIR) return process.env.WORKBENCH_DATA_DIR;
  const name = 'credit-factory-workbench';
  switch (platform()) {
    case 'win32':
      return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', name);
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name);
  }
}
