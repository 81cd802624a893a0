/**
 * Money is integer fen (DESIGN §4). Display in yuan with thousands separators using integer arithmetic
 * only, so no amount is ever rounded through a float.
 */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) return String(fen);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100); // exact: abs is a safe integer
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${String(cents).padStart(2, '0')}`;
}
