/**
 * SQL literals for the few hot statements sent as one multi-statement round trip (PostgreSQL's simple query
 * protocol cannot carry parameters). Only these builders put values into SQL text; everything else uses
 * `$n` parameters. Strings are escaped the way libpq's PQescapeLiteral does, so the result is correct
 * whatever `standard_conforming_strings` says.
 */
export type SqlValue = string | number | boolean | null;

export class SqlLiteralError extends Error {}

export function lit(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SqlLiteralError('non-finite number in SQL');
    return String(value);
  }
  return quote(value);
}

/**
 * A JSON value as a jsonb literal. Dollar-quoted, since the body of such a literal is taken as it is: the
 * write plans of the hot paths are kilobytes of JSON that need no escaping pass. A text holding the tag
 * itself is quoted the usual way.
 */
export function litJson(value: unknown): string {
  // JSON.stringify writes control characters as escapes, so the text holds no NUL (and jsonb refuses \u0000).
  const text = JSON.stringify(value);
  return text.includes(JSON_TAG) ? `${quote(text)}::jsonb` : `${JSON_TAG}${text}${JSON_TAG}::jsonb`;
}

const JSON_TAG = '$cfw$';

function quote(text: string): string {
  // PostgreSQL text cannot hold NUL; input validation refuses it first, this is the last line.
  if (text.includes('\u0000')) throw new SqlLiteralError('NUL character in SQL text');
  const hasBackslash = text.includes('\\');
  let body = text.replace(/'/g, "''");
  if (hasBackslash) body = body.replace(/\\/g, '\\\\');
  return hasBackslash ? ` E'${body}'` : `'${body}'`;
}

/** A text[] literal. */
export function litTextArray(values: readonly string[]): string {
  return values.length === 0 ? 'ARRAY[]::text[]' : `ARRAY[${values.map(quote).join(', ')}]::text[]`;
}

/** `(a, b, c)` from values. */
export function tuple(values: readonly SqlValue[]): string {
  return `(${values.map(lit).join(', ')})`;
}
