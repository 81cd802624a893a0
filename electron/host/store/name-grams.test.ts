import { describe, expect, it } from 'vitest';
import { bigrams } from '../../../shared/domain/bigrams';
import { caseNameTokens, gramMatch, gramToken, gramTokens } from './name-grams';

describe('name-grams', () => {
  it('writes each piece as one token of hex code points, punctuation and astral characters included', () => {
    expect(gramToken('白超')).toBe('00767d008d85');
    expect(gramToken('州(')).toBe('005dde000028');
    expect(gramToken('𠮷野')).toBe('020bb70091ce');
    expect(gramTokens(bigrams('泰州(顺和)'))).toBe('006cf0005dde 005dde000028 00002800987a 00987a00548c 00548c000029');
  });

  it('gives different pieces different tokens and a quoted MATCH phrase', () => {
    const pieces = ['白超', '超成', 'ab', 'AB'.toLowerCase(), '·张', '张·'];
    expect(new Set(pieces.map(gramToken)).size).toBe(5);
    expect(gramMatch('超成')).toBe('"008d85006210"');
  });

  it('indexes a case under the pieces of both names, each once', () => {
    expect(caseNameTokens('白超成', '白超')).toBe(gramTokens(['白超', '超成']));
    expect(caseNameTokens('泰州顺和纺织有限公司', '白超成').split(' ')).toHaveLength(9 + 2);
  });
});
