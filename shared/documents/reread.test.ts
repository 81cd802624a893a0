import { describe, expect, it } from 'vitest';
import type { ExtractedField } from './extract';
import { fieldDef } from './fields';
import { bestReading, pickReading, plausibleReread, rereadPlanFor } from './reread';

const def = (kind: 'id_card_front' | 'business_licence', key: string) => fieldDef(kind, key)!;
const first = (over: Partial<ExtractedField>): ExtractedField => ({
  key: 'x',
  raw: '',
  value: '',
  confidence: 90,
  problems: [],
  page: 0,
  bbox: { x0: 0, y0: 0, x1: 100, y1: 30 },
  source: 'ocr',
  ...over,
});

describe('rereadPlanFor', () => {
  it('reads identity numbers and names a second time always, other fields only when doubtful', () => {
    expect(rereadPlanFor(def('id_card_front', 'idNumber'), first({}), 80)!.mode).toBe('id-number');
    expect(rereadPlanFor(def('business_licence', 'creditCode'), first({}), 80)!.mode).toBe('credit-code');
    expect(rereadPlanFor(def('id_card_front', 'name'), first({}), 80)!.mode).toBe('person-name');
    expect(rereadPlanFor(def('business_licence', 'name'), first({}), 80)!.mode).toBe('chinese-line');
    expect(rereadPlanFor(def('id_card_front', 'birthDate'), first({}), 80)).toBeNull();
    expect(rereadPlanFor(def('id_card_front', 'birthDate'), first({ confidence: 40 }), 80)!.mode).toBe('chinese-line');
    expect(rereadPlanFor(def('business_licence', 'registeredCapital'), first({ problems: ['format'] }), 80)!.mode).toBe('capital-amount');
    expect(rereadPlanFor(def('id_card_front', 'address'), first({ confidence: 10 }), 80)).toBeNull();
  });

  it('cannot crop what was not found', () => {
    expect(rereadPlanFor(def('id_card_front', 'idNumber'), first({ bbox: null }), 80)).toBeNull();
  });
});

describe('choosing between readings', () => {
  const id = def('id_card_front', 'idNumber');
  it('prefers a reading that passes its check digit, then the surer one', () => {
    expect(bestReading(id, [{ text: '11010519491231002X', confidence: 70 }, { text: '110105194912310021', confidence: 95 }], '')!.text).toBe('11010519491231002X');
    expect(bestReading(id, [{ text: '11010519491231002X', confidence: 70 }, { text: '11010519491231002X', confidence: 90 }], '')!.confidence).toBe(90);
    expect(bestReading(id, [], '')).toBeNull();
  });

  it('keeps a name reading only if it looks like a name and stays close to the first reading', () => {
    const name = def('id_card_front', 'name');
    expect(plausibleReread(name, '汪龙全', '汪龙倩')).toBe(true);
    expect(plausibleReread(name, '郭华', '加')).toBe(false); // one character is no name
    expect(plausibleReread(name, '马娜英', 'DT有限')).toBe(false);
    const org = def('business_licence', 'name');
    expect(plausibleReread(org, '镇江兴源纺织有限公司', 'DT有限人本')).toBe(false);
    expect(plausibleReread(org, '常州奏远餐饮管理有限公司', '常州鑫远餐饮管理有限公司')).toBe(true);
  });

  it('lets a valid second reading of an ID number replace an invalid first one', () => {
    const picked = pickReading(id, first({ value: '110105194912310021', problems: ['check_digit'] }), { text: '11010519491231002X', confidence: 88 });
    expect(picked).toMatchObject({ value: '11010519491231002X', problems: [], source: 'reread', confidence: 88 });
  });

  it('keeps a valid first reading against an invalid second one', () => {
    const picked = pickReading(id, first({ value: '11010519491231002X' }), { text: '1101051949123100', confidence: 99 });
    expect(picked.value).toBe('11010519491231002X');
    expect(picked.source).toBe('ocr');
  });

  it('raises the confidence when both readings agree', () => {
    const picked = pickReading(def('id_card_front', 'name'), first({ value: '张伟明', confidence: 60 }), { text: '张 伟 明', confidence: 93 });
    expect(picked).toMatchObject({ value: '张伟明', confidence: 93, source: 'ocr' });
  });
});
