import { describe, expect, it } from 'vitest';
import { extractFields, type ExtractedField } from './extract';
import { pageOf } from './ocr-page-builder';

const byKey = (fields: ExtractedField[]) => Object.fromEntries(fields.map((f) => [f.key, f]));

describe('extractFields', () => {
  it('reads an ID card front as PSM 6 returns it: quote marks, two fields on one line, an address over two lines', () => {
    const page = pageOf([
      '姓名 ”张伟明',
      '性别 “男            民族 。”汉',
      '出生 ”1985年6月15日',
      '住址 “江苏省南京市玄武区中山路',
      '    128号',
      '公民身份号码       32010619850615247X',
    ]);
    const f = byKey(extractFields('id_card_front', [page], '2026-11-24'));
    expect(f.name!.value).toBe('张伟明');
    expect(f.gender!.value).toBe('男');
    expect(f.ethnicity!.value).toBe('汉');
    expect(f.birthDate!.value).toBe('1985-06-15');
    expect(f.address!.value).toBe('江苏省南京市玄武区中山路128号');
    expect(f.idNumber!).toMatchObject({ value: '32010619850615247X', problems: [] });
    expect(f.idNumber!.bbox).not.toBeNull();
  });

  it('finds labels that were misread: one character at the start of a line, a mark inside a spaced label', () => {
    const page = pageOf(['和名 。 唐俊琳', '类 ”型    有限责任公司', '住汪所    江苏省常州市天宁区中山路272号']);
    expect(byKey(extractFields('id_card_front', [page])).name!.value).toBe('唐俊琳');
    const lic = byKey(extractFields('business_licence', [page]));
    expect(lic.type!.value).toBe('有限责任公司');
    expect(lic.address!.value).toBe('江苏省常州市天宁区中山路272号');
  });

  it('stops a value at a far gap (the photo or a seal read as text)', () => {
    const page = pageOf(['姓名 唐俊琳                        0']);
    expect(byKey(extractFields('id_card_front', [page])).name!.value).toBe('唐俊琳');
  });

  it('reports the lowest word confidence of a value and marks a missing field', () => {
    const page = pageOf(['姓名 张@62 伟明@97']);
    const f = byKey(extractFields('id_card_front', [page]));
    expect(f.name!.confidence).toBe(62);
    expect(f.idNumber!).toMatchObject({ value: '', problems: ['empty'], bbox: null });
  });

  it('finds an ID number by its check digit when its label is unreadable', () => {
    const page = pageOf(['公民身份 码码码 something', '11010519491231002X']);
    expect(byKey(extractFields('id_card_front', [page])).idNumber!.value).toBe('11010519491231002X');
  });

  it('reads a business licence with capital numerals and the term', () => {
    const page = pageOf([
      '营业执照',
      '统一社会信用代码  91310110666007217T',
      '名 称    南京恒达五金制品有限公司',
      '类 型    有限责任公司〈自然人投资或控股)',
      '法定代表人   张伟明',
      '注册资本   壹什万元整',
      '成立日期   2015年03月12日',
      '营业期限   2015年03月12日至长期',
      '住 所    江苏省南京市玄武区中山路128号',
      '经营范围   五金产品销售',
    ]);
    const f = byKey(extractFields('business_licence', [page]));
    expect(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]))).toEqual({
      creditCode: '91310110666007217T',
      name: '南京恒达五金制品有限公司',
      type: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '张伟明',
      registeredCapital: '1000000000',
      establishedOn: '2015-03-12',
      term: '2015-03-12/长期',
      address: '江苏省南京市玄武区中山路128号',
    });
  });

  it('reads a property certificate: the number by its shape, the table by its labels', () => {
    const page = pageOf(['苏 (2020) 常州市不动产权第4371893号', '权利人      熊英', '共有情况  单独所有', '坐落   | 常州市天宁区解放路2号', '用途   商业服务', '面积      213.45平方米']);
    const f = byKey(extractFields('property_certificate', [page]));
    expect(f.certNo!.value).toBe('苏（2020）常州市不动产权第4371893号');
    expect(f.owner!.value).toBe('熊英');
    expect(f.location!.value).toBe('常州市天宁区解放路2号');
    expect(f.use!.value).toBe('商业服务');
    expect(f.area!.value).toBe('213.45');
  });

  it('reads a tax certificate: taxpayer, total from the figure, period from the table', () => {
    const page = pageOf([
      '税收完税证明',
      '纳税人名称  南京恒达五金制品有限公司',
      '增值税  销售货物  2025-01-01至2025-12-31  203,293.05',
      '金额合计  (大写)人民币贰拾玖万零肆佰喜拾拥元陆角哇分  半290,418.64',
    ]);
    const f = byKey(extractFields('tax_certificate', [page]));
    expect(f.taxpayer!.value).toBe('南京恒达五金制品有限公司');
    expect(f.amount!.value).toBe('29041864');
    expect(f.period!.value).toBe('2025-01-01/2025-12-31');
  });

  it('takes each field from the page where it reads best', () => {
    const first = pageOf(['姓名 张@40']);
    const second = pageOf(['姓名 张伟明', '公民身份号码 11010519491231002X']);
    const f = byKey(extractFields('id_card_front', [first, second]));
    expect(f.name!).toMatchObject({ value: '张伟明', page: 1 });
    expect(f.idNumber!.page).toBe(1);
  });

  it('has no fields for kinds that are only classified', () => {
    expect(extractFields('bank_statement', [pageOf(['交易明细'])])).toEqual([]);
  });
});

describe('extractFields: layout fallback', () => {
  it('points at the name line above 性别 when the 姓名 label was not read, so a second reading can look there', () => {
    const page = pageOf(['< 起民', '性别 男   民族 汉', '出生 1985年6月15日']);
    const name = extractFields('id_card_front', [page]).find((f) => f.key === 'name')!;
    expect(name.value).toBe('');
    expect(name.bbox).not.toBeNull();
    expect(name.bbox!.y1).toBeLessThanOrEqual(page.lines[1]!.bbox.y0);
  });
});
