/**
 * Fixtures for the screening unit tests: a clean application that passes every rule on TODAY, and helpers
 * to change one thing about it. Test support only.
 */
import type { ApplicationData } from '../domain/case';
import { makeCreditCode, makeIdNumber } from '../validators/generate';

export const TODAY = '2026-11-24';
export const WAN = 1_000_000;

export function birthForAge(years: number, today = TODAY): string {
  // Born exactly `years` years ago today: the birthday is today.
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
}

export function application(overrides: Partial<ApplicationData> = {}): ApplicationData {
  const birthDate = '1985-06-15';
  return {
    appNo: 'CF20261124000001',
    productCode: 'credit_fast',
    segment: 'business_owner',
    amountFen: 50 * WAN,
    termMonths: 12,
    purpose: '补充流动资金',
    branchCode: '3211081',
    branchName: '丹阳支行',
    priority: 0,
    applicant: {
      name: '刘晓东',
      idNumber: makeIdNumber('321181', birthDate, 123),
      gender: 'M',
      birthDate,
      phone: '13912345678',
      address: '江苏省丹阳市人民路1号',
    },
    enterprise: {
      name: '丹阳恒达五金制品有限公司',
      creditCode: makeCreditCode('91', '321181', 'MA1X2Y3K4'),
      legalRepresentative: '刘晓东',
      registeredCapitalFen: 100 * WAN,
      establishedOn: '2018-03-01',
      address: '江苏省丹阳市人民路1号',
      industry: '金属制品业',
      licenceValidUntil: '长期',
    },
    relationship: { avgDailyDepositFen: 0, aumFen: 40 * WAN, monthlyPayrollFen: 0, payrollMonths: 0, monthlyPosFen: 0 },
    creditHistory: { overdue: false, badDebt: false },
    guaranteeFlags: { mutual: false, chain: false },
    ...overrides,
  };
}

export function withApplicant(a: ApplicationData, fields: Partial<ApplicationData['applicant']>): ApplicationData {
  const applicant = { ...a.applicant, ...fields };
  if (fields.birthDate) applicant.idNumber = makeIdNumber('321181', fields.birthDate, 123);
  return { ...a, applicant };
}

/** The bank relationship block with everything zero but what the test names. */
export function relationship(fields: Partial<NonNullable<ApplicationData['relationship']>> = {}): NonNullable<ApplicationData['relationship']> {
  return { avgDailyDepositFen: 0, aumFen: 0, monthlyPayrollFen: 0, payrollMonths: 0, monthlyPosFen: 0, ...fields };
}

/** A mortgage application on a local flat owned by the applicant. */
export function mortgage(collateral: Partial<NonNullable<ApplicationData['collateral']>> = {}, overrides: Partial<ApplicationData> = {}): ApplicationData {
  const a = application({ productCode: 'mortgage_fast', amountFen: 500 * WAN, termMonths: 36, ...overrides });
  return {
    ...a,
    collateral: {
      kind: 'residential',
      certificateNo: '苏(2020)丹阳市不动产权第0012345号',
      address: '江苏省丹阳市华阳路8号',
      areaM2: '128.50',
      ownerName: a.applicant.name,
      ownerIdNumber: a.applicant.idNumber,
      valuationFen: 300 * WAN,
      local: true,
      builtYear: 2012,
      existingChargesFen: 0,
      ...collateral,
    },
  };
}
