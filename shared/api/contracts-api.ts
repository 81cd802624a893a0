import { z } from 'zod';
import { CONTRACT_DOC_TYPES, TemplateBody } from '../contracts/template-model';
import { REPAYMENT_METHODS } from '../contracts/repayment-schedule';
import { BilingualText, CaseChange, CaseRef, CaseState, Empty, Fen, Id, IsoTime, ProductCode } from './schemas';

/** Contract desk (合同岗) and contract templates: DESIGN §8. */

export const ContractDocType = z.enum(CONTRACT_DOC_TYPES);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const VersionNo = z.number().int().min(1).max(100_000);

export const ContractVersionInfo = z.object({
  contractNo: z.string(),
  version: VersionNo,
  sha256: Sha256,
  size: z.number().int(),
  pages: z.number().int(),
  documents: z.array(z.object({ docType: ContractDocType, documentNo: z.string(), templateVersion: z.number().int() })),
  decisionSha256: Sha256,
  createdAt: IsoTime,
  createdByName: z.string(),
  /** Set on the version the desk recorded (recordContract): the case is contracted with this file. */
  recordedAt: IsoTime.nullable(),
});
export type ContractVersionInfo = z.infer<typeof ContractVersionInfo>;

/** A party as the desk lists it: its part in the contract and its kind of identifier, named by the page. */
const PartySummary = z.object({
  role: z.enum(['borrower', 'guarantor', 'mortgagor']),
  name: z.string(),
  idKind: z.enum(['person', 'enterprise']),
  idNumber: z.string(),
});

export const ContractDesk = z.object({
  caseId: Id,
  appNo: z.string(),
  state: CaseState,
  caseVersion: z.number().int(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  productCode: ProductCode,
  branchName: z.string(),
  /** The approved decision as it will print; null if the case has none (e.g. not yet approved). */
  decision: z
    .object({
      amountFen: Fen,
      termMonths: z.number().int(),
      rateBp: z.number().int(),
      repaymentMethod: z.enum(REPAYMENT_METHODS),
      conditions: z.string(),
      sha256: Sha256,
    })
    .nullable(),
  /** Parties as printed; identifiers masked for users without pii.view. */
  parties: z.array(PartySummary),
  documents: z.array(ContractDocType),
  /** Why a contract cannot be generated from this case's data, if it cannot (empty when it can). */
  problems: z.array(BilingualText),
  contractNo: z.string().nullable(),
  versions: z.array(ContractVersionInfo),
});
export type ContractDesk = z.infer<typeof ContractDesk>;

export const ContractPdf = z.object({
  contractNo: z.string(),
  version: VersionNo,
  sha256: Sha256,
  fileName: z.string(),
  /** The PDF, base64: the preview renders it with pdf.js (the CSP allows no <object>/<iframe> of a blob). */
  base64: z.string(),
});
export type ContractPdf = z.infer<typeof ContractPdf>;

export const TemplateOverview = z.object({
  templates: z.array(
    z.object({
      docType: ContractDocType,
      current: z.object({ version: z.number().int(), body: TemplateBody }),
      versions: z.array(z.object({ version: z.number().int(), source: z.enum(['shipped', 'admin']), createdAt: IsoTime, createdByName: z.string().nullable() })),
    }),
  ),
  placeholders: z.array(z.object({ name: z.string(), zh: z.string(), en: z.string(), docTypes: z.array(ContractDocType) })),
});
export type TemplateOverview = z.infer<typeof TemplateOverview>;

export const contractsApi = {
  /** The contract desk's view of one case: approved terms, parties, documents, versions generated so far. */
  'contract:desk': { input: CaseRef, output: ContractDesk },
  /** Generate a new version of the case's contract (the case must be approved and held by the caller). */
  'contract:generate': { input: CaseRef, output: ContractVersionInfo },
  /** One stored version's PDF, integrity-checked against its sha256. */
  'contract:pdf': { input: z.strictObject({ caseId: Id, version: VersionNo }), output: ContractPdf },
  /** Record a generated version as the case's contract (recordContract): the case becomes contracted. */
  'contract:record': { input: z.strictObject({ caseId: Id, version: VersionNo }), output: CaseChange },
  /** Admin: every template with its current wording and version history, and the placeholders it may use. */
  'contractTemplate:list': { input: Empty, output: TemplateOverview },
  /** Admin: save an edited template as the next version of its document type. */
  'contractTemplate:save': {
    input: z.strictObject({ body: TemplateBody }),
    output: z.object({ docType: ContractDocType, version: z.number().int() }),
  },
  /** Admin: the PDF a template would produce for a sample case, before saving it. */
  'contractTemplate:preview': { input: z.strictObject({ body: TemplateBody }), output: z.object({ base64: z.string() }) },
} as const;
