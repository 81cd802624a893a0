import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, milliseconds) from /proc: of one process, or of every PostgreSQL process. The
 * sync bench divides it by the claims made, which says what one claim costs each party far more steadily
 * than claims per second does on a shared 2-core VM.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0; // the process has ended
  }
}

/** CPU so far of each PostgreSQL process, by pid. */
function postgresCpu(): Map<number, number> {
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
function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of postgresCpu()) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * Starts measuring the CPU of this process (the bench's desktop or clients), of the server process `pid` and
 * of PostgreSQL; the function returned reads what each has spent since, in milliseconds.
 */
export function cpuMeter(pid: number): () => { selfMs: number; serverMs: number; postgresMs: number } {
  const start = { self: process.cpuUsage(), server: processCpuMs(pid), pg: postgresCpu() };
  return () => {
    const self = process.cpuUsage(start.self);
    return { selfMs: (self.user + self.system) / 1000, serverMs: processCpuMs(pid) - start.server, postgresMs: postgresCpuSince(start.pg) };
  };
}
