import { describe, expect, it } from 'vitest';
import { parsePercent, signedBp, valueText, type ValueText } from './screening-format';

const zh: ValueText = { pick: (l) => l.zh, yes: '是', no: '否', unknown: '未知', months: (n) => `${n} 个月`, years: (n) => `${n} 年` };

describe('screening values as people read them', () => {
  it.each([
    [400_000_00, 'fen', 'x', '¥400,000.00'],
    [7_000, 'bp', 'x', '70.00%'],
    [80_000, 'multiple', 'x', '8×'],
    [36, 'months', 'x', '36 个月'],
    [true, 'flag', 'x', '是'],
    [null, 'flag', 'x', '未知'],
    ['tax_loan', 'text', 'product.code', '云税贷'],
    ['commercial', 'text', 'collateral.kind', '商铺'],
    ['local_industrial', 'text', 'collateral.class', '本地工业厂房'],
  ] as const)('%s (%s) → %s', (value, unit, key, text) => {
    expect(valueText(value, unit, key, zh)).toBe(text);
  });

  it('names a class, an open-ended licence and an older estimate’s two-language class in English', () => {
    const en: ValueText = { ...zh, pick: (l) => l.en };
    expect(valueText('residential', 'text', 'collateral.class', en)).toBe('Residential');
    expect(valueText('住宅 / Residential', 'text', 'class', en)).toBe('Residential');
    expect(valueText('住宅 / Residential', 'text', 'class', zh)).toBe('住宅');
    expect(valueText('长期', 'text', 'licence.validUntil', en)).toBe('No expiry');
    expect(valueText('2030-01-01', 'text', 'licence.validUntil', en)).toBe('2030-01-01');
  });

  it('parses a typed rate into basis points without floats', () => {
    expect(['4.35', '4.3', '4', ' 7.39% ', '0.05'].map(parsePercent)).toEqual([435, 430, 400, 739, 5]);
    expect(['4.355', '-1', 'abc', '', '100'].map(parsePercent)).toEqual([null, null, null, null, null]);
    expect([signedBp(-30), signedBp(250), signedBp(300, true)]).toEqual(['−0.30%', '+2.50%', '3.00%']);
  });
});
