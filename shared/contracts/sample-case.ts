import type { CaseRecord, Collateral, Guarantor } from '../domain/case';

/**
 * A made-up approved case as the dual-control path leaves it: the data of the admin's template preview and of
 * the contract tests. The numbers are the reference loan of the issue: 1,000,000.00 at 4.90 % over 360 months.
 */
export function sampleApprovedCase(overrides: Partial<CaseRecord['data']> = {}, proposal: Partial<NonNullable<CaseRecord['proposal']>> = {}): CaseRecord {
  return {
    id: 'c-cf20261120000042',
    state: 'approved',
    version: 9,
    team: 'retail',
    assigneeId: 'u-clerk-1',
    assigneeName: '张敏',
    checkedBy: 'u-clerk-2',
    checkers: ['u-clerk-2'],
    riskGrade: null,
    submittedAt: '2026-11-20T02:00:00.000Z',
    stageEnteredAt: '2026-11-23T06:00:00.000Z',
    slaDueAt: null,
    returnCount: 0,
    data: {
      appNo: 'CF20261120000042',
      productCode: 'credit_fast',
      segment: 'business_owner',
      amountFen: 100_000_000,
      termMonths: 360,
      purpose: '补充流动资金',
      branchCode: '3201001',
      branchName: '南京分行营业部',
      priority: 0,
      applicant: {
        name: '王建国',
        idNumber: '320102198503150019',
        gender: 'M',
        birthDate: '1985-03-15',
        phone: '13851234567',
        address: '江苏省南京市中山路88号',
      },
      enterprise: {
        name: '南京恒达五金制品有限公司',
        creditCode: '91320102MA1X8Y2K35',
        legalRepresentative: '王建国',
        registeredCapitalFen: 100_000_000,
        establishedOn: '2015-06-01',
        address: '江苏省南京市中山路88号',
        industry: '金属制品业',
      },
      ...overrides,
    },
    proposal: {
      by: 'u-officer-1',
      byName: '李强',
      at: '2026-11-23T03:00:00.000Z',
      decision: 'approve',
      amountFen: 100_000_000,
      termMonths: 360,
      rateBp: 490,
      repaymentMethod: 'equal_installment',
      confirmations: [{ by: 'u-officer-2', byName: '赵磊', at: '2026-11-23T05:00:00.000Z', matrixVersion: 1 }],
      ...proposal,
    },
  };
}

export const SAMPLE_GUARANTOR: Guarantor = {
  kind: 'individual',
  name: '刘德明',
  idNumber: '32011519780902002X',
  address: '江苏省南京市江宁区金山路6号',
  phone: '13905170000',
};

export const SAMPLE_COLLATERAL: Collateral = {
  kind: 'residential',
  certificateNo: '苏(2021)南京市不动产权第0123456号',
  address: '南京市建邺区江东中路100号3幢1201室',
  areaM2: '128.56',
  ownerName: '王建国',
  ownerIdNumber: '320102198503150019',
  valuationFen: 320_000_000,
};

/** A sample case that needs every document of the set: a 抵押快贷 with a guarantor. */
export function sampleFullCase(): CaseRecord {
  return sampleApprovedCase({ productCode: 'mortgage_fast', guarantor: SAMPLE_GUARANTOR, collateral: SAMPLE_COLLATERAL });
}
