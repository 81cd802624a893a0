import type { Collateral } from '../domain/case';
import { formatYuan } from '../money/fen';
import { PRODUCTS } from '../products/catalog';
import { capitalAmount } from './capital-amount';
import type { ContractInput, Party } from './contract-input';
import { idLabelFor } from './contract-input';
import { documentNo, type ContractDocType } from './contract-number';
import { REPAYMENT_METHOD_LABELS, type Schedule } from './repayment-schedule';

/** 490 → '4.90%' (integer arithmetic; basis points never pass through a float). */
export function formatRateBp(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

export const COLLATERAL_KIND_LABELS: Record<Collateral['kind'], string> = {
  residential: '住宅',
  commercial: '商业用房',
  industrial: '工业厂房',
};

/** How the instalments run, in words, for the 还款方式 clause. The table itself follows in the contract. */
export function repaymentSummary(s: Schedule): string {
  const n = s.rows.length;
  const first = s.rows[0]!;
  const last = s.rows[n - 1]!;
  const yuan = (fen: number) => `${formatYuan(fen)}元`;
  switch (s.method) {
    case 'equal_installment':
      return n === 1
        ? `到期一次偿还本息${yuan(last.paymentFen)}`
        : `共${n}期，每期偿还本息${yuan(s.installmentFen!)}，最后一期偿还${yuan(last.paymentFen)}（含尾差）`;
    case 'equal_principal':
      return n === 1
        ? `到期一次偿还本息${yuan(last.paymentFen)}`
        : `共${n}期，每期偿还本金${yuan(first.principalFen)}（最后一期${yuan(last.principalFen)}，含尾差）及当期利息，首期偿还${yuan(first.paymentFen)}，此后每期约递减${yuan(s.monthlyDecreaseFen!)}`;
    case 'interest_only':
      return `共${n}期，按月支付利息，第${n}期（到期日）偿还全部本金${yuan(s.principalFen)}及当期利息，合计${yuan(last.paymentFen)}`;
  }
}

function securitySummary(input: ContractInput, contractNo: string): string {
  const parts: string[] = [];
  if (input.guarantor) parts.push(`由${input.guarantor.name}提供连带责任保证（保证合同编号：${documentNo(contractNo, 'guarantee')}）`);
  if (input.collateral && (input.productCode === 'mortgage_fast' || input.guaranteeType === 'mortgage')) {
    parts.push(`由${input.collateral.ownerName}以其名下不动产（不动产权证书号：${input.collateral.certificateNo}）提供抵押担保（抵押合同编号：${documentNo(contractNo, 'mortgage')}）`);
  }
  if (input.guaranteeType === 'pledge') parts.push('以质押方式提供担保（质押合同另行签订）');
  return parts.length ? `本合同项下借款${parts.join('，并')}。` : '本合同项下借款为信用方式，无担保。';
}

function partyValues(prefix: string, p: Party): Record<string, string> {
  return {
    [`${prefix}.name`]: p.name,
    [`${prefix}.idLabel`]: p.idLabel,
    [`${prefix}.idNumber`]: p.idNumber,
    [`${prefix}.address`]: p.address,
    [`${prefix}.phone`]: p.phone,
  };
}

/** The value of every placeholder (template-model.ts PLACEHOLDERS) for one document of the set. */
export function contractValues(input: ContractInput, contractNo: string, schedule: Schedule, docType: ContractDocType): Record<string, string> {
  const t = input.terms;
  const values: Record<string, string> = {
    'contract.no': documentNo(contractNo, docType),
    'loan.no': contractNo,
    'app.no': input.appNo,
    'product.name': PRODUCTS[input.productCode].zh,
    'branch.name': input.branchName,
    'lender.name': input.lenderName,
    'amount.figures': formatYuan(t.amountFen),
    'amount.capital': capitalAmount(t.amountFen),
    'term.months': String(t.termMonths),
    'rate.annual': formatRateBp(t.rateBp),
    'repayment.method': REPAYMENT_METHOD_LABELS[t.repaymentMethod].zh,
    'repayment.summary': repaymentSummary(schedule),
    'schedule.totalInterest': formatYuan(schedule.totalInterestFen),
    'schedule.totalPayment': formatYuan(schedule.totalPaymentFen),
    purpose: input.purpose,
    'security.summary': securitySummary(input, contractNo),
    'decision.sha256': input.decisionSha256,
    'decision.conditions': input.conditions,
  };
  if (input.borrower) {
    Object.assign(values, partyValues('borrower', input.borrower));
    values['borrower.representative'] = input.borrower.representative;
  }
  if (docType === 'guarantee' && input.guarantor) Object.assign(values, partyValues('guarantor', input.guarantor));
  if (docType === 'mortgage' && input.collateral) {
    const c = input.collateral;
    Object.assign(values, {
      'collateral.kind': COLLATERAL_KIND_LABELS[c.kind],
      'collateral.certificateNo': c.certificateNo,
      'collateral.address': c.address,
      'collateral.area': c.areaM2,
      'collateral.owner': c.ownerName,
      'collateral.ownerIdLabel': idLabelFor(c.ownerIdNumber),
      'collateral.ownerIdNumber': c.ownerIdNumber,
      'collateral.valuation.figures': formatYuan(c.valuationFen),
      'collateral.valuation.capital': capitalAmount(c.valuationFen),
    });
  }
  return values;
}
