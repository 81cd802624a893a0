import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv';

function all(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  parseCsv(text, (r) => out.push(r));
  return out;
}

describe('CSV parsing', () => {
  it('reads plain, quoted and empty fields with CRLF or LF, dropping a BOM and blank lines', () => {
    expect(all('\uFEFFa,b,c\r\n1,"x, y",\n\n"say ""hi""",2,3')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', ''] },
      { line: 4, fields: ['say "hi"', '2', '3'] },
    ]);
  });

  it('keeps line numbers right after a field that spans lines', () => {
    expect(all('a,b\n"two\nlines",1\nlast,2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['two\nlines', '1'] },
      { line: 4, fields: ['last', '2'] },
    ]);
  });

  it.each([
    ['an unterminated quote', 'a,b\n1,2\n"never closed,3\n', 3, 'unterminated_quote'],
    ['a quote inside a bare field', 'a,b\n1,x"y\n', 2, 'stray_quote'],
    ['text after a closing quote', 'a,b\n"x"y,1\n', 2, 'stray_quote'],
  ])('refuses %s, naming the line', (_label, text, line, kind) => {
    try {
      all(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CsvSyntaxError);
      expect((e as CsvSyntaxError).line).toBe(line);
      expect((e as CsvSyntaxError).kind).toBe(kind);
    }
  });
});
