import { formatWorkingDuration } from '../../../shared/sla/working-time';

/** Working minutes as working days, hours and minutes: "1天2小时", "2小时15分", "45分" / "1 d 2 h", "2 h 15 m". */
export function formatMinutes(minutes: number | null, workday: number, lang: 'zh-CN' | 'en-US'): string {
  if (minutes === null) return '—';
  const d = formatWorkingDuration(Math.round(minutes), workday);
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  if (d.days) parts.push(zh ? `${d.days}天` : `${d.days} d`);
  if (d.hours) parts.push(zh ? `${d.hours}小时` : `${d.hours} h`);
  if (d.minutes || parts.length === 0) {
    if (!d.days) parts.push(zh ? `${d.minutes}分` : `${d.minutes} m`);
  }
  return parts.join(zh ? '' : ' ');
}

/** A rate (0–1) as a percentage with one decimal, or — when there was nothing to rate. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Labels of histogram bins from their edges: "< 30分", "30分–1小时", …, "≥ 10天". */
export function binLabels(edges: readonly number[], workday: number, lang: 'zh-CN' | 'en-US'): string[] {
  const f = (m: number) => formatMinutes(m, workday, lang);
  return [`< ${f(edges[0]!)}`, ...edges.slice(1).map((e, i) => `${f(edges[i]!)}–${f(e)}`), `≥ ${f(edges[edges.length - 1]!)}`];
}
