import type { CaseState } from '../workflow/states';
import type { RequiredAuthority, RiskGrade } from '../approval/authority';
import type { ProductCode, Segment, Team } from '../products/catalog';
import type { BankRelationship, CreditHistory, FinancedInvoice, GuaranteeFlags, PlatformRecord, TaxRecord } from './screening-inputs';

/** The applicant as taken by the branch (分散受理). ID numbers are sensitive: mask for roles without pii.view. */
export interface Applicant {
  name: string;
  idNumber: string;
  gender: 'M' | 'F';
  birthDate: string; // YYYY-MM-DD
  phone: string;
  address: string;
  /** Optional, added for screening: 在编公职人员 (the programme grants them at least 20万 credit). */
  publicSectorEmployee?: boolean;
}

export interface Enterprise {
  name: string;
  creditCode: string; // 统一社会信用代码
  legalRepresentative: string;
  registeredCapitalFen: number;
  establishedOn: string; // YYYY-MM-DD
  address: string;
  industry: string;
  /** Optional, added for screening: end of the business licence's validity, 'YYYY-MM-DD' or '长期'. */
  licenceValidUntil?: string;
}

/** 保证人: a third party who guarantees the loan (连带责任保证). Its ID number / credit code is sensitive. */
export interface Guarantor {
  kind: 'individual' | 'enterprise';
  name: string;
  /** 身份证号 for a person, 统一社会信用代码 for an enterprise. */
  idNumber: string;
  address: string;
  phone: string;
}

/** 抵押物: the property pledged for 抵押快贷. The owner (抵押人) may be the applicant or a third party. */
export interface Collateral {
  kind: 'residential' | 'commercial' | 'industrial';
  /** 不动产权证书号 */
  certificateNo: string;
  address: string;
  /** Floor area in m², as written on the certificate ('128.56'). */
  areaM2: string;
  ownerName: string;
  ownerIdNumber: string;
  valuationFen: number;
  /** Optional, added for screening: in the bank's own area (本地). Non-local property is treated with caution. */
  local?: boolean;
  /** Optional, added for screening: year the building was completed (very old property is referred). */
  builtYear?: number;
  /** Optional, added for screening: amounts already secured on the property (已抵押余额), deducted from the limit. */
  existingChargesFen?: number;
}

export interface ApplicationData {
  appNo: string; // 申请编号
  productCode: ProductCode;
  segment: Segment;
  amountFen: number;
  termMonths: number;
  purpose: string;
  branchCode: string;
  branchName: string;
  applicant: Applicant;
  enterprise: Enterprise | null;
  /** 0 normal, higher first (e.g. 1 = 加急 expedited). */
  priority: number;
  /** Optional, added for contracts: a guarantor makes the desk print a 保证合同. */
  guarantor?: Guarantor;
  /** Optional, added for contracts: the property of a 抵押快贷 (its 抵押合同). */
  collateral?: Collateral;
  /** Optional, added for screening (shared/domain/screening-inputs.ts): tax data for 云税贷. */
  tax?: TaxRecord;
  /** Optional, added for screening: deposits, AUM, payroll and POS with the bank (测额 and pricing). */
  relationship?: BankRelationship;
  /** Optional, added for screening: invoices offered for 发票融资. */
  invoices?: FinancedInvoice[];
  /** Optional, added for screening: overdue / bad-debt flags from the credit report. */
  creditHistory?: CreditHistory;
  /** Optional, added for screening: mutual / chain guarantee flags. */
  guaranteeFlags?: GuaranteeFlags;
  /** Optional, added for screening: platform transaction data for 平台快贷. */
  platform?: PlatformRecord;
}

export interface Proposal {
  by: string;
  byName: string;
  at: string;
  decision: 'approve' | 'decline';
  amountFen?: number;
  termMonths?: number;
  rateBp?: number;
  repaymentMethod?: 'equal_installment' | 'equal_principal' | 'interest_only';
  guaranteeType?: 'credit' | 'guarantee' | 'mortgage' | 'pledge';
  conditions?: string;
  reasons?: string[];
  comment?: string;
  /** Who must confirm, by the authority matrix in force when the proposal was made. */
  required?: RequiredAuthority;
  matrixVersion?: number;
  /** Confirmations so far (two seniors are needed above a senior's band). */
  confirmations?: Confirmation[];
}

export interface Confirmation {
  by: string;
  byName: string;
  at: string;
  matrixVersion: number;
}

/** The state a command decides on: everything `decide` needs and nothing else. */
export interface CaseRecord {
  id: string;
  state: CaseState;
  version: number;
  data: ApplicationData;
  team: Team;
  assigneeId: string | null;
  assigneeName: string | null;
  /** Clerk who last passed the document check. */
  checkedBy: string | null;
  /** Everyone who did document-checking work on this case (evolve.ts DOC_CHECK_WORK): none of them may approve or confirm it. */
  checkers: string[];
  /** Set by screening; null until then (treated as the riskiest grade for authority). */
  riskGrade: RiskGrade | null;
  proposal: Proposal | null;
  submittedAt: string; // UTC ISO
  stageEnteredAt: string; // UTC ISO
  slaDueAt: string | null; // UTC ISO; null where the stage has no SLA clock
  returnCount: number;
}
