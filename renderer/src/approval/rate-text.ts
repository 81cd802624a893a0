/**
 * An annual rate typed in percent ('4.35', '4.35%', '12') → integer basis points (435, 1200), by string
 * arithmetic only: 4.35 is not exact as a float, and a rate must reach the contract exactly as typed.
 * A basis point is 0.01 %, so more than two decimals is refused rather than rounded.
 */
const PERCENT_TEXT = /^(\d{1,3})(?:\.(\d{1,2}))?\s*[%％]?$/;

export function parseRatePercent(text: string): number | null {
  const m = PERCENT_TEXT.exec(text.trim());
  if (!m) return null;
  return Number(m[1]!) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
