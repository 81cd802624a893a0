import type { CaseRecord, Proposal } from '../domain/case';
import { fail, ok, type Result } from '../errors';
import type { ProductCode } from '../products/catalog';
import type { RepaymentMethod } from './repayment-schedule';

/**
 * The approved decision a contract must print, exactly: the terms of the proposal that the second officer
 * confirmed (双人审批), bound to the case. Its canonical JSON is what the contract's footer and metadata hash.
 */
export interface DecisionData {
  caseId: string;
  appNo: string;
  productCode: ProductCode;
  decision: 'approve';
  amountFen: number;
  termMonths: number;
  rateBp: number;
  repaymentMethod: RepaymentMethod;
  /** 担保方式 decided by the officers, where the proposal named one. */
  guaranteeType?: NonNullable<Proposal['guaranteeType']>;
  /** 审批附加条件, printed in the contract. */
  conditions?: string;
  proposedBy: string;
  proposedAt: string;
  /** The checkers (复核) who confirmed, in order. */
  confirmations?: { by: string; at: string }[];
}

export function approvedDecision(c: CaseRecord): Result<DecisionData> {
  const p = c.proposal;
  if (!p || p.decision !== 'approve' || p.amountFen === undefined || p.termMonths === undefined || p.rateBp === undefined || !p.repaymentMethod) {
    return fail('invalid-transition', '该案件没有已批准的审批决定，不能生成合同', 'The case has no approved decision; no contract can be generated');
  }
  return ok({
    caseId: c.id,
    appNo: c.data.appNo,
    productCode: c.data.productCode,
    decision: 'approve',
    amountFen: p.amountFen,
    termMonths: p.termMonths,
    rateBp: p.rateBp,
    repaymentMethod: p.repaymentMethod,
    ...(p.guaranteeType ? { guaranteeType: p.guaranteeType } : {}),
    ...(p.conditions?.trim() ? { conditions: p.conditions.trim() } : {}),
    proposedBy: p.by,
    proposedAt: p.at,
    ...(p.confirmations?.length ? { confirmations: p.confirmations.map((k) => ({ by: k.by, at: k.at })) } : {}),
  });
}

/** JSON with object keys sorted at every level and no whitespace, so the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
}
