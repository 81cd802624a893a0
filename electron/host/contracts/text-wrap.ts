/**
 * Line breaking for Chinese contract text: a line may break between any two CJK characters, Latin words and
 * numbers (contract numbers, ¥1,000,000.00, SHA-256 digests) stay whole unless wider than a line, and the
 * 禁则 rules hold — closing punctuation never starts a line, opening punctuation never ends one.
 */

const CLOSING = new Set([...'，。、；：？！）》」』”’〉】〕…%,.;:?!)]}·']);
const OPENING = new Set([...'（《「『“‘〈【〔([{¥￥']);

/** ASCII spaces are break opportunities; the ideographic space (　) is content, e.g. a first-line indent. */
const isSpace = (token: string) => /^ +$/.test(token);

/** Splits text into unbreakable pieces; spaces are their own pieces (a break may drop them). */
export function tokenize(text: string): string[] {
  const raw = text.match(/ +|[\x21-\x7e]+|./gu) ?? [];
  const tokens: string[] = [];
  for (const piece of raw) {
    const prev = tokens[tokens.length - 1];
    const first = [...piece][0]!;
    if (prev !== undefined && !isSpace(prev) && !isSpace(piece) && (CLOSING.has(first) || OPENING.has([...prev].at(-1)!))) {
      tokens[tokens.length - 1] = prev + piece;
    } else tokens.push(piece);
  }
  return tokens;
}

/**
 * Greedy line breaking to `maxWidth` with `width(text)` in the same unit. Explicit newlines are kept.
 * A piece wider than a whole line is broken by characters.
 */
export function breakLines(text: string, maxWidth: number, width: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    let wrapped = false; // spaces that open a paragraph are kept; spaces after a wrap are not
    const push = () => {
      lines.push(line.replace(/ +$/, ''));
      line = '';
      lineWidth = 0;
      wrapped = true;
    };
    for (const token of tokenize(paragraph)) {
      const w = width(token);
      if (line === '' && wrapped && isSpace(token)) continue;
      if (lineWidth + w <= maxWidth) {
        line += token;
        lineWidth += w;
        continue;
      }
      if (isSpace(token)) {
        push();
        continue;
      }
      if (line !== '') push();
      if (w <= maxWidth) {
        line = token;
        lineWidth = w;
        continue;
      }
      for (const ch of token) {
        const cw = width(ch);
        if (lineWidth + cw > maxWidth && line !== '') push();
        line += ch;
        lineWidth += cw;
      }
    }
    push();
  }
  return lines;
}
