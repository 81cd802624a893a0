import { describe, expect, it } from 'vitest';
import guaranteeJson from '../../resources/templates/guarantee.json';
import loanJson from '../../resources/templates/loan.json';
import mortgageJson from '../../resources/templates/mortgage.json';
import type { AppError } from '../errors';
import { SAMPLE_COLLATERAL as COLLATERAL, SAMPLE_GUARANTOR as GUARANTOR, sampleApprovedCase as approvedCase } from './sample-case';
import { composeContract, type ComposedBlock, type TemplateSet } from './compose-contract';
import { contractInputFromCase, type ContractInput } from './contract-input';
import { approvedDecision, canonicalJson } from './decision-data';
import { checkTemplate, TemplateBody, type ContractTemplate } from './template-model';

const SHA = 'ab'.repeat(32);
const NO = '3201001-2026-JK000001';
const shipped = (json: unknown): ContractTemplate => ({ ...TemplateBody.parse(json), version: 1 });
const TEMPLATES: TemplateSet = { loan: shipped(loanJson), guarantee: shipped(guaranteeJson), mortgage: shipped(mortgageJson) };

function inputFor(c = approvedCase()): ContractInput {
  const d = approvedDecision(c);
  if (!d.ok) throw new Error(d.error.messageEn);
  return contractInputFromCase(c, d.value, { bankName: '信贷工厂示范银行股份有限公司', decisionSha256: SHA });
}

function allText(blocks: ComposedBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'paragraph':
          return b.text;
        case 'clauses':
          return b.items.join('\n');
        case 'fields':
          return b.rows.map((r) => `${r.label}：${r.value}`).join('\n');
        case 'signatures':
          return b.parties.map((p) => [p.title, ...p.lines].join('\n')).join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

function problemsOf(error: AppError): string[] {
  return (error.details?.problems as { field: string }[]).map((p) => p.field);
}

describe('composing the contract set from an approved case', () => {
  it('ships templates that pass the template check', () => {
    for (const t of Object.values(TEMPLATES)) expect(checkTemplate(t), t.docType).toEqual([]);
  });

  it('prints the approved terms, not the amount applied for, with capitals and the full schedule', () => {
    const c = approvedCase({ amountFen: 120_000_000 });
    const r = composeContract(inputFor(c), NO, TEMPLATES);
    if (!r.ok) throw new Error(r.error.messageEn);
    expect(r.value.documents.map((d) => d.docType)).toEqual(['loan']);
    const loan = r.value.documents[0]!;
    expect(loan.documentNo).toBe(NO);
    const text = allText(loan.sections.flatMap((s) => s.blocks));
    expect(text).toContain('借款金额（大写）：人民币壹佰万元整');
    expect(text).toContain('借款金额（小写）：¥1,000,000.00');
    expect(text).toContain('年利率为4.90%');
    expect(text).toContain('借款期限为360个月');
    expect(text).toContain('每期偿还本息5,307.27元');
    expect(text).toContain('借款人（乙方）：王建国');
    expect(text).toContain('居民身份证：320102198503150019');
    expect(text).not.toContain('{{');
    expect(r.value.schedule.rows).toHaveLength(360);
    expect(loan.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'schedule')).toHaveLength(1);
  });

  it('makes the enterprise the borrower of a 小微企业 loan, with its legal representative', () => {
    const r = composeContract(inputFor(approvedCase({ segment: 'micro_enterprise' })), NO, TEMPLATES);
    if (!r.ok) throw new Error(r.error.messageEn);
    const text = allText(r.value.documents[0]!.sections.flatMap((s) => s.blocks));
    expect(text).toContain('借款人（乙方）：南京恒达五金制品有限公司');
    expect(text).toContain('统一社会信用代码：91320102MA1X8Y2K35');
    expect(text).toContain('法定代表人：王建国');
  });

  it('names a missing template by its contract, in both languages', () => {
    const c = approvedCase({ productCode: 'mortgage_fast', guarantor: GUARANTOR, collateral: COLLATERAL });
    const r = composeContract(inputFor(c), NO, { loan: TEMPLATES.loan, guarantee: TEMPLATES.guarantee });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', message: '缺少抵押合同模板', messageEn: 'No template for the mortgage contract' } });
  });

  it('adds a 保证合同 when there is a guarantor and a 抵押合同 for 抵押快贷', () => {
    const c = approvedCase({ productCode: 'mortgage_fast', guarantor: GUARANTOR, collateral: COLLATERAL });
    const r = composeContract(inputFor(c), NO, TEMPLATES);
    if (!r.ok) throw new Error(r.error.messageEn);
    expect(r.value.documents.map((d) => [d.docType, d.documentNo])).toEqual([
      ['loan', NO],
      ['guarantee', `${NO}-BZ`],
      ['mortgage', `${NO}-DY`],
    ]);
    const [loan, guarantee, mortgage] = r.value.documents.map((d) => allText(d.sections.flatMap((s) => s.blocks)));
    expect(loan).toContain(`由刘德明提供连带责任保证（保证合同编号：${NO}-BZ）`);
    expect(guarantee).toContain('保证人（乙方）：刘德明');
    expect(guarantee).toContain(`编号为${NO}的《流动资金借款合同》`);
    expect(mortgage).toContain('不动产权证书号：苏(2021)南京市不动产权第0123456号');
    expect(mortgage).toContain('评估价值（大写）：人民币叁佰贰拾万元整');
  });

  it('refuses an amount of 0 or less, a term of 0 and a missing party, naming each problem', () => {
    const base = inputFor();
    const refuse = (input: ContractInput) => {
      const r = composeContract(input, NO, TEMPLATES);
      if (r.ok) throw new Error('expected a refusal');
      expect(r.error.code).toBe('validation');
      expect(r.error.message).toMatch(/^无法生成合同：/);
      expect(r.error.messageEn).toMatch(/^Cannot generate the contract: /);
      return problemsOf(r.error);
    };
    expect(refuse({ ...base, terms: { ...base.terms, amountFen: 0 } })).toEqual(['amountFen']);
    expect(refuse({ ...base, terms: { ...base.terms, amountFen: -100 } })).toEqual(['amountFen']);
    expect(refuse({ ...base, terms: { ...base.terms, termMonths: 0 } })).toEqual(['termMonths']);
    expect(refuse({ ...base, borrower: null })).toEqual(['borrower']);
    expect(refuse({ ...base, borrower: { ...base.borrower!, name: '  ' } })).toEqual(['borrower']);
    expect(refuse({ ...base, lenderName: '' })).toEqual(['lender']);
    expect(refuse({ ...base, guarantor: { ...base.borrower!, idNumber: '' } })).toEqual(['guarantor']);
    expect(refuse({ ...base, productCode: 'mortgage_fast', collateral: null })).toEqual(['collateral']);
    expect(refuse({ ...base, terms: { ...base.terms, amountFen: 0, termMonths: 0 }, borrower: null })).toEqual(['amountFen', 'termMonths', 'borrower']);
  });

  it('refuses a template version whose placeholders cannot all be filled', () => {
    const broken: ContractTemplate = { ...TEMPLATES.loan!, sections: [...TEMPLATES.loan!.sections, { blocks: [{ kind: 'paragraph', text: '{{guarantor.name}}' }] }] };
    const r = composeContract(inputFor(), NO, { ...TEMPLATES, loan: broken });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.missing).toEqual(['loan: {{guarantor.name}}']);
  });

  it('hashes the same decision to the same canonical JSON whatever the key order', () => {
    const d = approvedDecision(approvedCase());
    if (!d.ok) throw new Error('no decision');
    const reordered = Object.fromEntries(Object.entries(d.value).reverse());
    expect(canonicalJson(reordered)).toBe(canonicalJson(d.value));
    expect(canonicalJson(d.value)).toBe(
      '{"amountFen":100000000,"appNo":"CF20261120000042","caseId":"c-cf20261120000042","confirmations":[{"at":"2026-11-23T05:00:00.000Z","by":"u-officer-2"}],' +
        '"decision":"approve","productCode":"credit_fast","proposedAt":"2026-11-23T03:00:00.000Z","proposedBy":"u-officer-1","rateBp":490,"repaymentMethod":"equal_installment","termMonths":360}',
    );
  });

  it('prints the conditions of the approval and insists on the guarantor a guarantee decision needs', () => {
    const c = approvedCase({}, { guaranteeType: 'guarantee', conditions: '放款前须完成营业执照年检' });
    const r = composeContract(inputFor(c), NO, TEMPLATES);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(problemsOf(r.error)).toEqual(['guarantor']);
    const withGuarantor = composeContract(inputFor(approvedCase({ guarantor: GUARANTOR }, { guaranteeType: 'guarantee', conditions: '放款前须完成营业执照年检' })), NO, TEMPLATES);
    if (!withGuarantor.ok) throw new Error(withGuarantor.error.messageEn);
    expect(allText(withGuarantor.value.documents[0]!.sections.flatMap((s) => s.blocks))).toContain('审批附加条件：放款前须完成营业执照年检');
  });

  it('refuses to take a declined case for a decision', () => {
    const r = approvedDecision(approvedCase({}, { decision: 'decline', amountFen: undefined }));
    expect(r.ok).toBe(false);
  });
});
