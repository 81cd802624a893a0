import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, milliseconds) from /proc: of one process, or of every PostgreSQL process. The
 * sync bench divides it by the claims made, which says what one claim costs each party far more steadily
 * than claims per second does on a shared 2-core VM.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0; // the process has ended
  }
}

/** CPU so far of each PostgreSQL process, by pid. */
export function postgresCpu(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('postgres')) byPid.set(Number(entry), processCpuMs(Number(entry)));
    } catch {
      // gone between readdir and read
    }
  }
  return byPid;
}

/** PostgreSQL's CPU since `before`: backends that started meanwhile count whole, ones that ended are lost. */
export function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of postgresCpu()) total += ms - (before.get(pid) ?? 0);
  return total;
}
