import type { CaseRecord, Collateral } from '../domain/case';
import { fail, ok, type Result } from '../errors';
import { PRODUCTS, type ProductCode } from '../products/catalog';
import { MAX_CAPITAL_FEN } from './capital-amount';
import type { ContractDocType } from './contract-number';
import type { DecisionData } from './decision-data';
import { MAX_RATE_BP, MAX_TERM_MONTHS, REPAYMENT_METHODS, type RepaymentMethod } from './repayment-schedule';

/** A party as printed: who signs, and how they are identified. */
export interface Party {
  name: string;
  idLabel: string;
  idNumber: string;
  address: string;
  phone: string;
  /** 法定代表人 of an enterprise party; '' for a person. */
  representative: string;
}

/**
 * Everything a contract prints, gathered from the case and its approved decision before any layout — except the
 * contract number, which is assigned only once the input has passed `checkContractInput`.
 */
export interface ContractInput {
  caseId: string;
  appNo: string;
  productCode: ProductCode;
  purpose: string;
  branchName: string;
  lenderName: string;
  borrower: Party | null;
  guarantor: Party | null;
  collateral: Collateral | null;
  terms: { amountFen: number; termMonths: number; rateBp: number; repaymentMethod: RepaymentMethod };
  /** 担保方式 the approval decided, if it named one; a guarantee or mortgage decided must be printable. */
  guaranteeType: DecisionData['guaranteeType'] | null;
  /** 审批附加条件 ('' when none). */
  conditions: string;
  decisionSha256: string;
}

const PERSON_ID = /^\d{17}[\dX]$/;
export const ID_LABEL_PERSON = '居民身份证';
export const ID_LABEL_ENTERPRISE = '统一社会信用代码';

/** Whether an identifier is a person's identity number or an enterprise's credit code. */
export const idKindOf = (idNumber: string): 'person' | 'enterprise' => (PERSON_ID.test(idNumber) ? 'person' : 'enterprise');

export function idLabelFor(idNumber: string): string {
  return idKindOf(idNumber) === 'person' ? ID_LABEL_PERSON : ID_LABEL_ENTERPRISE;
}

/**
 * The borrower is the enterprise for a 小微企业 loan; for business owners, sole proprietors, farmers and
 * public-sector employees it is the applicant in person (the enterprise is only their business).
 */
export function borrowerOf(c: CaseRecord): Party {
  const d = c.data;
  if (d.segment === 'micro_enterprise' && d.enterprise) {
    const e = d.enterprise;
    return { name: e.name, idLabel: ID_LABEL_ENTERPRISE, idNumber: e.creditCode, address: e.address, phone: d.applicant.phone, representative: e.legalRepresentative };
  }
  const a = d.applicant;
  return { name: a.name, idLabel: ID_LABEL_PERSON, idNumber: a.idNumber, address: a.address, phone: a.phone, representative: '' };
}

export function contractInputFromCase(
  c: CaseRecord,
  decision: DecisionData,
  opts: { bankName: string; decisionSha256: string },
): ContractInput {
  const d = c.data;
  const g = d.guarantor;
  return {
    caseId: c.id,
    appNo: d.appNo,
    productCode: d.productCode,
    purpose: d.purpose,
    branchName: d.branchName,
    lenderName: `${opts.bankName}${d.branchName}`,
    borrower: borrowerOf(c),
    guarantor: g
      ? { name: g.name, idLabel: g.kind === 'enterprise' ? ID_LABEL_ENTERPRISE : ID_LABEL_PERSON, idNumber: g.idNumber, address: g.address, phone: g.phone, representative: '' }
      : null,
    collateral: d.collateral ?? null,
    terms: { amountFen: decision.amountFen, termMonths: decision.termMonths, rateBp: decision.rateBp, repaymentMethod: decision.repaymentMethod },
    guaranteeType: decision.guaranteeType ?? null,
    conditions: decision.conditions ?? '',
    decisionSha256: opts.decisionSha256,
  };
}

/** 借款合同 always; 保证合同 when there is a guarantor (or the decision asks for one); 抵押合同 for 抵押快贷 (or a mortgage decided). */
export function documentsFor(input: Pick<ContractInput, 'guarantor' | 'productCode' | 'guaranteeType'>): ContractDocType[] {
  const docs: ContractDocType[] = ['loan'];
  if (input.guarantor || input.guaranteeType === 'guarantee') docs.push('guarantee');
  if (needsMortgage(input)) docs.push('mortgage');
  return docs;
}

function needsMortgage(input: Pick<ContractInput, 'productCode' | 'guaranteeType'>): boolean {
  return input.productCode === 'mortgage_fast' || input.guaranteeType === 'mortgage';
}

interface Problem {
  field: string;
  zh: string;
  en: string;
}

const blank = (s: string | undefined | null) => !s || s.trim() === '';

function partyProblems(field: string, zh: string, en: string, p: Party | null): Problem[] {
  if (!p || blank(p.name) || blank(p.idNumber)) return [{ field, zh: `缺少${zh}（名称及证件号码）`, en: `The ${en} is missing (name and ID number)` }];
  return [];
}

/**
 * Refuses input no contract may be printed from. Checked before a contract number is assigned or anything is
 * rendered, so a refusal writes nothing. Every problem is listed, in Chinese and English.
 */
export function checkContractInput(input: ContractInput): Result<void> {
  const t = input.terms;
  const problems: Problem[] = [];
  if (!Number.isSafeInteger(t.amountFen) || t.amountFen <= 0) problems.push({ field: 'amountFen', zh: '借款金额必须大于零', en: 'The amount must be greater than zero' });
  else if (t.amountFen > MAX_CAPITAL_FEN) problems.push({ field: 'amountFen', zh: '借款金额超出可打印的范围', en: 'The amount is larger than a contract can print' });
  if (!Number.isInteger(t.termMonths) || t.termMonths < 1 || t.termMonths > MAX_TERM_MONTHS) {
    problems.push({ field: 'termMonths', zh: `借款期限必须为 1 至 ${MAX_TERM_MONTHS} 个月`, en: `The term must be 1 to ${MAX_TERM_MONTHS} months` });
  }
  if (!Number.isInteger(t.rateBp) || t.rateBp < 0 || t.rateBp > MAX_RATE_BP) problems.push({ field: 'rateBp', zh: '年利率不合法', en: 'The interest rate is invalid' });
  if (!REPAYMENT_METHODS.includes(t.repaymentMethod)) problems.push({ field: 'repaymentMethod', zh: '还款方式不合法', en: 'The repayment method is invalid' });
  if (blank(input.lenderName)) problems.push({ field: 'lender', zh: '缺少贷款人', en: 'The lender is missing' });
  problems.push(...partyProblems('borrower', '借款人', 'borrower', input.borrower));
  if (input.guarantor || input.guaranteeType === 'guarantee') problems.push(...partyProblems('guarantor', '保证人', 'guarantor', input.guarantor));
  if (needsMortgage(input)) {
    const c = input.collateral;
    if (!c) problems.push({ field: 'collateral', zh: `抵押担保（${PRODUCTS.mortgage_fast.zh}）缺少抵押物信息`, en: 'A mortgage-backed loan needs its collateral' });
    else {
      if (blank(c.ownerName) || blank(c.ownerIdNumber)) problems.push({ field: 'collateral.owner', zh: '缺少抵押人（名称及证件号码）', en: 'The mortgagor is missing (name and ID number)' });
      if (blank(c.certificateNo) || blank(c.address)) problems.push({ field: 'collateral', zh: '抵押物的权证号或坐落缺失', en: 'The collateral lacks its certificate number or address' });
      if (!Number.isSafeInteger(c.valuationFen) || c.valuationFen <= 0 || c.valuationFen > MAX_CAPITAL_FEN) {
        problems.push({ field: 'collateral.valuationFen', zh: '抵押物评估价值必须大于零', en: 'The collateral valuation must be greater than zero' });
      }
    }
  }
  if (!/^[0-9a-f]{64}$/.test(input.decisionSha256)) problems.push({ field: 'decisionSha256', zh: '审批决定摘要不正确', en: 'The decision digest is malformed' });
  if (problems.length === 0) return ok(undefined);
  return fail(
    'validation',
    `无法生成合同：${problems.map((p) => p.zh).join('；')}`,
    `Cannot generate the contract: ${problems.map((p) => p.en).join('; ')}`,
    { problems },
  );
}
