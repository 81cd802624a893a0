import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process per data folder. PGlite is not a server: two processes opening one folder (a second
 * `npm start`, a central server started twice) would both write its files and corrupt them, and PGlite takes
 * no OS lock of its own. So the opener writes its pid into a lock file created exclusively; a lock whose
 * process has ended (killed, crashed) is taken over. Returns the release.
 */
export function lockFolder(folder: string, fileName = '.cfw-lock'): () => void {
  const file = join(folder, fileName);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = holderOf(file);
      // The same process may open its own folder again (after closing it, or a test reading a store its
      // stopped child left): only another live process is refused.
      if (holder !== null && holder !== process.pid && isAlive(holder)) throw new FolderInUseError(folder, holder);
      rmSync(file, { force: true });
      continue;
    }
    try {
      writeSync(fd, String(process.pid));
    } finally {
      closeSync(fd);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (holderOf(file) === process.pid) rmSync(file, { force: true });
    };
  }
  throw new FolderInUseError(folder, holderOf(file) ?? 0);
}

function holderOf(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

/** Said at start-up, in both languages, by whichever process finds the folder taken. */
export class FolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `数据目录正由另一个进程（${pid}）使用，不能同时打开，请先关闭另一个工作台或中央服务器：${folder} / ` +
        `The data folder is in use by another process (${pid}); close the other workbench or central server first: ${folder}`,
    );
    this.name = 'FolderInUseError';
  }
}
