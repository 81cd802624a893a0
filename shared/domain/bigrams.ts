/** The distinct two-character pieces of a text (by Unicode code point), lower-cased; used by name search. */
export function bigrams(text: string): string[] {
  const chars = [...text.toLowerCase().replace(/\s+/g, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}
