import { describe, expect, it } from 'vitest';
import { lit, litJson, litTextArray, SqlLiteralError } from './sql-literal';

describe('SQL literals for the multi-statement round trips', () => {
  it('doubles quotes and escapes backslashes so text cannot leave its literal', () => {
    expect(lit("O'Brien")).toBe("'O''Brien'");
    expect(lit("'); DROP TABLE cases; --")).toBe("'''); DROP TABLE cases; --'");
    expect(lit('a\\b')).toBe(" E'a\\\\b'");
    expect(lit("\\'; DROP TABLE x; --")).toBe(" E'\\\\''; DROP TABLE x; --'");
    expect(lit('张敏')).toBe("'张敏'");
  });

  it('writes numbers, booleans and null as SQL, and refuses what SQL cannot hold', () => {
    expect(lit(42)).toBe('42');
    expect(lit(-1.5)).toBe('-1.5');
    expect(lit(true)).toBe('TRUE');
    expect(lit(null)).toBe('NULL');
    expect(() => lit(Number.NaN)).toThrow(SqlLiteralError);
    expect(() => lit(Infinity)).toThrow(SqlLiteralError);
    expect(() => lit('a\u0000b')).toThrow(SqlLiteralError);
  });

  it('builds jsonb and text[] literals', () => {
    expect(litJson({ name: "O'Brien", path: 'C:\\x' })).toBe('$cfw${"name":"O\'Brien","path":"C:\\\\x"}$cfw$::jsonb');
    // A text that holds the dollar-quote tag cannot be dollar-quoted with it: it is quoted and escaped instead.
    expect(litJson({ note: 'a$cfw$b' })).toBe(`'{"note":"a$cfw$b"}'::jsonb`);
    expect(litTextArray([])).toBe('ARRAY[]::text[]');
    expect(litTextArray(['a', "b'c"])).toBe("ARRAY['a', 'b''c']::text[]");
  });
});
