import { z } from 'zod';
import type { ContractDocType } from './contract-number';
import { hasStrayBraces, placeholdersIn } from './placeholders';
import type { Label } from '../domain/label';

/**
 * Contract templates are data (resources/templates/*.json, then versions edited by an admin in the store):
 * sections with an optional heading and blocks of wording with {{placeholders}}. The schedule table and the
 * signature/seal blocks are structural blocks the PDF renderer lays out itself.
 */
export const CONTRACT_DOC_TYPES = ['loan', 'guarantee', 'mortgage'] as const satisfies readonly ContractDocType[];

export const DOC_TYPE_LABELS: Record<ContractDocType, Label> = {
  loan: { zh: '借款合同', en: 'Loan contract' },
  guarantee: { zh: '保证合同', en: 'Guarantee contract' },
  mortgage: { zh: '抵押合同', en: 'Mortgage contract' },
};

const Wording = z.string().trim().min(1).max(2000);
const Label = z.string().trim().min(1).max(60);

export const TemplateBlock = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('paragraph'), text: Wording }),
  /** Numbered clauses (一)(二)… */
  z.strictObject({ kind: z.literal('clauses'), items: z.array(Wording).min(1).max(40) }),
  /** Label: value rows, e.g. the parties. A row whose value fills to nothing may be left out. */
  z.strictObject({
    kind: z.literal('fields'),
    rows: z.array(z.strictObject({ label: Label, value: z.string().max(500), omitIfEmpty: z.boolean().optional() })).min(1).max(40),
  }),
  /** The full repayment schedule table. */
  z.strictObject({ kind: z.literal('schedule') }),
  /** Signature and seal blocks, one per party, side by side. */
  z.strictObject({
    kind: z.literal('signatures'),
    parties: z.array(z.strictObject({ title: Wording.max(200), lines: z.array(z.string().max(200)).max(6) })).min(1).max(4),
  }),
]);
export type TemplateBlock = z.infer<typeof TemplateBlock>;

export const TemplateSection = z.strictObject({
  heading: z.string().trim().max(100).optional(),
  blocks: z.array(TemplateBlock).min(1).max(40),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

/** What an admin edits; the version is assigned by the store when it is saved. */
export const TemplateBody = z.strictObject({
  docType: z.enum(CONTRACT_DOC_TYPES),
  title: z.string().trim().min(1).max(60),
  sections: z.array(TemplateSection).min(1).max(60),
});
export type TemplateBody = z.infer<typeof TemplateBody>;

export interface ContractTemplate extends TemplateBody {
  version: number;
}

type Docs = readonly ContractDocType[];
const ALL: Docs = ['loan', 'guarantee', 'mortgage'];
const GUARANTEE: Docs = ['guarantee'];
const MORTGAGE: Docs = ['mortgage'];

/** Every placeholder a template may use, what it means, and in which documents it has a value. */
export const PLACEHOLDERS: Record<string, { zh: string; en: string; docs: Docs }> = {
  'contract.no': { zh: '本合同编号', en: 'Number of this contract', docs: ALL },
  'loan.no': { zh: '借款合同（主合同）编号', en: 'Loan (main) contract number', docs: ALL },
  'app.no': { zh: '申请编号', en: 'Application number', docs: ALL },
  'product.name': { zh: '产品名称', en: 'Product', docs: ALL },
  'branch.name': { zh: '经办机构', en: 'Branch', docs: ALL },
  'lender.name': { zh: '贷款人（债权人）名称', en: 'Lender', docs: ALL },
  'borrower.name': { zh: '借款人名称', en: 'Borrower', docs: ALL },
  'borrower.idLabel': { zh: '借款人证件类型', en: 'Borrower ID type', docs: ALL },
  'borrower.idNumber': { zh: '借款人证件号码', en: 'Borrower ID number', docs: ALL },
  'borrower.address': { zh: '借款人住所', en: 'Borrower address', docs: ALL },
  'borrower.phone': { zh: '借款人联系电话', en: 'Borrower phone', docs: ALL },
  'borrower.representative': { zh: '借款人法定代表人（企业）', en: 'Legal representative (enterprise borrower)', docs: ALL },
  'amount.figures': { zh: '借款金额（小写，元）', en: 'Amount in figures (yuan)', docs: ALL },
  'amount.capital': { zh: '借款金额（大写）', en: 'Amount in Chinese capitals', docs: ALL },
  'term.months': { zh: '借款期限（月）', en: 'Term (months)', docs: ALL },
  'rate.annual': { zh: '年利率', en: 'Annual rate', docs: ALL },
  'repayment.method': { zh: '还款方式', en: 'Repayment method', docs: ALL },
  'repayment.summary': { zh: '还款安排摘要', en: 'Repayment summary', docs: ALL },
  'schedule.totalInterest': { zh: '利息合计（元）', en: 'Total interest (yuan)', docs: ALL },
  'schedule.totalPayment': { zh: '本息合计（元）', en: 'Total of payments (yuan)', docs: ALL },
  purpose: { zh: '借款用途', en: 'Purpose', docs: ALL },
  'security.summary': { zh: '担保方式摘要', en: 'Security summary', docs: ALL },
  'decision.sha256': { zh: '审批决定数据 SHA-256', en: 'SHA-256 of the approved decision', docs: ALL },
  'decision.conditions': { zh: '审批附加条件（无则为空）', en: 'Conditions of the approval (empty if none)', docs: ALL },
  'guarantor.name': { zh: '保证人名称', en: 'Guarantor', docs: GUARANTEE },
  'guarantor.idLabel': { zh: '保证人证件类型', en: 'Guarantor ID type', docs: GUARANTEE },
  'guarantor.idNumber': { zh: '保证人证件号码', en: 'Guarantor ID number', docs: GUARANTEE },
  'guarantor.address': { zh: '保证人住所', en: 'Guarantor address', docs: GUARANTEE },
  'guarantor.phone': { zh: '保证人联系电话', en: 'Guarantor phone', docs: GUARANTEE },
  'collateral.kind': { zh: '抵押物类型', en: 'Collateral type', docs: MORTGAGE },
  'collateral.certificateNo': { zh: '不动产权证书号', en: 'Property certificate number', docs: MORTGAGE },
  'collateral.address': { zh: '抵押物坐落', en: 'Collateral address', docs: MORTGAGE },
  'collateral.area': { zh: '建筑面积（平方米）', en: 'Floor area (m²)', docs: MORTGAGE },
  'collateral.owner': { zh: '抵押人名称', en: 'Mortgagor', docs: MORTGAGE },
  'collateral.ownerIdLabel': { zh: '抵押人证件类型', en: 'Mortgagor ID type', docs: MORTGAGE },
  'collateral.ownerIdNumber': { zh: '抵押人证件号码', en: 'Mortgagor ID number', docs: MORTGAGE },
  'collateral.valuation.figures': { zh: '评估价值（小写，元）', en: 'Valuation in figures (yuan)', docs: MORTGAGE },
  'collateral.valuation.capital': { zh: '评估价值（大写）', en: 'Valuation in Chinese capitals', docs: MORTGAGE },
};

/**
 * What every version of a template must keep, whatever an admin rewrites: the figures of the approved decision
 * and the parties. A contract that silently dropped the amount or the schedule would not be the approved one.
 */
export const REQUIRED: Record<ContractDocType, { placeholders: string[]; blocks: TemplateBlock['kind'][] }> = {
  loan: {
    placeholders: ['lender.name', 'borrower.name', 'borrower.idNumber', 'amount.figures', 'amount.capital', 'term.months', 'rate.annual', 'repayment.method'],
    blocks: ['schedule', 'signatures'],
  },
  guarantee: {
    placeholders: ['lender.name', 'guarantor.name', 'guarantor.idNumber', 'loan.no', 'borrower.name', 'amount.capital'],
    blocks: ['signatures'],
  },
  mortgage: {
    placeholders: ['lender.name', 'collateral.owner', 'collateral.ownerIdNumber', 'collateral.certificateNo', 'collateral.address', 'loan.no', 'amount.capital'],
    blocks: ['signatures'],
  },
};

export interface TemplateProblem {
  zh: string;
  en: string;
}

/** Every text of a template with where it sits, for checking placeholders. */
function textsOf(body: TemplateBody): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [{ where: 'title', text: body.title }];
  body.sections.forEach((s, i) => {
    const at = `sections[${i}]`;
    if (s.heading) out.push({ where: `${at}.heading`, text: s.heading });
    s.blocks.forEach((b, j) => {
      const bat = `${at}.blocks[${j}]`;
      if (b.kind === 'paragraph') out.push({ where: bat, text: b.text });
      if (b.kind === 'clauses') b.items.forEach((t, k) => out.push({ where: `${bat}.items[${k}]`, text: t }));
      if (b.kind === 'fields') b.rows.forEach((r, k) => out.push({ where: `${bat}.rows[${k}]`, text: `${r.label}${r.value}` }));
      if (b.kind === 'signatures') b.parties.forEach((p, k) => out.push({ where: `${bat}.parties[${k}]`, text: [p.title, ...p.lines].join('\n') }));
    });
  });
  return out;
}

/** Problems that stop a template version from being saved (empty when it may be saved). */
export function checkTemplate(body: TemplateBody): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const used = new Set<string>();
  for (const { where, text } of textsOf(body)) {
    if (hasStrayBraces(text)) problems.push({ zh: `${where}：占位符括号不完整`, en: `${where}: broken placeholder braces` });
    for (const name of placeholdersIn(text)) {
      used.add(name);
      const known = Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name) ? PLACEHOLDERS[name] : undefined;
      if (!known) problems.push({ zh: `${where}：未知的占位符 {{${name}}}`, en: `${where}: unknown placeholder {{${name}}}` });
      else if (!known.docs.includes(body.docType)) {
        problems.push({ zh: `${where}：占位符 {{${name}}} 不能用于此类合同`, en: `${where}: {{${name}}} has no value in this kind of contract` });
      }
    }
  }
  const required = REQUIRED[body.docType];
  for (const name of required.placeholders) {
    if (!used.has(name)) problems.push({ zh: `缺少必备的占位符 {{${name}}}（${PLACEHOLDERS[name]!.zh}）`, en: `The template must use {{${name}}} (${PLACEHOLDERS[name]!.en})` });
  }
  const kinds = body.sections.flatMap((s) => s.blocks.map((b) => b.kind));
  for (const kind of required.blocks) {
    const count = kinds.filter((k) => k === kind).length;
    if (count !== 1) problems.push({ zh: `必须恰好包含一个「${kind}」块（现有 ${count} 个）`, en: `The template must contain exactly one "${kind}" block (has ${count})` });
  }
  return problems;
}
