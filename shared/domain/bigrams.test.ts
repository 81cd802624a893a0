import { describe, expect, it } from 'vitest';
import { bigrams } from './bigrams';

describe('bigrams', () => {
  it('splits a Chinese name into its two-character pieces', () => {
    expect(bigrams('王小芳')).toEqual(['王小', '小芳']);
  });
  it('has no piece for a single character and drops spaces and repeats', () => {
    expect(bigrams('王')).toEqual([]);
    expect(bigrams('哈 哈哈')).toEqual(['哈哈']);
  });
  it('lower-cases Latin letters and keeps astral characters whole', () => {
    expect(bigrams('AB')).toEqual(['ab']);
    expect(bigrams('𠮷野')).toEqual(['𠮷野']);
  });
});
