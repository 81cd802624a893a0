import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../domain/case';
import { CASE_ID, caseIn, ctxFor, expectError, expectOk, heldBy, U, APPLICATION } from './command-fixtures';
import { decideCommand } from './registry';
import { afterOverride, overrideBaseline } from './screening-overrides';
import type { UserRef } from './types';

const WAN = 1_000_000;
const BASELINE = {
  resultId: 9,
  ruleSetVersion: 2,
  modelLimitFen: 30 * WAN,
  modelRateBp: 550,
  currentLimitFen: 30 * WAN,
  currentRateBp: 550,
  floorBp: 345,
  rateCutBp: { officer: 30, senior_officer: 80 },
};
/** A credit loan of 200万 (the product maximum), grade B, in approval. */
const big = (grade: CaseRecord['riskGrade'] = 'B') => caseIn('approval', { riskGrade: grade, data: { ...APPLICATION, amountFen: 200 * WAN } });
const override = (who: UserRef, fields: Record<string, unknown>, c = big()) =>
  decideCommand('overrideScreening', heldBy(c, who), { caseId: CASE_ID, reason: '经营流水稳定，综合贡献高', baseline: BASELINE, ...fields }, ctxFor(who));

describe('officer override of limit and rate, within authority', () => {
  it.each([
    ['an officer raises the limit to his 100万 band (grade B)', U.liuQiang, { limitFen: 100 * WAN }, null],
    ['an officer one fen above his band', U.liuQiang, { limitFen: 100 * WAN + 1 }, 'forbidden'],
    ['an officer on a grade C case: band 50万', U.liuQiang, { limitFen: 50 * WAN + 1 }, 'forbidden'],
    ['a senior officer to 200万', U.zhaoMin, { limitFen: 200 * WAN }, null],
    ['anyone above the amount applied for', U.zhaoMin, { limitFen: 200 * WAN + 1 }, 'validation'],
    ['an officer cuts the rate by his 30 bp', U.liuQiang, { rateBp: 520 }, null],
    ['an officer cuts 31 bp', U.liuQiang, { rateBp: 519 }, 'forbidden'],
    ['a senior officer cuts 80 bp', U.zhaoMin, { rateBp: 470 }, null],
    ['anyone raises the rate', U.liuQiang, { rateBp: 800 }, null],
    ['anyone the same figures as now', U.liuQiang, { limitFen: 30 * WAN, rateBp: 550 }, 'validation'],
    ['without a limit or a rate', U.liuQiang, {}, 'validation'],
    ['without a reason', U.liuQiang, { rateBp: 540, reason: '  ' }, 'validation'],
  ] as [string, UserRef, Record<string, unknown>, string | null][])('%s', (label, who, fields, code) => {
    const c = label.includes('grade C') ? big('C') : big();
    const r = override(who, fields, c);
    if (code === null) expectOk(r);
    else expectError(r, code as 'forbidden');
  });

  it('never prices below the floor, whatever the authority', () => {
    const floorBaseline = { ...BASELINE, modelRateBp: 380, currentRateBp: 380 };
    const r = decideCommand('overrideScreening', heldBy(big(), U.zhaoMin), { caseId: CASE_ID, rateBp: 344, reason: '客户议价', baseline: floorBaseline }, ctxFor(U.zhaoMin));
    expect(expectError(r, 'validation').message).toBe('利率不得低于定价底线 3.45%');
    expectOk(decideCommand('overrideScreening', heldBy(big(), U.zhaoMin), { caseId: CASE_ID, rateBp: 345, reason: '客户议价', baseline: floorBaseline }, ctxFor(U.zhaoMin)));
  });

  it('records old and new figures and the reason, and leaves the case where it is', () => {
    const [e] = expectOk(override(U.liuQiang, { limitFen: 80 * WAN, rateBp: 530 }));
    expect(e!.type).toBe('screeningOverridden');
    expect(e!.to).toBeUndefined();
    expect(e!.details).toEqual({
      reason: '经营流水稳定，综合贡献高',
      ruleSetVersion: 2,
      resultId: 9,
      limit: '300,000.00 → 800,000.00',
      rate: '5.50% → 5.30%',
      values: { role: 'officer', limitFromFen: 30 * WAN, limitToFen: 80 * WAN, rateFromBp: 550, rateToBp: 530 },
    });
  });

  it('is refused to an officer who does not hold the case or checked its documents', () => {
    expectError(decideCommand('overrideScreening', big(), { caseId: CASE_ID, rateBp: 540, reason: '客户议价', baseline: BASELINE }, ctxFor(U.liuQiang)), 'forbidden');
    const checkedByHim = { ...big(), checkers: [U.huangLei.id], checkedBy: U.huangLei.id };
    expectError(decideCommand('overrideScreening', heldBy(checkedByHim, U.huangLei), { caseId: CASE_ID, rateBp: 540, reason: '客户议价', baseline: BASELINE }, ctxFor(U.huangLei)), 'sod-violation');
  });
});

describe('overrideBaseline', () => {
  const result = { id: 7, evaluation: { ruleSetVersion: 2, limit: { limitFen: 200_000_00 }, price: { rateBp: 550, floorBp: 400 } } } as unknown as Parameters<typeof overrideBaseline>[0];
  const policy = { pricing: { overrideCutBp: { officer: 20, senior_officer: 50 } } } as unknown as Parameters<typeof overrideBaseline>[1];
  it('takes the model figures, the latest override of each, the floor and the rate authority of the version that screened', () => {
    expect(overrideBaseline(result, policy, [])).toEqual({
      resultId: 7,
      ruleSetVersion: 2,
      modelLimitFen: 200_000_00,
      modelRateBp: 550,
      currentLimitFen: 200_000_00,
      currentRateBp: 550,
      floorBp: 400,
      rateCutBp: { officer: 20, senior_officer: 50 },
    });
    const b = overrideBaseline(result, policy, [
      { limitFen: 150_000_00, rateBp: null },
      { limitFen: null, rateBp: 540 },
      { limitFen: 120_000_00, rateBp: null },
    ]);
    expect([b.currentLimitFen, b.currentRateBp]).toEqual([120_000_00, 540]);
    expect(afterOverride(b, { rateBp: 535 })).toMatchObject({ currentLimitFen: 120_000_00, currentRateBp: 535, modelRateBp: 550 });
  });
});
