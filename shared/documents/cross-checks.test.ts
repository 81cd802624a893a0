import { describe, expect, it } from 'vitest';
import type { ApplicationData } from '../domain/case';
import { makeCreditCode, makeIdNumber } from '../validators/generate';
import { branchCity, crossCheck, type CheckedDocument, type CheckResult, type CrossCheckId } from './cross-checks';
import type { DocumentKind } from './kinds';

const TODAY = '2026-11-24';
const ID = makeIdNumber('320102', '1985-06-15', 247);
const CODE = makeCreditCode('91', '320102', 'MA1XYK123');

const APP: ApplicationData = {
  appNo: 'CF20261124000001',
  productCode: 'tax_loan', // minimum 24 months in business
  segment: 'micro_enterprise',
  amountFen: 50_000_000,
  termMonths: 12,
  purpose: '补充流动资金',
  branchCode: '3201001',
  branchName: '南京分行营业部',
  priority: 0,
  applicant: { name: '张伟明', idNumber: ID, gender: 'M', birthDate: '1985-06-15', phone: '13800000000', address: '江苏省南京市玄武区中山路128号' },
  enterprise: {
    name: '南京恒达五金制品有限公司',
    creditCode: CODE,
    legalRepresentative: '张伟明',
    registeredCapitalFen: 100_000_000,
    establishedOn: '2015-03-12',
    address: '江苏省南京市玄武区中山路128号',
    industry: '金属制品业',
  },
};

type Fields = Record<string, string | { value: string; confidence?: number; status?: 'recognised' | 'confirmed' | 'corrected' }>;
let n = 0;
function doc(kind: DocumentKind, fields: Fields): CheckedDocument {
  return {
    id: `d-${++n}`,
    kind,
    fields: Object.entries(fields).map(([key, v]) => {
      const f = typeof v === 'string' ? { value: v } : v;
      return { key, value: f.value, confidence: f.confidence ?? 95, status: f.status ?? 'recognised' };
    }),
  };
}

const idFront = (over: Fields = {}) => doc('id_card_front', { name: '张伟明', idNumber: ID, address: APP.applicant.address, ...over });
const idBack = (validity = '2016-05-10/2036-05-10') => doc('id_card_back', { authority: '南京市公安局', validity });
const licence = (over: Fields = {}) =>
  doc('business_licence', {
    creditCode: CODE,
    name: APP.enterprise!.name,
    legalRepresentative: '张伟明',
    establishedOn: '2015-03-12',
    term: '2015-03-12/长期',
    address: '江苏省南京市玄武区中山路128号',
    ...over,
  });
const ALL_GOOD = () => [idFront(), idBack(), licence()];

function check(id: CrossCheckId, documents: CheckedDocument[], application: ApplicationData = APP): CheckResult {
  const r = crossCheck({ application, documents, today: TODAY }).find((c) => c.id === id);
  if (!r) throw new Error(`no ${id} result`);
  return r;
}

describe('crossCheck: everything agrees', () => {
  it('passes every check with its evidence', () => {
    const results = crossCheck({ application: APP, documents: ALL_GOOD(), today: TODAY });
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['applicant_name', 'pass'],
      ['applicant_id_number', 'pass'],
      ['id_card_expired', 'pass'],
      ['enterprise_name', 'pass'],
      ['credit_code', 'pass'],
      ['legal_representative', 'pass'],
      ['licence_expired', 'pass'],
      ['business_age', 'pass'],
      ['address_local', 'pass'],
    ]);
    expect(results[0]!.evidence).toEqual([{ documentId: expect.stringMatching(/^d-/), field: 'name', ocrValue: '张伟明', applicationValue: '张伟明', confidence: 95 }]);
  });

  it('skips the enterprise checks for an applicant without an enterprise', () => {
    const ids = crossCheck({ application: { ...APP, enterprise: null }, documents: [idFront(), idBack()], today: TODAY }).map((r) => r.id);
    expect(ids).toEqual(['applicant_name', 'applicant_id_number', 'id_card_expired', 'address_local']);
  });
});

describe('crossCheck: applicant name', () => {
  it('warns when no ID card has been read', () => expect(check('applicant_name', [licence()]).status).toBe('warn'));
  it('warns about one differing character in an unsure, unreviewed reading', () =>
    expect(check('applicant_name', [idFront({ name: { value: '张伟朋', confidence: 60 } })]).status).toBe('warn'));
  it('fails a different name', () => expect(check('applicant_name', [idFront({ name: '李伟明' })]).status).toBe('fail'));
  it('fails one differing character once a clerk has confirmed it', () =>
    expect(check('applicant_name', [idFront({ name: { value: '张伟朋', confidence: 60, status: 'confirmed' } })]).status).toBe('fail'));
  it('uses the clerk’s correction', () =>
    expect(check('applicant_name', [idFront({ name: { value: '张伟明', confidence: 40, status: 'corrected' } })]).status).toBe('pass'));
});

describe('crossCheck: applicant ID number', () => {
  it('warns when missing', () => expect(check('applicant_id_number', [idBack()]).status).toBe('warn'));
  it('warns when the reading fails its check digit (probably misread)', () =>
    expect(check('applicant_id_number', [idFront({ idNumber: ID.slice(0, 16) + ((Number(ID[16]) + 1) % 10) + ID[17] })]).status).toBe('warn'));
  it('fails another valid number', () => expect(check('applicant_id_number', [idFront({ idNumber: makeIdNumber('320102', '1985-06-15', 249) })]).status).toBe('fail'));
  it('fails a number that matches an application which is itself invalid', () => {
    const bad = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    expect(check('applicant_id_number', [idFront({ idNumber: bad })], { ...APP, applicant: { ...APP.applicant, idNumber: bad } }).status).toBe('fail');
  });
});

describe('crossCheck: ID card validity', () => {
  it('warns when the back is missing or unreadable', () => {
    expect(check('id_card_expired', [idFront()]).status).toBe('warn');
    expect(check('id_card_expired', [idBack('2016-05-10')]).status).toBe('warn');
  });
  it('warns when it expires within 90 days', () => expect(check('id_card_expired', [idBack('2006-12-31/2026-12-31')]).status).toBe('warn'));
  it('passes 长期', () => expect(check('id_card_expired', [idBack('2010-01-01/长期')]).status).toBe('pass'));
  it('fails an expired card', () => expect(check('id_card_expired', [idBack('2006-05-10/2016-05-10')]).status).toBe('fail'));
  it('fails a card not yet valid', () => expect(check('id_card_expired', [idBack('2027-01-01/2047-01-01')]).status).toBe('fail'));
});

describe('crossCheck: enterprise name, credit code, legal representative', () => {
  it('warns when no licence has been read', () => {
    for (const id of ['enterprise_name', 'credit_code', 'legal_representative'] as const) expect(check(id, [idFront()]).status).toBe('warn');
  });
  it('fails a different enterprise name', () => expect(check('enterprise_name', [licence({ name: '南京恒达五金贸易有限公司' })]).status).toBe('fail'));
  it('fails a different valid credit code', () =>
    expect(check('credit_code', [licence({ creditCode: makeCreditCode('91', '320102', 'MA1XYK124') })]).status).toBe('fail'));
  it('warns about a recognised code that fails its check character', () =>
    expect(check('credit_code', [licence({ creditCode: CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0') })]).status).toBe('warn'));
  it('warns (for a person to look at) when the application and licence agree on a code failing GB 32100', () => {
    const early = CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0');
    const r = check('credit_code', [licence({ creditCode: early })], { ...APP, enterprise: { ...APP.enterprise!, creditCode: early } });
    expect(r.status).toBe('warn');
    expect(r.zh).toContain('早期');
  });
  it('fails a legal representative who is not the applicant', () =>
    expect(check('legal_representative', [licence({ legalRepresentative: '王芳' })]).status).toBe('fail'));
});

describe('crossCheck: licence term and business age', () => {
  it('fails an expired licence', () => expect(check('licence_expired', [licence({ term: '2005-01-01/2025-12-31' })]).status).toBe('fail'));
  it('warns when the licence expires soon', () => expect(check('licence_expired', [licence({ term: '2006-12-01/2026-12-31' })]).status).toBe('warn'));
  it('warns when the term cannot be read', () => expect(check('licence_expired', [licence({ term: '营业期限' })]).status).toBe('warn'));
  it('fails a business younger than the product minimum', () => {
    const r = check('business_age', [licence({ establishedOn: '2025-06-01' })]);
    expect(r.status).toBe('fail');
    expect(r.zh).toContain('24');
  });
  it('warns when the date of establishment is missing', () => expect(check('business_age', [licence({ establishedOn: '' })]).status).toBe('warn'));
});

describe('crossCheck: address local or not', () => {
  it('passes an address in the branch city', () => expect(check('address_local', ALL_GOOD()).status).toBe('pass'));
  it('warns about another city of the province', () => {
    const r = check('address_local', [licence({ address: '江苏省苏州市姑苏区人民路1号' })]);
    expect(r.status).toBe('warn');
    expect(r.zh).toContain('省内');
  });
  it('warns about another province', () => {
    const r = check('address_local', [idFront({ address: '安徽省合肥市蜀山区人民路1号' })], { ...APP, enterprise: null });
    expect(r.status).toBe('warn');
    expect(r.zh).toContain('安徽');
  });
  it('warns when no address was read', () => expect(check('address_local', [idBack()]).status).toBe('warn'));
  it('takes the branch city from its name', () => expect(branchCity('丹阳支行')).toBe('丹阳'));
});
