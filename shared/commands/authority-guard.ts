import { describeLimit, mayConfirm, REQUIRED_LABELS, requiredAuthority, ruleFor, UNGRADED, type RequiredAuthority } from '../approval/authority';
import type { CaseRecord, Proposal } from '../domain/case';
import { fail } from '../errors';
import type { Actor, DecideContext } from './types';

/** Who must confirm this case's approval under the matrix in force now. */
export function requiredFor(c: CaseRecord, amountFen: number, ctx: DecideContext): RequiredAuthority {
  return requiredAuthority(ctx.authority, c.data.productCode, c.riskGrade ?? UNGRADED, amountFen);
}

/**
 * Why `user` may not confirm `proposal` on `c`, or null if he may: authority must cover the approved amount
 * (declines need no amount authority), and one person confirms only once.
 */
export function confirmationRefusal(c: CaseRecord, proposal: Proposal, user: Actor, ctx: DecideContext) {
  if (proposal.confirmations?.some((k) => k.by === user.id)) {
    return fail('sod-violation', '您已复核过该案件，需由另一名高级审批员复核', 'You have already confirmed this case; another senior officer must confirm');
  }
  if (proposal.decision !== 'approve' || proposal.amountFen === undefined) return null;
  const required = requiredFor(c, proposal.amountFen, ctx);
  if (mayConfirm(user.roles, required)) return null;
  const own = ruleFor(ctx.authority, 'officer', c.data.productCode, c.riskGrade ?? UNGRADED);
  const limit = describeLimit(own);
  return fail(
    'forbidden',
    `审批金额超出您的审批权限（上限 ${limit.zh}），需${REQUIRED_LABELS[required].zh}`,
    `The amount exceeds your approval authority (${limit.en}); ${REQUIRED_LABELS[required].en}`,
    { required, matrixVersion: ctx.authority.version },
  );
}
