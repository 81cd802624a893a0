import { describe, expect, it } from 'vitest';
import type { ExtractedField } from './extract';
import { fieldDef } from './fields';
import { bestReading, characterVote, commonSurnameAlternative, hasRareSurname, pickReading, plausibleReread, replacementName, rereadPlanFor } from './reread';

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

describe('characterVote', () => {
  it('outvotes a character misread at one size', () => {
    expect(characterVote([{ text: '南京辉丰建村有限公司', confidence: 90 }, { text: '南京辉丰建材有限公司', confidence: 80 }, { text: '南京辉丰建材有限公司', confidence: 70 }])!.text).toBe('南京辉丰建材有限公司');
  });
  it('needs three readings of one length', () => {
    expect(characterVote([{ text: '建材', confidence: 90 }, { text: '建村', confidence: 80 }, { text: '建材公司', confidence: 99 }])).toBeNull();
  });
  it('decides an organisation name by the vote when the readings agree on its length', () => {
    const org = def('business_licence', 'name');
    const r = bestReading(org, [{ text: '南京辉丰建村有限公司', confidence: 95 }, { text: '南京辉丰建材有限公司', confidence: 80 }, { text: '南京理丰建材有限公司', confidence: 85 }, { text: '南京辉丰建材有限公司', confidence: 60 }], '南京辉丰建村有限公司');
    expect(r).toEqual({ text: '南京辉丰建材有限公司', confidence: 80 });
  });
});

describe('replacementName', () => {
  const name = def('id_card_front', 'name');
  it('keeps a plausible page reading unless two second readings agree on another name', () => {
    const f = first({ value: '邵霞昌' });
    expect(replacementName(name, f, [{ text: '邵霞晶', confidence: 90 }, { text: '邵昌晶', confidence: 95 }])).toBeNull();
    expect(replacementName(name, f, [{ text: '邵霞晶', confidence: 80 }, { text: '邵霞晶', confidence: 85 }, { text: '邵霞昌', confidence: 99 }])).toEqual({ text: '邵霞晶', confidence: 85 });
    // 暇 is no name character: the page reading 邵暇昌 is not a plausible name, the surest second reading wins.
    expect(replacementName(name, first({ value: '邵暇昌' }), [{ text: '邵霞晶', confidence: 90 }])).toEqual({ text: '邵霞晶', confidence: 90 });
  });
  it('takes the surest plausible second reading when the page read no name', () => {
    expect(replacementName(name, first({ value: '' }), [{ text: '武晨', confidence: 92 }, { text: '', confidence: 0 }, { text: '武晨', confidence: 97 }])).toEqual({ text: '武晨', confidence: 97 });
    expect(replacementName(name, first({ value: '译' }), [{ text: '谭辉静', confidence: 90 }])).toEqual({ text: '谭辉静', confidence: 90 });
  });
});

describe('replacementName: the surname prior', () => {
  const name = def('id_card_front', 'name');
  it('prefers a common surname read once over a rare one with the same given name', () => {
    expect(replacementName(name, first({ value: '印玉红' }), [{ text: '印玉红', confidence: 96 }, { text: '邱玉红', confidence: 70 }])).toEqual({ text: '邱玉红', confidence: 70 });
  });
  it('does not swap the given name on that ground', () => {
    expect(replacementName(name, first({ value: '印玉红' }), [{ text: '邱玉明', confidence: 90 }])).toBeNull();
  });
});

describe('the surname read alone against the common surnames', () => {
  const name = def('id_card_front', 'name');
  it('is tried only for a rare surname, not a common one or a missing one', () => {
    expect(hasRareSurname('印玉红')).toBe(true);
    expect(hasRareSurname('邱玉红')).toBe(false);
    expect(hasRareSurname('晓东')).toBe(false); // 晓 is no surname: the page dropped it
    expect(hasRareSurname('')).toBe(false);
  });
  it('replaces the rare surname when two readings agree and one is fairly sure', () => {
    const f = first({ value: '印玉红' });
    expect(commonSurnameAlternative(name, f, [{ text: '邱玉红', confidence: 59 }, { text: '邱玉红', confidence: 86 }, { text: '玉红', confidence: 0 }])).toEqual({ text: '邱玉红', confidence: 86 });
  });
  it('keeps a true rare surname, which the forced reading reads with almost no confidence', () => {
    expect(commonSurnameAlternative(name, first({ value: '苑明' }), [{ text: '范明', confidence: 0 }, { text: '范明', confidence: 0 }, { text: '明', confidence: 0 }])).toBeNull();
    expect(commonSurnameAlternative(name, first({ value: '印玉红' }), [{ text: '邱玉红', confidence: 80 }, { text: '王玉红', confidence: 70 }])).toBeNull();
  });
});
