import type { CaseState } from '../workflow/states';
import type { ProductCode, Segment, Team } from '../products/catalog';

/** The applicant as taken by the branch (分散受理). ID numbers are sensitive: mask for roles without pii.view. */
export interface Applicant {
  name: string;
  idNumber: string;
  gender: 'M' | 'F';
  birthDate: string; // YYYY-MM-DD
  phone: string;
  address: string;
}

export interface Enterprise {
  name: string;
  creditCode: string; // 统一社会信用代码
  legalRepresentative: string;
  registeredCapitalFen: number;
  establishedOn: string; // YYYY-MM-DD
  address: string;
  industry: string;
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
  reasons?: string[];
  comment?: string;
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
  /** Clerk who passed the document check; may not approve or confirm this case. */
  checkedBy: string | null;
  proposal: Proposal | null;
  submittedAt: string; // UTC ISO
  stageEnteredAt: string; // UTC ISO
  slaDueAt: string | null; // UTC ISO; null where the stage has no SLA clock
  returnCount: number;
}
