import { z } from 'zod';
import { TAX_CREDIT_GRADES } from '../domain/screening-inputs';

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Fen = z.number().int().min(0).max(100_000_000_000_000);

/**
 * The optional screening inputs of an application (shared/domain/screening-inputs.ts), spread into the
 * strict ApplicationData schema of `submit` so an application carrying them is accepted and one carrying
 * anything else is still refused.
 */
export const screeningInputShape = {
  tax: z.strictObject({ annualTaxPaidFen: Fen, creditGrade: z.enum(TAX_CREDIT_GRADES) }).optional(),
  relationship: z
    .strictObject({
      avgDailyDepositFen: Fen,
      aumFen: Fen,
      monthlyPayrollFen: Fen,
      payrollMonths: z.number().int().min(0).max(12),
      monthlyPosFen: Fen,
    })
    .optional(),
  invoices: z
    .array(
      z.strictObject({
        invoiceNo: z.string().trim().min(1).max(40),
        amountFen: Fen,
        issuedOn: LocalDate,
        buyerName: z.string().trim().min(1).max(100),
        financed: z.boolean(),
      }),
    )
    .max(500)
    .optional(),
  creditHistory: z.strictObject({ overdue: z.boolean(), badDebt: z.boolean() }).optional(),
  guaranteeFlags: z.strictObject({ mutual: z.boolean(), chain: z.boolean() }).optional(),
  platform: z.strictObject({ platformName: z.string().trim().min(1).max(60), annualSalesFen: Fen }).optional(),
};

/** Added to the applicant object. */
export const applicantScreeningShape = { publicSectorEmployee: z.boolean().optional() };

/** Added to the enterprise object: 'YYYY-MM-DD' or 长期 (no expiry). */
export const enterpriseScreeningShape = { licenceValidUntil: z.union([LocalDate, z.literal('长期')]).optional() };

/** Added to the collateral object. */
export const collateralScreeningShape = {
  local: z.boolean().optional(),
  builtYear: z.number().int().min(1900).max(2100).optional(),
  existingChargesFen: Fen.optional(),
};
