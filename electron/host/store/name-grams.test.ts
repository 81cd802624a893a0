import { describe, expect, it } from 'vitest';
import { bigrams } from '../../../shared/domain/bigrams';
import { caseNameTokens, gramMatch, gramToken, gramTokens } from './name-grams';

describe('name-grams', () => {
  it('writes each piece as one token of hex UTF-16 code units, punctuation and astral characters included', () => {
    expect(gramToken('白超')).toBe('767d8d85');
    expect(gramToken('州(')).toBe('5dde0028');
    expect(gramToken('𠮷野')).toBe('d842dfb791ce');
    expect(gramTokens(bigrams('泰州(顺和)'))).toBe('6cf05dde 5dde0028 0028987a 987a548c 548c0029');
  });

  it('gives different pieces different tokens and a quoted MATCH phrase', () => {
    const pieces = ['白超', '超成', 'ab', 'AB'.toLowerCase(), '·张', '张·'];
    expect(new Set(pieces.map(gramToken)).size).toBe(5);
    expect(gramMatch('超成')).toBe('"8d856210"');
  });

  it('indexes a case under the pieces of both names, each once', () => {
    expect(caseNameTokens('白超成', '白超')).toBe(gramTokens(['白超', '超成']));
    expect(caseNameTokens('泰州顺和纺织有限公司', '白超成').split(' ')).toHaveLength(9 + 2);
  });
});
