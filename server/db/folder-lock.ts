import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Folders this process holds: a second open here would share the files just as a second process would. */
const held = new Set<string>();

/**
 * One process per data folder. PGlite is not a server: two processes opening one folder (a second
 * `npm start`, a central server started twice) would both write its files and corrupt them, and PGlite takes
 * no OS lock of its own. So the opener puts a lock file holding its pid into the folder — written whole
 * under another name and linked into place, so no one ever reads it half-written, and the link fails if a
 * lock is there. A lock whose process has ended (killed, crashed) is taken over. Returns the release.
 */
export function lockFolder(folder: string, fileName = '.cfw-lock'): () => void {
  const key = resolve(folder);
  if (held.has(key)) throw new FolderInUseError(folder, process.pid);
  const file = join(folder, fileName);
  const mine = join(folder, `${fileName}.${process.pid}.${randomUUID()}`);
  writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(mine, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = holderOf(file);
        // Our own pid in a lock we do not hold: left by an earlier process that had the same pid (a
        // restarted container), so it is stale like any other.
        if (holder !== null && holder !== process.pid && isAlive(holder)) throw new FolderInUseError(folder, holder);
        takeOverStale(file, holder);
        continue;
      }
      held.add(key);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(key);
        if (holderOf(file) === process.pid) rmSync(file, { force: true });
      };
    }
    throw new FolderInUseError(folder, holderOf(file) ?? 0);
  } finally {
    rmSync(mine, { force: true });
  }
}

/**
 * Moves a stale lock out of the way. Only one of several processes doing this at once gets the rename; if
 * what it moved is not the stale lock it read (another process took over in between), it is put back.
 */
function takeOverStale(file: string, stale: number | null): void {
  const aside = `${file}.stale.${randomUUID()}`;
  try {
    renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else moved it
    throw e;
  }
  if (holderOf(aside) !== stale) {
    try {
      linkSync(aside, file);
    } catch {
      // a newer lock is already in place; ours to drop is only the moved copy
    }
  }
  rmSync(aside, { force: true });
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
