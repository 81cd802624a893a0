/** Masks identity numbers and credit codes for roles that do not need them: keep 4 first and 4 last. */
export function maskIdentifier(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}
