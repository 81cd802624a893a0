import { describe, expect, it } from 'vitest';
import {
  lettersToDigits,
  normaliseBrackets,
  normaliseCapitalNumerals,
  normaliseHouseNumber,
  normaliseCreditCode,
  normaliseIdNumber,
  normaliseText,
  toHalfWidth,
  trimNoise,
} from './normalise';

describe('normalisation of recognised text', () => {
  it('reads （ misread as 〈 or ( as the full-width bracket', () => {
    expect(normaliseBrackets('有限责任公司〈自然人投资或控股)')).toBe('有限责任公司（自然人投资或控股）');
    expect(normaliseBrackets('苏(2019)南京市不动产权第0012345号')).toBe('苏（2019）南京市不动产权第0012345号');
    expect(normaliseBrackets('《自然人独资》')).toBe('（自然人独资）');
  });

  it('reads 仟 misread as 什 (and other look-alikes) only in amounts', () => {
    expect(normaliseCapitalNumerals('壹什万元整')).toBe('壹仟万元整');
    expect(normaliseCapitalNumerals('喜佰万元整')).toBe('壹佰万元整');
    expect(normaliseCapitalNumerals('僚件万元整')).toBe('叁仟万元整');
    expect(normaliseText('什么')).toBe('什么'); // ordinary text keeps its characters
  });

  it('removes the spaces OCR puts between Chinese characters and the marks around a value', () => {
    expect(normaliseText(' ”张 伟 明 ')).toBe('张伟明');
    expect(normaliseText('“江苏省南京市玄武区中山路128号，')).toBe('江苏省南京市玄武区中山路128号');
    expect(trimNoise('。”汉')).toBe('汉');
  });

  it('drops stray Latin letters the card artwork produces between Chinese characters', () => {
    expect(normaliseText('江苏省扬州市广陵区人民路锦绣LE华庭7幢301室')).toBe('江苏省扬州市广陵区人民路锦绣华庭7幢301室');
    expect(normaliseText('ABC贸易有限公司')).toBe('ABC贸易有限公司');
  });

  it('turns full-width digits and letters to half-width', () => {
    expect(toHalfWidth('３２０１０６１９８５０６１５２４７Ｘ')).toBe('32010619850615247X');
  });

  it('reads letters in digit-only places as the digits they resemble', () => {
    expect(lettersToDigits('3201O6I985O6I5247')).toBe('32010619850615247');
    expect(normaliseIdNumber('3201 06198506152 47x')).toBe('32010619850615247X');
    expect(normaliseIdNumber('32O1O6198506152471')).toBe('320106198506152471');
  });

  it('maps letters excluded from GB 32100 and letters in the numeric region part of a credit code', () => {
    expect(normaliseCreditCode('91 3201O2 MA1XYK1234')).toBe('913201O2MA1XYK1234'.replace('O', '0'));
    expect(normaliseCreditCode('9131011O666OO7217T')).toBe('91310110666007217T');
    expect(normaliseCreditCode('91310110666007217t')).toBe('91310110666007217T');
  });
});

describe('normaliseHouseNumber', () => {
  it('mends the 号 of a house number read as a look-alike, and a speck between its digits', () => {
    expect(normaliseHouseNumber('江苏省南京市江宁区新民路333写')).toBe('江苏省南京市江宁区新民路333号');
    expect(normaliseHouseNumber('浙江省杭州市西湖区建设路86扎')).toBe('浙江省杭州市西湖区建设路86号');
    expect(normaliseHouseNumber('江苏省丹阳市云阳街道新民路1和32号')).toBe('江苏省丹阳市云阳街道新民路132号');
  });

  it('leaves addresses without those look-alikes alone', () => {
    for (const a of ['江苏省常州市天宁区华阳路金色家园29幢503室', '江苏省南京市玄武区解放路378', '和平路12号', '江苏省南京市和燕路5号']) expect(normaliseHouseNumber(a)).toBe(a);
  });
});
