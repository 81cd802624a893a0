import { describe, expect, it } from 'vitest';
import { canonicalFieldValue, canonicalFor, displayFieldValue, displayValueOf, isBlocking, repairCreditCode } from './field-values';
import { fieldDef } from './fields';

describe('canonicalFieldValue', () => {
  it('cleans Chinese text', () => {
    expect(canonicalFieldValue('text', ' 南 京 恒 达 五金制品有限公司 ')).toEqual({ value: '南京恒达五金制品有限公司', problems: [] });
    expect(canonicalFieldValue('text', ' ” ')).toEqual({ value: '', problems: ['empty'] });
  });

  it('reads gender', () => {
    expect(canonicalFieldValue('gender', '“男')).toEqual({ value: '男', problems: [] });
    expect(canonicalFieldValue('gender', '轨').problems).toEqual(['format']);
  });

  it('reads dates and periods', () => {
    expect(canonicalFieldValue('date', '1985年6月15日')).toEqual({ value: '1985-06-15', problems: [] });
    expect(canonicalFieldValue('date', '1985年13月15日').problems).toEqual(['date']);
    expect(canonicalFieldValue('period', '2016.05.10-长期')).toEqual({ value: '2016-05-10/长期', problems: [] });
  });

  it('validates identity numbers with their check digits (birth date against today)', () => {
    expect(canonicalFieldValue('idNumber', '11010519491231002X')).toEqual({ value: '11010519491231002X', problems: [] });
    expect(canonicalFieldValue('idNumber', '110105194912310021').problems).toEqual(['check_digit']);
    expect(canonicalFieldValue('idNumber', '110105202612310025', '2026-11-24').problems).toContain('birth_date');
    expect(canonicalFieldValue('creditCode', '9131011O666OO7217T')).toEqual({ value: '91310110666007217T', problems: [] });
    expect(canonicalFieldValue('creditCode', '91310110666007217U').problems).toEqual(['check_digit']);
  });

  it('reads amounts from capitals or figures, preferring the figure of a tax line', () => {
    expect(canonicalFieldValue('amount', '壹什万元整')).toEqual({ value: '1000000000', problems: [] });
    expect(canonicalFieldValue('amount', '（大写）人民币贰拾玖万零肆佰喜拾拥元陆角哇分290,418.64')).toEqual({ value: '29041864', problems: [] });
    expect(canonicalFieldValue('amount', '不详').problems).toEqual(['format']);
  });

  it('reads areas', () => {
    expect(canonicalFieldValue('area', '196.17平方米')).toEqual({ value: '196.17', problems: [] });
    expect(canonicalFieldValue('area', '89.5㎡')).toEqual({ value: '89.50', problems: [] });
    expect(canonicalFieldValue('area', '19617平广米').problems).toEqual(['format']);
  });
});

describe('isBlocking', () => {
  it('treats a failing credit-code check character as a warning only (GB 32100: some early codes fail it)', () => {
    expect(isBlocking('creditCode', ['check_digit'])).toBe(false);
    expect(isBlocking('idNumber', ['check_digit'])).toBe(true);
    expect(isBlocking('text', [])).toBe(false);
  });
});

describe('displayFieldValue', () => {
  it('shows canonical values the way people read them', () => {
    expect(displayFieldValue('amount', '100000000')).toBe('1,000,000.00 元');
    expect(displayFieldValue('period', '2015-03-12/长期')).toBe('2015-03-12 至 长期');
    expect(displayFieldValue('area', '89.50')).toBe('89.50 ㎡');
    expect(displayFieldValue('text', '张三')).toBe('张三');
  });

  it('reads in English when asked', () => {
    expect(displayFieldValue('amount', '100000000', true)).toBe('¥1,000,000.00');
    expect(displayFieldValue('period', '2015-03-12/长期', true)).toBe('2015-03-12 – no expiry');
    expect(displayFieldValue('period', '2015-03-12/2035-03-12', true)).toBe('2015-03-12 – 2035-03-12');
    expect(displayFieldValue('text', '张三', true)).toBe('张三');
    expect(displayValueOf('business_licence', 'registeredCapital', '100000000', true)).toBe('¥1,000,000.00');
    expect(displayValueOf('business_licence', 'noSuchField', '100000000', true)).toBe('100000000');
  });
});

describe('canonicalFor: what a field means adds to its type', () => {
  const def = (kind: 'id_card_front' | 'property_certificate' | 'business_licence', key: string) => fieldDef(kind, key)!;
  it('keeps only a known ethnic group', () => {
    expect(canonicalFor(def('id_card_front', 'ethnicity'), '汉（9')).toEqual({ value: '汉', problems: [] });
    expect(canonicalFor(def('id_card_front', 'ethnicity'), '土家族')).toEqual({ value: '土家', problems: [] });
    expect(canonicalFor(def('id_card_front', 'ethnicity'), '人').problems).toEqual(['format']);
  });
  it('drops marks read before a name', () => {
    expect(canonicalFor(def('business_licence', 'name'), '1南京瑞和汽车配件有限公司').value).toBe('南京瑞和汽车配件有限公司');
  });
  it('drops a surname read twice, but keeps a doubled given name', () => {
    expect(canonicalFor(def('id_card_front', 'name'), '孟孟健涛').value).toBe('孟健涛');
    expect(canonicalFor(def('id_card_front', 'name'), '李丽丽').value).toBe('李丽丽');
    expect(canonicalFor(def('business_licence', 'name'), '常常州市建材有限公司').value).toBe('常常州市建材有限公司');
  });
  it('reads a certificate number’s province abbreviation', () => {
    expect(canonicalFor(def('property_certificate', 'certNo'), '院(2021)合肥市不动产权第4036845号').value).toBe('皖（2021）合肥市不动产权第4036845号');
    expect(canonicalFor(def('property_certificate', 'certNo'), '某(2021)合肥市不动产权第4036845号').problems).toEqual(['format']);
  });
  it('repairs a credit code whose check fails by one confusable character, only when the repair is unique', () => {
    expect(canonicalFor(def('business_licence', 'creditCode'), '9132118178F4UAKGER')).toEqual({ value: '9132118178F4UAK6ER', problems: [] });
    expect(repairCreditCode('91310110666007217U')).toBeNull();
  });
  it('finds the number inside a longer reading', () => {
    expect(canonicalFor(def('business_licence', 'creditCode'), '391321002W9JL7EYHN8').value).toBe('91321002W9JL7EYHN8');
  });
});
