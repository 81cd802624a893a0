import { describe, expect, it } from 'vitest';
import { unstorableTextAt } from './storable-text';

describe('unstorableTextAt: text no store keeps as written', () => {
  it('finds a NUL and a lone half of a surrogate pair, wherever they stand, and names the field', () => {
    expect(unstorableTextAt({ comment: 'ok\u0000' })).toBe('comment');
    expect(unstorableTextAt({ reasons: ['fine', 'bad \ud800 here'] })).toBe('reasons.1');
    expect(unstorableTextAt({ a: { b: 'x\udc00' } })).toBe('a.b');
    expect(unstorableTextAt({ ['k\u0000']: 'v' })).toBe('k\u0000');
    expect(unstorableTextAt('\ud83d')).toBe('(root)');
  });

  it('lets through every text a person can type: Chinese, emoji (a whole pair), and a literal backslash-u0000', () => {
    expect(unstorableTextAt({ note: '经营流水不足 👍', n: 3, ok: true, none: null, list: ['\\u0000'] })).toBeNull();
    expect(unstorableTextAt(new Uint8Array([0, 0xd8]))).toBeNull();
  });
});
