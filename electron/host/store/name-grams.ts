import { bigrams } from '../../../shared/domain/bigrams';

/** Byte to two hex digits: a table, as a fresh desktop writes about ten pieces for each of thousands of cases. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Name search's index is the FTS5 table `name_grams` (migration 0090): one row per case, holding the
 * two-character pieces of its customer's and applicant's name (`bigrams`) as tokens. Each piece is written as
 * the hex of its UTF-16 code units, because the tokenizer splits on punctuation and folds case: '州(' or '·张'
 * must stay one token, exactly as `bigrams` made it.
 */
export function gramToken(gram: string): string {
  let token = '';
  for (let i = 0; i < gram.length; i++) {
    const unit = gram.charCodeAt(i);
    token += HEX[unit >> 8]! + HEX[unit & 0xff]!;
  }
  return token;
}

/** The tokens of these pieces, each once. */
export function gramTokens(grams: Iterable<string>): string {
  return [...new Set(grams)].map(gramToken).join(' ');
}

/** A case's row in `name_grams`: the pieces of its customer's name (the company's, if any) and its applicant's. */
export function caseNameTokens(customerName: string, applicantName: string): string {
  return gramTokens([...bigrams(customerName), ...bigrams(applicantName)]);
}

/** A MATCH expression for the cases holding one piece. */
export function gramMatch(gram: string): string {
  return `"${gramToken(gram)}"`;
}
