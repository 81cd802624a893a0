/** Shanghai has had no DST since 1991, so a fixed +8h offset is exact and needs no tz data. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A UTC ISO instant as Asia/Shanghai wall time, `YYYY-MM-DD HH:mm`. */
export function formatShanghai(isoUtc: string | null | undefined): string {
  if (!isoUtc) return '';
  const ms = Date.parse(isoUtc);
  if (!Number.isFinite(ms)) return isoUtc;
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
