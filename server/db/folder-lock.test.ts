import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderInUseError, lockFolder } from './folder-lock';

describe('lockFolder: one process per data folder', () => {
  const folders: string[] = [];
  const folder = () => {
    const f = mkdtempSync(join(tmpdir(), 'cfw-lock-'));
    folders.push(f);
    return f;
  };
  afterEach(() => {
    for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
  });

  it('takes a free folder, writes its pid, and frees it on release', () => {
    const f = folder();
    const release = lockFolder(f);
    expect(readFileSync(join(f, '.cfw-lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(readdirSync(f)).toEqual([]); // no lock and no file of its own left behind
    lockFolder(f)(); // and it can be taken again
  });

  it('refuses a folder another live process holds, naming it in both languages; takes it over once that process has ended', async () => {
    const f = folder();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await new Promise((r) => other.once('spawn', r));
    writeFileSync(join(f, '.cfw-lock'), String(other.pid));
    let refused: unknown;
    try {
      lockFolder(f);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(FolderInUseError);
    expect((refused as Error).message).toContain(`数据目录正由另一个进程（${other.pid}）使用`);
    expect((refused as Error).message).toContain(`in use by another process (${other.pid})`);
    expect(readFileSync(join(f, '.cfw-lock'), 'utf8')).toBe(String(other.pid)); // the holder's lock is left alone

    other.kill('SIGKILL');
    await new Promise((r) => other.once('exit', r));
    const release = lockFolder(f);
    expect(readFileSync(join(f, '.cfw-lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('refuses a second open of a folder this process holds, until the first is released', () => {
    const f = folder();
    const release = lockFolder(f);
    expect(() => lockFolder(f)).toThrow(FolderInUseError);
    release();
    lockFolder(f)();
  });

  it('takes over a lock file that names no process', () => {
    const f = folder();
    writeFileSync(join(f, '.cfw-lock'), 'garbage');
    lockFolder(f)();
  });
});
