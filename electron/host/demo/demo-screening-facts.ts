import type { ApplicationData } from '../../../shared/domain/case';
import type { FinancedInvoice, TaxCreditGrade } from '../../../shared/domain/screening-inputs';
import { BRAND_WORDS, TRADES } from './demo-data';
import { prng } from './seed';

const WAN = 1_000_000;
const PLATFORMS = ['苏商通', '京东企业购', '阿里巴巴1688', '美团商家', '供应链核心企业平台'];

/**
 * What screening reads about a demo application (tax data, deposits and payroll, credit-report flags,
 * guarantee circles, licence validity, invoices, platform sales, collateral details), in plausible
 * proportions: most cases pass, some are referred (overdue, non-local or old property, expired licence,
 * guarantee circle), a few declined (tax grade below B, bad debt). Drawn from a generator of its own, so the
 * rest of the demo data stays as it was. 信用快贷 cases never carry a decline trigger, so a demonstration of
 * a referral (e.g. a negative-list hit) can start from any of them.
 */
export function demoScreeningFacts(i: number, data: ApplicationData, submittedAtMs: number): Partial<ApplicationData> {
  const r = prng(0x5c12 + i * 104_729);
  const day = (offsetDays: number) => new Date(submittedAtMs + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const between = (lo: number, hi: number) => r.int(lo, hi) * WAN;
  const out: Partial<ApplicationData> = {};

  const deposits = r.next() < 0.3 ? 0 : Math.round(r.next() ** 2 * 300) * WAN;
  const payroll = data.segment === 'public_sector' || (data.segment === 'business_owner' && r.next() < 0.4);
  out.relationship = {
    avgDailyDepositFen: deposits,
    aumFen: deposits + (r.next() < 0.5 ? between(0, 100) : 0),
    monthlyPayrollFen: payroll ? r.int(50, 300) * 10_000 : 0,
    payrollMonths: payroll ? r.int(3, 12) : 0,
    monthlyPosFen: data.segment === 'sole_proprietor' || data.segment === 'micro_enterprise' ? between(0, 60) : 0,
  };

  if (data.productCode === 'tax_loan' || r.next() < 0.4) {
    const x = r.next();
    const grade: TaxCreditGrade = x < 0.45 ? 'A' : x < 0.85 ? 'B' : x < 0.9 ? 'M' : x < 0.97 ? 'C' : 'D';
    out.tax = { annualTaxPaidFen: r.int(20, 400) * 1_000 * 100, creditGrade: data.productCode === 'tax_loan' ? grade : grade === 'M' ? 'B' : grade };
  }

  const overdue = r.next() < 0.06;
  out.creditHistory = { overdue, badDebt: data.productCode === 'revolving' && overdue && r.next() < 0.3 };
  out.guaranteeFlags = data.guarantor ? { mutual: r.next() < 0.08, chain: r.next() < 0.04 } : { mutual: false, chain: false };

  if (data.segment === 'public_sector') out.applicant = { ...data.applicant, publicSectorEmployee: true };
  if (data.enterprise) {
    const until = r.next() < 0.3 ? day(r.int(400, 5_000)) : '长期';
    // About one in twenty-five licences ran out in the months before the application.
    out.enterprise = { ...data.enterprise, licenceValidUntil: r.next() < 0.04 ? day(-r.int(1, 200)) : until };
  }

  if (data.collateral) {
    out.collateral = {
      ...data.collateral,
      local: r.next() < 0.88,
      builtYear: r.int(1996, 2022),
      existingChargesFen: r.next() < 0.8 ? 0 : Math.floor((data.collateral.valuationFen * r.int(5, 30)) / 100 / 100_000) * 100_000,
    };
  }

  if (data.productCode === 'invoice_finance') {
    const n = r.int(2, 6);
    const invoices: FinancedInvoice[] = [];
    const target = Math.round(data.amountFen / 0.8 / n);
    for (let k = 0; k < n; k++) {
      invoices.push({
        invoiceNo: String(r.int(10_000_000, 99_999_999)),
        amountFen: Math.round((target * r.int(60, 130)) / 100 / 100) * 100,
        issuedOn: day(-r.int(5, 200)),
        buyerName: `${r.pick<string>(BRAND_WORDS)}${r.pick<string>(BRAND_WORDS)}${r.pick(TRADES).word}有限公司`,
        financed: r.next() < 0.1,
      });
    }
    out.invoices = invoices;
  }

  if (data.productCode === 'platform_fast') {
    out.platform = { platformName: r.pick(PLATFORMS), annualSalesFen: Math.round((data.amountFen * r.int(30, 80)) / 10 / 100_000) * 100_000 };
  }
  return out;
}
