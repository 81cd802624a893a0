/**
 * Fixtures for the command tests: a small staff table, a realistic application, and the case as it stands in
 * each state. Test support only (imported by *.test.ts files, never by the app).
 */
import { expect } from 'vitest';
import type { Role } from '../auth/roles';
import type { ApplicationData, CaseRecord, Proposal } from '../domain/case';
import type { AppError, ErrorCode, Result } from '../errors';
import type { Team } from '../products/catalog';
import { DEFAULT_AUTHORITY_RULES } from '../approval/authority';
import { DEFAULT_SLA_POLICY } from '../sla/sla-policy';
import { DEFAULT_CALENDAR } from '../sla/working-time';
import { makeCreditCode, makeIdNumber } from '../validators/generate';
import type { CaseState } from '../workflow/states';
import { evolve } from './evolve';
import { decideCommand, type CommandName } from './registry';
import type { CaseEvent, DecideContext, UserRef } from './types';

// ---------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------

/** Tuesday 2026-11-24 10:00 in Shanghai, a working day. */
export const NOW = '2026-11-24T02:00:00.000Z';
/** Monday 2026-11-23 09:30 in Shanghai. */
export const SUBMITTED_AT = '2026-11-23T01:30:00.000Z';
/** SUBMITTED_AT + 4 working hours = Monday 13:30 Shanghai. */
export const DOC_DUE = '2026-11-23T05:30:00.000Z';

export function user(id: string, name: string, roles: Role[], team: Team | null, active = true): UserRef {
  return { id, name, roles, team, active };
}

export const U = {
  wangFang: user('u-clerk-wf', '王芳', ['clerk'], null),
  liNa: user('u-clerk-ln', '李娜', ['clerk'], null),
  zhangWei: user('u-off-zw', '张伟', ['officer'], 'retail'),
  liuQiang: user('u-off-lq', '刘强', ['officer'], 'retail'),
  chenJing: user('u-off-cj', '陈静', ['officer'], 'corporate'),
  zhaoMin: user('u-sen-zm', '赵敏', ['senior_officer'], null),
  qianSenior: user('u-sen-qy', '钱勇', ['senior_officer'], null),
  huangLei: user('u-dual-hl', '黄磊', ['clerk', 'officer'], 'retail'),
  wuJun: user('u-off-wj', '吴军', ['officer'], 'retail', false),
  sunLi: user('u-sup-sl', '孙丽', ['supervisor'], null),
  intake: user('u-sys-intake', '分行受理接口', ['system'], null),
  zhouShen: user('u-aud-zs', '周审', ['auditor'], null),
} as const;
export const USERS: readonly UserRef[] = Object.values(U);

export function ctxFor(actor: UserRef, now = NOW): DecideContext {
  return {
    actor: { id: actor.id, name: actor.name, roles: actor.roles, team: actor.team },
    now,
    calendar: DEFAULT_CALENDAR,
    sla: DEFAULT_SLA_POLICY,
    authority: { version: 1, rules: DEFAULT_AUTHORITY_RULES },
    lookupUser: (id) => USERS.find((u) => u.id === id),
  };
}

export const CASE_ID = 'case-2026-000123';

export const APPLICATION: ApplicationData = {
  appNo: 'XD20261123000123',
  productCode: 'credit_fast',
  segment: 'sole_proprietor',
  amountFen: 50_000_000, // 50万元
  termMonths: 12,
  purpose: '采购原材料',
  branchCode: '320102001',
  branchName: '南京玄武支行',
  priority: 0,
  applicant: {
    name: '刘晓东',
    idNumber: makeIdNumber('320102', '1985-06-15', 123),
    gender: 'M',
    birthDate: '1985-06-15',
    phone: '13912345678',
    address: '南京市玄武区中山路1号',
  },
  enterprise: {
    name: '南京市玄武区晓东五金经营部',
    creditCode: makeCreditCode('92', '320102', 'MA1X2Y3K4'),
    legalRepresentative: '刘晓东',
    registeredCapitalFen: 10_000_000,
    establishedOn: '2018-03-01',
    address: '南京市玄武区中山路1号',
    industry: '批发和零售业',
  },
};

export const APPROVE_PROPOSAL: Proposal = {
  by: U.zhangWei.id,
  byName: U.zhangWei.name,
  at: '2026-11-24T01:00:00.000Z',
  decision: 'approve',
  amountFen: 50_000_000,
  termMonths: 12,
  rateBp: 435,
  repaymentMethod: 'equal_installment',
};

export const DECLINE_PROPOSAL: Proposal = {
  by: U.zhangWei.id,
  byName: U.zhangWei.name,
  at: '2026-11-24T01:00:00.000Z',
  decision: 'decline',
  reasons: ['经营流水不足'],
};

/** A realistic record of the case as it stands in each state (who holds it, clocks, checker, proposal). */
export function caseIn(state: CaseState, overrides: Partial<CaseRecord> = {}): CaseRecord {
  const base: CaseRecord = {
    id: CASE_ID,
    state,
    version: 1,
    data: APPLICATION,
    team: 'retail',
    assigneeId: null,
    assigneeName: null,
    checkedBy: null,
    checkers: [],
    riskGrade: 'B',
    proposal: null,
    submittedAt: SUBMITTED_AT,
    stageEnteredAt: SUBMITTED_AT,
    slaDueAt: null,
    returnCount: 0,
  };
  const checked = { checkedBy: U.wangFang.id, checkers: [U.wangFang.id] };
  const byState: Record<CaseState, Partial<CaseRecord>> = {
    submitted: { slaDueAt: DOC_DUE },
    doc_check: {
      version: 2,
      assigneeId: U.wangFang.id,
      assigneeName: U.wangFang.name,
      stageEnteredAt: '2026-11-23T02:00:00.000Z',
      slaDueAt: DOC_DUE,
    },
    returned: { version: 3, stageEnteredAt: '2026-11-23T03:00:00.000Z', returnCount: 1 },
    screening: { version: 3, ...checked, stageEnteredAt: '2026-11-23T03:00:00.000Z' },
    investigation: { version: 4, ...checked, stageEnteredAt: '2026-11-23T03:01:00.000Z', slaDueAt: '2026-11-25T03:01:00.000Z' },
    approval: { version: 4, ...checked, stageEnteredAt: '2026-11-23T03:01:00.000Z', slaDueAt: '2026-11-24T03:01:00.000Z' },
    proposed: {
      version: 6,
      ...checked,
      proposal: APPROVE_PROPOSAL,
      stageEnteredAt: '2026-11-24T01:00:00.000Z',
      slaDueAt: '2026-11-24T05:00:00.000Z',
    },
    approved: { version: 8, ...checked, proposal: APPROVE_PROPOSAL, stageEnteredAt: '2026-11-24T01:30:00.000Z' },
    contracted: { version: 10, ...checked, proposal: APPROVE_PROPOSAL, stageEnteredAt: '2026-11-24T01:50:00.000Z' },
    declined: { version: 5, ...checked, stageEnteredAt: '2026-11-23T03:01:00.000Z' },
    withdrawn: { version: 3, stageEnteredAt: '2026-11-23T03:00:00.000Z' },
  };
  return { ...base, ...byState[state], ...overrides };
}

export function heldBy(c: CaseRecord, u: UserRef): CaseRecord {
  return { ...c, assigneeId: u.id, assigneeName: u.name };
}

/** States in which a person holds a case after claiming it (a claim of a submitted case moves it to doc_check). */
export const HOLDABLE: readonly CaseState[] = ['doc_check', 'investigation', 'approval', 'proposed', 'approved'];

/** sha256 of '借款合同 HT-2026-000123 v1'. */
export const SHA = '0066cf2dde5d9fb6eefee0424b8ed0cc37956ce31c23924e26cead0284e4a20b';

export function expectOk(r: Result<CaseEvent[]>): CaseEvent[] {
  if (!r.ok) throw new Error(`expected the command to be accepted, got ${r.error.code}: ${r.error.messageEn}`);
  return r.value;
}

export function expectError(r: Result<CaseEvent[]>, code: ErrorCode): AppError {
  if (r.ok) throw new Error(`expected ${code}, but the command was accepted: ${JSON.stringify(r.value.map((e) => e.type))}`);
  expect(r.error.code).toBe(code);
  expect(r.error.message.length).toBeGreaterThan(0);
  expect(r.error.messageEn.length).toBeGreaterThan(0);
  return r.error;
}

/** Runs a command and applies its events; fails the test if refused. */
export function run(name: CommandName, c: CaseRecord | null, payload: unknown, actor: UserRef, now = NOW) {
  const events = expectOk(decideCommand(name, c, payload, ctxFor(actor, now)));
  return { events, next: evolve(c, events) };
}

