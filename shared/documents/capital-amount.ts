import { removeSpaces, toHalfWidth } from './normalise';

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 壹: 1, 一: 1, 贰: 2, 二: 2, 两: 2, 叁: 3, 三: 3, 肆: 4, 四: 4, 伍: 5, 五: 5, 陆: 6, 六: 6, 柒: 7, 七: 7, 捌: 8, 八: 8, 玖: 9, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 拾: 10, 十: 10, 佰: 100, 百: 100, 仟: 1000, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** 壹仟贰佰叁拾肆 → 1234 within one 万 section; null on anything unexpected. */
function section(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in SMALL_UNITS) {
      total += (digit ?? 1) * SMALL_UNITS[c]!; // 拾元 = 10 元
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

/** Integer yuan from capital numerals with 亿/万 sections: 贰仟万 → 20,000,000. */
function capitalYuan(text: string): number | null {
  if (text === '') return 0;
  let total = 0;
  let rest = text;
  for (const unit of ['亿', '万'] as const) {
    const at = rest.indexOf(unit);
    if (at < 0) continue;
    const head = section(rest.slice(0, at));
    if (head === null) return null;
    total += head * BIG_UNITS[unit]!;
    rest = rest.slice(at + 1);
  }
  const tail = section(rest);
  return tail === null ? null : total + tail;
}

/**
 * An amount as printed, to integer fen: capital numerals (人民币壹佰万元整, 壹万贰仟叁佰肆拾伍元陆角柒分),
 * figures with a unit (100万元, ¥12,345.67, 12345.67元). Null if it cannot be read unambiguously.
 */
export function parseAmountFen(raw: string): number | null {
  if (raw.trim() === '') return null;
  const t = removeSpaces(toHalfWidth(raw)).replace(/^(人民币|RMB|¥|￥)+/i, '').replace(/[（(]?人民币[)）]?$/, '');
  const figures = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(万)?(?:元)?(?:整)?$/.exec(t);
  if (figures) {
    const yuan = Number(figures[1]!.replaceAll(',', ''));
    const cents = Number((figures[2] ?? '').padEnd(2, '0'));
    // 12.34万 = 12 万 + 34 hundredths of a 万 (100 元 each): integers throughout.
    if (figures[3]) return yuan * 1_000_000 + cents * 10_000;
    return yuan * 100 + cents;
  }
  // 元 may be absent when there are no yuan at all (壹角, 伍分).
  const capital = /^(?:(.*?)元)?零?(?:(.)角)?零?(?:(.)分)?整?$/.exec(t.replace(/圆/g, '元'));
  if (capital && capital[1] === undefined && !capital[2] && !capital[3]) return parseWholeYuan(t);
  if (capital) {
    const yuan = capitalYuan((capital[1] ?? '').replace(/零/g, ''));
    const jiao = capital[2] ? DIGITS[capital[2]] : 0;
    const fen = capital[3] ? DIGITS[capital[3]] : 0;
    if (yuan === null || jiao === undefined || fen === undefined) return null;
    return yuan * 100 + jiao * 10 + fen;
  }
  return parseWholeYuan(t);
}

/** Capital numerals with no 元 at all (壹佰万整, as some forms print): whole yuan. */
function parseWholeYuan(t: string): number | null {
  const body = t.replace(/整$/, '').replace(/零/g, '');
  const yuan = body === '' ? null : capitalYuan(body);
  return yuan === null ? null : yuan * 100;
}
