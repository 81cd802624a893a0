import type { Label } from '../domain/label';

/**
 * Money is an integer number of fen (分, 0.01 yuan). Floats never touch amounts:
 * parsing works on digit strings and formatting on integer division, so 0.1 + 0.2
 * style drift cannot reach a contract figure.
 */

const FEN_PER_YUAN = 100;
const FEN_PER_HUNDREDTH_WAN = 10_000; // 0.01万元 = 100 元

/** A stored amount: safe integer, not negative. */
export function isFen(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

// Either plain digits or correctly grouped thousands, then up to 2 decimals.
const YUAN_TEXT = /^[¥￥]?\s*(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

/**
 * '1,409.50' | '1409.5' | '¥1,409.50' | '￥1409' → 140950 etc. Surrounding whitespace is
 * ignored. Returns null for negatives, signs, more than 2 decimals, misplaced commas,
 * a bare '.' ('1409.' or '.5'), or an amount beyond Number.MAX_SAFE_INTEGER fen.
 */
export function parseYuan(text: string): number | null {
  const m = YUAN_TEXT.exec(text.trim());
  if (!m) return null;
  const digits = m[1]!.replaceAll(',', '') + (m[2] ?? '').padEnd(2, '0');
  const fen = BigInt(digits);
  return fen <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(fen) : null;
}

/** 140950 → '1,409.50' (or '¥1,409.50'); negatives as '-1,409.50' / '-¥1,409.50'. */
export function formatYuan(fen: number, opts?: { symbol?: boolean }): string {
  assertSafeInteger(fen, 'formatYuan');
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / FEN_PER_YUAN);
  const cents = String(abs % FEN_PER_YUAN).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${opts?.symbol ? '¥' : ''}${groupThousands(yuan)}.${cents}`;
}

/** Yuan with cents only when there are any, for English text (万 is not English): 500_000_000 → '5,000,000'. */
export function formatYuanCompact(fen: number): string {
  const text = formatYuan(fen);
  return text.endsWith('.00') ? text.slice(0, -3) : text;
}

/** An amount in words of both languages: 50万元 / 500,000 yuan. */
export const amountLabel = (fen: number): Label => ({ zh: `${formatWan(fen)}元`, en: `${formatYuanCompact(fen)} yuan` });

/**
 * Amount in 万元 (1万元 = 1,000,000 fen) rounded half away from zero to 0.01万 (= 100 元),
 * trailing zeros dropped, thousands grouped, suffix '万':
 * 100_000_000 → '100万', 123_456_789 → '123.46万', 10_000_000_000 → '10,000万', 4_999 → '0万'.
 * A value that rounds to zero never shows a minus sign.
 */
export function formatWan(fen: number): string {
  assertSafeInteger(fen, 'formatWan');
  const abs = Math.abs(fen);
  const remainder = abs % FEN_PER_HUNDREDTH_WAN;
  const hundredths = (abs - remainder) / FEN_PER_HUNDREDTH_WAN + (remainder * 2 >= FEN_PER_HUNDREDTH_WAN ? 1 : 0);
  const whole = Math.floor(hundredths / 100);
  const decimals = String(hundredths % 100).padStart(2, '0').replace(/0+$/, '');
  const sign = fen < 0 && hundredths > 0 ? '-' : '';
  return `${sign}${groupThousands(whole)}${decimals ? `.${decimals}` : ''}万`;
}

/**
 * Sum of fen amounts (negative adjustments allowed). Throws RangeError if an input or the
 * result is not a safe integer; intermediate overflow is resolved exactly with BigInt.
 */
export function sumFen(values: readonly number[]): number {
  let total = 0;
  let exact = true;
  for (const v of values) {
    assertSafeInteger(v, 'sumFen');
    total += v;
    if (!Number.isSafeInteger(total)) exact = false;
  }
  if (exact) return total;
  const big = values.reduce((acc, v) => acc + BigInt(v), 0n);
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`sumFen: total ${big} fen exceeds the safe integer range`);
  }
  return Number(big);
}

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function assertSafeInteger(n: number, fn: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${fn}: expected an integer number of fen, got ${n}`);
}
