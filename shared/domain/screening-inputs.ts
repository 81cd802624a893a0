/**
 * What screening, limit estimation (测额) and pricing read besides the application itself: facts the branch
 * gathers or the bank's data sources supply (税务 tax data, 存款/AUM, 代发工资 payroll, invoices, credit
 * report flags, guarantee circles). All optional on an application: a model without its inputs says so
 * in its explanation instead of guessing. Money in fen.
 */

/** 纳税信用等级 as published by the tax bureau (A, B, M new taxpayer, C, D). */
export const TAX_CREDIT_GRADES = ['A', 'B', 'M', 'C', 'D'] as const;
export type TaxCreditGrade = (typeof TAX_CREDIT_GRADES)[number];

/** 银税互动 data for 云税贷. */
export interface TaxRecord {
  /** Tax paid over the last 12 months (年纳税额). */
  annualTaxPaidFen: number;
  creditGrade: TaxCreditGrade;
}

/** The customer's overall contribution to the bank (综合贡献度): deposits, AUM, POS, payroll. */
export interface BankRelationship {
  /** 日均存款 over the last 12 months. */
  avgDailyDepositFen: number;
  /** 金融资产 (deposits + wealth products) held with the bank, monthly average. */
  aumFen: number;
  /** 代发工资: salary paid to the applicant through this bank each month (0 when none). */
  monthlyPayrollFen: number;
  /** Months with payroll through this bank in the last 12. */
  payrollMonths: number;
  /** POS / settlement flow through the bank per month (收单流水). */
  monthlyPosFen: number;
}

/** An invoice offered for 发票融资; once financed it cannot be swapped or financed again. */
export interface FinancedInvoice {
  invoiceNo: string;
  amountFen: number;
  issuedOn: string; // YYYY-MM-DD
  buyerName: string;
  /** Already financed (here or elsewhere): not eligible. */
  financed: boolean;
}

/** Flags from the credit report (征信) as entered with the application. */
export interface CreditHistory {
  /** Overdue now or in the last 24 months (逾期). */
  overdue: boolean;
  /** Non-performing or written-off debt (不良/呆账). */
  badDebt: boolean;
}

/** 互保/联保 and 担保圈/担保链: the bank's programme says to treat them with caution. */
export interface GuaranteeFlags {
  /** The applicant guarantees its own guarantor (互保) or is in a joint-guarantee group (联保). */
  mutual: boolean;
  /** The guarantee is part of a chain or circle of guarantees (担保链/担保圈). */
  chain: boolean;
}

/** Transaction data from a platform or core enterprise (平台快贷). */
export interface PlatformRecord {
  platformName: string;
  /** Sales through the platform over the last 12 months. */
  annualSalesFen: number;
}
