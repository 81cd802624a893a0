import { fail, ok, type Result } from '../errors';
import { checkContractInput, documentsFor, type ContractInput } from './contract-input';
import { documentNo, parseContractNo, type ContractDocType } from './contract-number';
import { contractValues } from './contract-values';
import { fillPlaceholders } from './placeholders';
import { buildSchedule, type Schedule } from './repayment-schedule';
import { DOC_TYPE_LABELS, type ContractTemplate, type TemplateBlock } from './template-model';

/** Blocks with every placeholder filled: what the PDF renderer lays out, with no wording of its own. */
export type ComposedBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'clauses'; items: string[] }
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  | { kind: 'schedule' }
  | { kind: 'signatures'; parties: { title: string; lines: string[] }[] };

export interface ComposedSection {
  heading: string | null;
  blocks: ComposedBlock[];
}

export interface ComposedDocument {
  docType: ContractDocType;
  /** The number printed on this document (the loan's, or the loan's with -BZ / -DY). */
  documentNo: string;
  title: string;
  templateVersion: number;
  sections: ComposedSection[];
}

export interface ComposedContract {
  contractNo: string;
  decisionSha256: string;
  schedule: Schedule;
  documents: ComposedDocument[];
}

export type TemplateSet = Partial<Record<ContractDocType, ContractTemplate>>;

/**
 * The contract set for one approved case: input checked, schedule computed in fen, each document's template
 * filled. Any placeholder left without a value is an error (never printed as `{{…}}`).
 */
export function composeContract(input: ContractInput, contractNo: string, templates: TemplateSet): Result<ComposedContract> {
  const checked = checkContractInput(input);
  if (!checked.ok) return checked;
  if (!parseContractNo(contractNo)) return fail('validation', '合同编号格式不正确', 'The contract number is malformed', { contractNo });
  const t = input.terms;
  const schedule = buildSchedule({ principalFen: t.amountFen, termMonths: t.termMonths, rateBp: t.rateBp, method: t.repaymentMethod });
  const documents: ComposedDocument[] = [];
  const missing: string[] = [];
  for (const docType of documentsFor(input)) {
    const template = templates[docType];
    if (!template) return fail('not-found', `缺少${DOC_TYPE_LABELS[docType].zh}模板`, `No template for the ${DOC_TYPE_LABELS[docType].en.toLowerCase()}`, { docType });
    const values = contractValues(input, contractNo, schedule, docType);
    const fill = (text: string) => {
      const r = fillPlaceholders(text, values);
      missing.push(...r.missing.map((m) => `${docType}: {{${m}}}`));
      return r.text;
    };
    const fillBlock = (b: TemplateBlock): ComposedBlock | null => {
      switch (b.kind) {
        case 'paragraph':
          return { kind: 'paragraph', text: fill(b.text) };
        case 'clauses':
          return { kind: 'clauses', items: b.items.map(fill) };
        case 'fields': {
          const rows = b.rows.map((r) => ({ label: fill(r.label), value: fill(r.value), omit: r.omitIfEmpty === true }));
          const kept = rows.filter((r) => !(r.omit && r.value.trim() === '')).map(({ label, value }) => ({ label, value }));
          return kept.length ? { kind: 'fields', rows: kept } : null;
        }
        case 'schedule':
          return { kind: 'schedule' };
        case 'signatures':
          return { kind: 'signatures', parties: b.parties.map((p) => ({ title: fill(p.title), lines: p.lines.map(fill) })) };
      }
    };
    documents.push({
      docType,
      documentNo: documentNo(contractNo, docType),
      title: fill(template.title),
      templateVersion: template.version,
      sections: template.sections.map((s) => ({
        heading: s.heading ? fill(s.heading) : null,
        blocks: s.blocks.map(fillBlock).filter((b): b is ComposedBlock => b !== null),
      })),
    });
  }
  if (missing.length) {
    return fail('validation', '合同模板中有无法填写的占位符', 'The template has placeholders without a value', { missing: [...new Set(missing)] });
  }
  return ok({ contractNo, decisionSha256: input.decisionSha256, schedule, documents });
}
