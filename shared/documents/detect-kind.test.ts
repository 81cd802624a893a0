import { describe, expect, it } from 'vitest';
import { detectKind } from './detect-kind';

describe('detectKind', () => {
  it.each([
    ['姓名 张伟明\n性别 男 民族 汉\n出生 1985年6月15日\n住址 江苏省南京市\n公民身份号码 32010619850615247X', 'id_card_front'],
    ['中华人民共和国\n居民身份证\n签发机关 南京市公安局\n有效期限 2016.05.10-2036.05.10', 'id_card_back'],
    ['营业执照\n统一社会信用代码 91320102MA1XYK1234\n名 称 南京恒达五金制品有限公司\n法定代表人 张伟明', 'business_licence'],
    ['苏(2019)南京市不动产权第0012345号\n权利人 张伟明\n共有情况 单独所有\n坐落 南京市', 'property_certificate'],
    ['中华人民共和国\n税收完税证明\n纳税人识别号 913201\n纳税人名称 南京恒达', 'tax_certificate'],
    ['个人账户交易明细对账单\n交易日期 摘要 交易金额 余额', 'bank_statement'],
    ['江苏增值税专用发票\n发票代码 032001 发票号码 12345678\n价税合计', 'invoice'],
  ])('recognises %#', (text, kind) => {
    expect(detectKind(text).kind).toBe(kind);
  });

  it('tolerates one misread character in a long keyword', () => {
    expect(detectKind('公民身份号玛 32010619850615247X\n住址 南京\n民族 汉').kind).toBe('id_card_front');
  });

  it('says other when nothing speaks for a kind', () => {
    expect(detectKind('会议纪要\n今天天气很好')).toEqual({ kind: 'other', score: 0 });
    expect(detectKind('')).toEqual({ kind: 'other', score: 0 });
  });
});

describe('detectKind with most labels misread', () => {
  it('still knows an ID card front by a valid ID number', () => {
    expect(detectKind('闪名。 石华\n出生 2001年9月22日\n住址 江苏省扬州市\n公民身份纪蚂”321002200109228709').kind).toBe('id_card_front');
  });
});
