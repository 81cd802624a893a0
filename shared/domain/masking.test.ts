import { describe, expect, it } from 'vitest';
import { loggableError, maskIdentifier, maskIdentifiersDeep, maskIdentifiersIn, maskPersonalDataIn, maskPhone } from './masking';

describe('maskIdentifiersIn', () => {
  it('masks identity numbers wherever they stand, the old 15-digit kind too', () => {
    expect(maskIdentifiersIn('320115197104113218_身份证正面.jpg')).toBe('3201**********3218_身份证正面.jpg');
    expect(maskIdentifiersIn('idNumber32011519710411321X failed')).toBe('idNumber3201**********321X failed');
    expect(maskIdentifiersIn('旧证 320115710411321 号')).toBe('旧证 3201*******1321 号');
  });

  it('masks credit codes in either letter case between non-alphanumerics', () => {
    expect(maskIdentifiersIn('91320115PUCNWGL66K营业执照.pdf')).toBe('9132**********L66K营业执照.pdf');
    expect(maskIdentifiersIn('code: 91320115pucnwgl66k.')).toBe('code: 9132**********l66k.');
  });

  it('masks numbers typed in full-width characters, keeping the text as it was written', () => {
    expect(maskIdentifiersIn('３２０１１５１９７１０４１１３２１８_身份证.jpg')).toBe('３２０１**********３２１８_身份证.jpg');
    expect(maskIdentifiersIn('申请人证号３２０１１５１９７１０４１１３２１Ｘ，请核对')).toBe('申请人证号３２０１**********３２１Ｘ，请核对');
    // Mixed widths are one number too, and a full-width credit code is found like a half-width one.
    expect(maskIdentifiersIn('证号32011519710411３２１８。')).toBe('证号3201**********３２１８。');
    expect(maskIdentifiersIn('执照９１３２０１１５ＰＵＣＮＷＧＬ６６Ｋ。')).toBe('执照９１３２**********Ｌ６６Ｋ。');
    expect(maskIdentifiersIn('金额１２３４５元')).toBe('金额１２３４５元');
    // Many numbers in one long text, each masked once.
    const many = Array.from({ length: 500 }, (_, i) => `32011519710411${String(i).padStart(4, '0')}`).join('，');
    expect(maskIdentifiersIn(many)).toBe(Array.from({ length: 500 }, (_, i) => `3201**********${String(i).padStart(4, '0')}`).join('，'));
  });

  it('leaves runs of other lengths alone: phone numbers, amounts, dates, application numbers', () => {
    for (const text of ['18981669785', '2026-12-02 扫描件.png', 'CQ02100000401', '1234567890123456 (16 digits)', '12345678901234567890']) {
      expect(maskIdentifiersIn(text)).toBe(text);
    }
  });
});

describe('loggableError', () => {
  it('masks before it cuts, so a number at the cut is not left half in clear', () => {
    const message = `${'x'.repeat(190)}320115197104113218`;
    const line = loggableError(new TypeError(message));
    expect(line).toBe(`TypeError: ${'x'.repeat(190)}3201******`);
    expect(line).not.toMatch(/\d{5}/);
  });

  it('masks phone numbers too: a database error quoting a row', () => {
    const line = loggableError(new Error('duplicate key (phone)=(13851234567) and (tel)=(025-84561234)'));
    expect(line).toBe('Error: duplicate key (phone)=(138****4567) and (tel)=(025*****1234)');
  });

  it('says what a thrown non-error was without printing an object', () => {
    expect(loggableError({ params: ['320115197104113218'] })).toBe('non-error value');
    expect(loggableError('bad 320115197104113218')).toBe('bad 3201**********3218');
  });

  it('masks as the UI does', () => {
    expect(maskIdentifier('320115197104113218')).toBe('3201**********3218');
  });
});

describe('maskPhone', () => {
  it('keeps the first three and the last four digits of a mobile or a landline with its area code', () => {
    expect(maskPhone('13851234567')).toBe('138****4567');
    expect(maskPhone('025-84561234')).toBe('025*****1234');
  });

  it('keeps only the last two characters of a short number, and nothing of one or two', () => {
    expect(maskPhone('84561234')).toBe('******34');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('')).toBe('');
  });
});

describe('maskPersonalDataIn', () => {
  it('masks mobile and landline numbers beside identifiers, and an identity number as one', () => {
    expect(maskPersonalDataIn('联系 13851234567，座机 0512-68881234')).toBe('联系 138****4567，座机 051******1234');
    expect(maskPersonalDataIn('320115197104113218')).toBe('3201**********3218');
    expect(maskPersonalDataIn('tel:+8613851234567')).toBe('tel:+86138****4567');
  });

  it('masks numbers as people write them: spaced, dashed, with the area code in brackets, in full-width digits', () => {
    expect(maskPersonalDataIn('138 5123 4567')).toBe('138****4567');
    expect(maskPersonalDataIn('138-5123-4567')).toBe('138****4567');
    expect(maskPersonalDataIn('+86 138 5123 4567')).toBe('+86 138****4567');
    expect(maskPersonalDataIn('(025)84561234')).toBe('(02******1234');
    expect(maskPersonalDataIn('025 84561234')).toBe('025*****1234');
    expect(maskPersonalDataIn('0512-6888 1234')).toBe('051*******1234');
    expect(maskPersonalDataIn('电话１３８５１２３４５６７')).toBe('电话138****4567');
  });

  it('leaves other numbers alone: dates, times, amounts, application numbers, epoch milliseconds', () => {
    for (const text of ['2026-12-02 10:30', '¥1,000,000.00', 'CQ02100000401', '1764720000000', 'port 5318', '10000000000', '12345678901', '02584561234']) {
      expect(maskPersonalDataIn(text)).toBe(text);
    }
  });

  it('masks an 11-digit number from 13… whatever it is, an amount in fen too: the safer mistake in a log', () => {
    expect(maskPersonalDataIn('amountFen 15000000000')).toBe('amountFen 150****0000');
  });
});

describe('maskIdentifiersDeep', () => {
  it('masks identifiers in every string of a value people typed, keeping keys, numbers and other text', () => {
    const id = '110101199003074514';
    const out = maskIdentifiersDeep({ reasons: [`证件号${id}有误`, '照片模糊'], note: id, amountFen: 110101199003074, nested: { [id]: null } });
    expect(out).toEqual({ reasons: ['证件号1101**********4514有误', '照片模糊'], note: '1101**********4514', amountFen: 110101199003074, nested: { [id]: null } });
  });
});
