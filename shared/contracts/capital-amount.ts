/**
 * Amounts in Chinese capitals (大写金额) as the PBOC rules for filling in vouchers require
 * (《正确填写票据和结算凭证的基本规定》):
 * - 零壹贰叁肆伍陆柒捌玖 and 拾佰仟万亿; a leading ten is written 壹拾.
 * - A zero between digits is written 零 (¥1,409.50 → 壹仟肆佰零玖元伍角), several zeros in a row only once
 *   (¥6,007.14 → 陆仟零柒元壹角肆分).
 * - Where the 万 or 元 digit is zero but the 仟 or 角 digit is not, the rules allow either form; we always take
 *   the one of the PBOC example ¥107,000.53 → 壹拾万柒仟元零伍角叁分: no 零 after 万, 零 after 元.
 * - 角 zero and 分 not: 零 after 元 (¥325.04 → 叁佰贰拾伍元零肆分).
 * - 整 after 元 when there are no 角/分; nothing after 角 (allowed by the rules, as in the example ¥1,409.50);
 *   never after 分.
 * The 人民币 prefix belongs to the form (templates print it), not to the amount.
 */

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS_IN_GROUP = ['', '拾', '佰', '仟'] as const;
const GROUP_UNITS = ['', '万', '亿'] as const;

/** 999,999,999,999.99 元 (玖仟玖佰玖拾玖亿…玖分): the largest amount the 万/亿 units can spell unambiguously. */
export const MAX_CAPITAL_FEN = 99_999_999_999_999;

/** fen → 大写, e.g. 140950 → '壹仟肆佰零玖元伍角'. Throws RangeError outside 0 … MAX_CAPITAL_FEN or for non-integers. */
export function capitalAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > MAX_CAPITAL_FEN) {
    throw new RangeError(`capitalAmount: expected an integer number of fen between 0 and ${MAX_CAPITAL_FEN}, got ${fen}`);
  }
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (yuan === 0) {
    if (jiao === 0 && cents === 0) return '零元整';
    return (jiao ? `${DIGITS[jiao]}角` : '') + (cents ? `${DIGITS[cents]}分` : '');
  }
  let text = `${integerCapital(yuan)}元`;
  if (jiao === 0 && cents === 0) return `${text}整`;
  if (jiao === 0) return `${text}零${DIGITS[cents]}分`;
  if (yuan % 10 === 0) text += '零';
  text += `${DIGITS[jiao]}角`;
  return cents ? `${text}${DIGITS[cents]}分` : text;
}

/** A positive integer below 10^12 in capitals, grouped by 万 and 亿. */
function integerCapital(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let text = '';
  let zeroPending = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) {
      // A whole group of zeros in the middle (1,0000,0001) reads as one 零 before the next digit.
      if (text) zeroPending = true;
      continue;
    }
    // Zeros carried from a higher group, or this group starting with 0 (壹拾万零柒佰): one 零.
    if (text && (zeroPending || group < 1000)) text += '零';
    text += groupCapital(group) + GROUP_UNITS[g];
    zeroPending = false;
  }
  return text;
}

/** 1 … 9999 within a group: inner zeros as one 零, trailing zeros dropped, 壹拾 for a leading ten. */
function groupCapital(group: number): string {
  let text = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const digit = Math.floor(group / 10 ** pos) % 10;
    if (digit === 0) {
      if (text) zero = true;
      continue;
    }
    if (zero) text += '零';
    text += DIGITS[digit]! + UNITS_IN_GROUP[pos];
    zero = false;
  }
  return text;
}
