/** Shanghai has had no DST since 1991, so a fixed +8h offset is exact and needs no tz data. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A UTC ISO instant as Asia/Shanghai wall time, `YYYY-MM-DD HH:mm` (with `:ss` when asked, e.g. for the audit trail). */
export function formatShanghai(isoUtc: string | null | undefined, opts?: { seconds?: boolean }): string {
  if (!isoUtc) return '';
  const ms = Date.parse(isoUtc);
  if (!Number.isFinite(ms)) return isoUtc;
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const minutes = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return opts?.seconds ? `${minutes}:${pad(d.getUTCSeconds())}` : minutes;
}

/** The UTC instant at which a Shanghai calendar day (`YYYY-MM-DD`) begins, for date-range filters. */
export function shanghaiDayStartUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS).toISOString();
}
