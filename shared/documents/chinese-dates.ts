import { isCalendarDate } from '../validators/id-number';
import { lettersToDigits, removeSpaces, toHalfWidth } from './normalise';

/** The open end of a licence term or an ID card's validity (长期 = no expiry). */
export const OPEN_END = '长期';

const pad2 = (s: string) => s.padStart(2, '0');

/**
 * A date as printed on Chinese documents — 1985年6月15日, 2015年03月12日, 2016.05.10, 2016-05-10, 2016/5/10,
 * 20160510 — to 'YYYY-MM-DD', or null when it is not a real calendar date.
 */
export function parseDocumentDate(raw: string): string | null {
  const t = lettersToDigits(removeSpaces(toHalfWidth(raw)));
  const m =
    /^(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$/.exec(t) ??
    // 日 is often misread (23晶): after 年 and 月, one trailing character stands for it.
    /^(\d{4})年(\d{1,2})月(\d{1,2})[^\d]$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${pad2(m[2]!)}-${pad2(m[3]!)}`;
  return isCalendarDate(iso) ? iso : null;
}

export interface Period {
  from: string;
  /** 'YYYY-MM-DD' or OPEN_END. */
  to: string;
}

/**
 * A validity period — 2016.05.10-2036.05.10, 2015年03月12日至2045年03月11日, 2015年03月12日至长期,
 * or the canonical '2016-05-10/2036-05-10' — or null.
 */
export function parsePeriod(raw: string): Period | null {
  const t = removeSpaces(toHalfWidth(raw));
  // Split at 至, a slash, or the dash between two dates (the dates themselves may contain dashes).
  const m =
    /^(.+?)(?:至|\/|~|—|--)(.+)$/.exec(t) ??
    /^(\d{4}[.\-年]\d{1,2}[.\-月]\d{1,2}日?)-(.+)$/.exec(t);
  if (!m) return null;
  const from = parseDocumentDate(m[1]!);
  const toText = m[2]!;
  const to = /长期|永久/.test(toText) ? OPEN_END : parseDocumentDate(toText);
  if (!from || !to) return null;
  if (to !== OPEN_END && to < from) return null;
  return { from, to };
}

const DATE_IN_TEXT = /\d{4}(?:[年.\-/]\d{1,2}[月.\-/]\d{1,2}日?|年\d{1,2}月\d{1,2}[^\d]?)/g;

/** The first real date within a longer text (a date line with stray marks read around it). */
export function findDocumentDate(raw: string): string | null {
  const t = lettersToDigits(removeSpaces(toHalfWidth(raw)));
  for (const m of t.matchAll(DATE_IN_TEXT)) {
    const d = parseDocumentDate(m[0]) ?? parseDocumentDate(m[0].slice(0, -1));
    if (d) return d;
  }
  return null;
}

export function formatPeriod(p: Period): string {
  return `${p.from}/${p.to}`;
}
