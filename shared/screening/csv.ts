/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes with "" for a quote, CRLF or LF line
 * ends; a leading UTF-8 BOM is dropped. A record may span lines inside quotes, so each record carries the
 * line it starts on (1-based) for error reports.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly kind: 'unterminated_quote' | 'stray_quote',
  ) {
    super(`CSV ${kind} at line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Calls `onRecord` for each record in order; blank lines are skipped. Throws CsvSyntaxError. */
export function parseCsv(text: string, onRecord: (r: CsvRecord) => void): void {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let out = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) throw new CsvSyntaxError(start, 'unterminated_quote');
          out += text.slice(j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            out += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        line += countLineBreaks(out);
        value = out;
        const c = text.charCodeAt(i);
        if (i < n && c !== COMMA && c !== LF && c !== CR) throw new CsvSyntaxError(line, 'stray_quote');
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) throw new CsvSyntaxError(line, 'stray_quote');
          j++;
        }
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      // end of record: CRLF, LF or a lone CR
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) onRecord({ line: start, fields });
  }
}

function countLineBreaks(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF || (c === CR && s.charCodeAt(i + 1) !== LF)) k++;
  }
  return k;
}
