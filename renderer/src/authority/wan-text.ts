/**
 * Authority limits are entered in 万元 (1万元 = 1,000,000 fen). Conversion works on digit strings so that a
 * limit such as '49.99' is exactly 49,990,000 fen; up to six decimals (0.000001万 = 1 fen) are accepted.
 */
const FEN_PER_WAN = 1_000_000;
const WAN_TEXT = /^(\d+)(?:\.(\d{1,6}))?$/;

export function parseWan(text: string): number | null {
  const m = WAN_TEXT.exec(text.trim().replace(/万$/, ''));
  if (!m) return null;
  const fen = BigInt(m[1]! + (m[2] ?? '').padEnd(6, '0'));
  return fen <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(fen) : null;
}

/** 100_000_000 → '100', 49_990_000 → '49.99', 1 → '0.000001': the exact value, trailing zeros dropped. */
export function fenToWanText(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) return String(fen);
  const whole = Math.floor(fen / FEN_PER_WAN);
  const frac = String(fen % FEN_PER_WAN).padStart(6, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}
