import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Permission } from '../auth/permissions';
import { ROLES, type Role } from '../auth/roles';
import { ROLE_PERMISSIONS } from '../auth/permissions';
import type { ApplicationData, CaseRecord } from '../domain/case';
import type { ErrorCode } from '../errors';
import { ok } from '../errors';
import { teamFor, type ProductCode, type Segment, type Team } from '../products/catalog';
import { DEFAULT_SLA_POLICY } from '../sla/sla-policy';
import { DEFAULT_CALENDAR, addWorkingMinutes } from '../sla/working-time';
import { CASE_STATES, type CaseState } from '../workflow/states';
import { canTransition } from '../workflow/transitions';
import { evolve } from './evolve';
import { COMMANDS, decideCommand, isCommandName, type CommandName } from './registry';
import type { CaseEvent, UserRef } from './types';
import { NOW, DOC_DUE, user, U, ctxFor, CASE_ID, APPLICATION, APPROVE_PROPOSAL, DECLINE_PROPOSAL, caseIn, heldBy, HOLDABLE, SHA, expectOk, expectError, run } from './command-fixtures';

/** The screening figures an override is measured against (filled in by the host in real use). */
const OVERRIDE_BASELINE = {
  resultId: 1,
  ruleSetVersion: 1,
  modelLimitFen: 20_000_000,
  modelRateBp: 520,
  currentLimitFen: 20_000_000,
  currentRateBp: 520,
  floorBp: 345,
  rateCutBp: { officer: 30, senior_officer: 80 },
};

/** A document added to the case, and a clerk's review of one of its fields (shared/commands/documents.ts). */
const ADD_DOCUMENT = { caseId: CASE_ID, documentId: 'd-1', fileName: '身份证.jpg', sha256: SHA, mime: 'image/jpeg', sizeBytes: 123_456, pages: 1 };
const REVIEW_DOCUMENT = { caseId: CASE_ID, documentId: 'd-1', kind: 'id_card_front', review: { action: 'confirmField', field: 'name', value: '张三', sensitive: false } };

// ---------------------------------------------------------------------------------------------------------
// Every command × every state, with the right person acting
// ---------------------------------------------------------------------------------------------------------

const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** The person who works a case in this state: the one who would claim it, or be assigned it. */
function stageWorker(state: CaseState): UserRef {
  switch (state) {
    case 'investigation':
      return U.zhangWei;
    case 'approval':
    case 'proposed': // proposed by 张伟, so 刘强 is the second officer
      return U.liuQiang;
    default:
      return U.liNa; // submitted, doc_check (held by 王芳), approved (contract desk); nobody for the rest
  }
}

interface Scenario {
  actor: UserRef;
  c: CaseRecord;
  payload: Record<string, unknown>;
}

/** For commands that need the actor to hold the case: the actor holds it wherever a case can be held. */
function holding(actor: UserRef, payload: Record<string, unknown>) {
  return (s: CaseState): Scenario => ({ actor, c: HOLDABLE.includes(s) ? heldBy(caseIn(s), actor) : caseIn(s), payload });
}

const SCENARIO: Record<CommandName, (s: CaseState) => Scenario> = {
  submit: (s) => ({ actor: U.intake, c: caseIn(s), payload: { caseId: CASE_ID, data: APPLICATION } }),
  resubmit: (s) => ({ actor: U.intake, c: caseIn(s), payload: { caseId: CASE_ID, note: '已补充完税证明' } }),
  withdraw: (s) => ({ actor: U.sunLi, c: caseIn(s), payload: { caseId: CASE_ID, reason: '客户主动撤回申请' } }),
  claim: (s) => ({ actor: stageWorker(s), c: caseIn(s), payload: { caseId: CASE_ID } }),
  release: (s) => holding(stageWorker(s), { caseId: CASE_ID })(s),
  assign: (s) => ({ actor: U.sunLi, c: caseIn(s), payload: { caseId: CASE_ID, assigneeId: stageWorker(s).id, reason: '平衡工作量' } }),
  passDocCheck: holding(U.wangFang, { caseId: CASE_ID }),
  returnForSupplement: holding(U.wangFang, { caseId: CASE_ID, reasons: ['营业执照照片模糊'] }),
  completeScreening: (s) => ({ actor: U.intake, c: caseIn(s), payload: { caseId: CASE_ID, outcome: 'approval' } }),
  completeInvestigation: holding(U.zhangWei, { caseId: CASE_ID, outcome: 'approval', findings: '实地走访，经营正常' }),
  propose: holding(U.liuQiang, {
    caseId: CASE_ID,
    proposal: { decision: 'approve', amountFen: 50_000_000, termMonths: 12, rateBp: 435, repaymentMethod: 'equal_installment' },
  }),
  confirm: holding(U.liuQiang, { caseId: CASE_ID, comment: '同意' }),
  sendBack: holding(U.liuQiang, { caseId: CASE_ID, comment: '请复核定价' }),
  returnToDocCheck: holding(U.liuQiang, { caseId: CASE_ID, reasons: ['营业执照与申请企业名称不符'] }),
  recordContract: holding(U.liNa, { caseId: CASE_ID, contractNo: 'HT-2026-000123', sha256: SHA }),
  overrideScreening: holding(U.liuQiang, { caseId: CASE_ID, limitFen: 30_000_000, reason: '经营流水稳定，按测额调整', baseline: OVERRIDE_BASELINE }),
  // The branch adds documents while it holds the case; during the check, the clerk holding it may.
  addDocument: (s) => (s === 'doc_check' ? holding(U.wangFang, ADD_DOCUMENT)(s) : { actor: U.intake, c: caseIn(s), payload: ADD_DOCUMENT }),
  reviewDocument: holding(U.wangFang, REVIEW_DOCUMENT),
};

/**
 * Expected outcome per command and state, written from DESIGN §2: a state name = accepted and the case ends
 * there; '!' = refused as invalid-transition; '!code' = refused with that code.
 * Columns follow CASE_STATES:
 *   submitted, doc_check, returned, screening, investigation, approval, proposed, approved, contracted, declined, withdrawn
 */
type Cell = CaseState | '!' | `!${ErrorCode}`;
const X = '!' as const;
const EXPECTED: Record<CommandName, readonly Cell[]> = {
  // An application is submitted once; any existing record is a conflict.
  submit: ['!conflict', '!conflict', '!conflict', '!conflict', '!conflict', '!conflict', '!conflict', '!conflict', '!conflict', '!conflict', '!conflict'],
  resubmit: [X, X, 'submitted', X, X, X, X, X, X, X, X],
  withdraw: ['withdrawn', 'withdrawn', 'withdrawn', 'withdrawn', 'withdrawn', 'withdrawn', 'withdrawn', 'withdrawn', X, X, X],
  // doc_check is always held by the clerk who claimed it (王芳), so another clerk's claim is a conflict.
  claim: ['doc_check', '!conflict', X, X, 'investigation', 'approval', 'proposed', 'approved', X, X, X],
  // Nobody holds a submitted case, so there is nothing the actor could release ('请先领取该案件').
  release: ['!forbidden', 'submitted', X, X, 'investigation', 'approval', 'proposed', 'approved', X, X, X],
  assign: ['doc_check', 'doc_check', X, X, 'investigation', 'approval', 'proposed', 'approved', X, X, X],
  passDocCheck: [X, 'screening', X, X, X, X, X, X, X, X, X],
  returnForSupplement: [X, 'returned', X, X, X, X, X, X, X, X, X],
  completeScreening: [X, X, X, 'approval', X, X, X, X, X, X, X],
  completeInvestigation: [X, X, X, X, 'approval', X, X, X, X, X, X],
  propose: [X, X, X, X, X, 'proposed', X, X, X, X, X],
  confirm: [X, X, X, X, X, X, 'approved', X, X, X, X],
  sendBack: [X, X, X, X, X, X, 'approval', X, X, X, X],
  returnToDocCheck: [X, X, X, X, X, 'doc_check', X, X, X, X, X],
  recordContract: [X, X, X, X, X, X, X, 'contracted', X, X, X],
  // An override changes the figures, not the state; only the officer holding an approval case may make it.
  overrideScreening: [X, X, X, X, X, 'approval', X, X, X, X, X],
  // Documents change the evidence, not the state.
  addDocument: ['submitted', 'doc_check', 'returned', X, X, X, X, X, X, X, X],
  reviewDocument: [X, 'doc_check', X, X, X, X, X, X, X, X, X],
};

const MATRIX = COMMAND_NAMES.flatMap((name) =>
  CASE_STATES.map((state, i) => {
    const cell = EXPECTED[name][i]!;
    const outcome = cell.startsWith('!') ? `is refused (${cell === X ? 'invalid-transition' : cell.slice(1)})` : `moves the case to ${cell}`;
    return { name, state, cell, outcome };
  }),
);

describe('decideCommand: every command in every state', () => {
  it('covers the 18 commands and 11 states', () => {
    expect([...COMMAND_NAMES].sort()).toEqual(
      [
        'assign',
        'claim',
        'completeInvestigation',
        'completeScreening',
        'confirm',
        'passDocCheck',
        'propose',
        'recordContract',
        'release',
        'resubmit',
        'returnForSupplement',
        'returnToDocCheck',
        'sendBack',
        'submit',
        'withdraw',
        'overrideScreening',
        'addDocument',
        'reviewDocument',
      ].sort(),
    );
    for (const name of COMMAND_NAMES) {
      expect(EXPECTED[name]).toHaveLength(CASE_STATES.length);
      expect(isCommandName(name)).toBe(true);
      expect(COMMANDS[name].name).toBe(name);
    }
    expect(isCommandName('approveEverything')).toBe(false);
    expect(isCommandName('toString')).toBe(false);
    expect(MATRIX).toHaveLength(18 * 11);
  });

  for (const { name, state, cell, outcome } of MATRIX) it(`${name} on a ${state} case ${outcome}`, () => {
    const { actor, c, payload } = SCENARIO[name](state);
    const result = decideCommand(name, c, payload, ctxFor(actor));
    if (cell.startsWith('!')) {
      expectError(result, cell === X ? 'invalid-transition' : (cell.slice(1) as ErrorCode));
      return;
    }
    const events = expectOk(result);
    expect(events).toHaveLength(1);
    expect(events[0]!.caseId).toBe(CASE_ID);
    expect(events[0]!.at).toBe(NOW);
    expect(events[0]!.by).toBe(actor.id);
    expect(events[0]!.byName).toBe(actor.name);
    const next = evolve(c, events);
    expect(next.state).toBe(cell);
    expect(canTransition(state, next.state)).toBe(true);
    expect(next.version).toBe(c.version + 1);
    expect(c.state).toBe(state); // the input record is not mutated
  });

  it.each(COMMAND_NAMES.filter((n) => n !== 'submit'))('%s of a missing case is refused as not-found', (name) => {
    const { actor, payload } = SCENARIO[name]('approval');
    expectError(decideCommand(name, null, payload, ctxFor(actor)), 'not-found');
  });

  it('accepts every state-changing result only along an edge of the state machine', () => {
    let accepted = 0;
    for (const { name, state } of MATRIX) {
      const { actor, c, payload } = SCENARIO[name](state);
      const r = decideCommand(name, c, payload, ctxFor(actor));
      if (!r.ok) continue;
      accepted += 1;
      for (const e of r.value) if (e.to) expect(canTransition(state, e.to)).toBe(true);
    }
    expect(accepted).toBe(MATRIX.filter((m) => !m.cell.startsWith('!')).length);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Permissions: each command and each role
// ---------------------------------------------------------------------------------------------------------

interface PermissionCase {
  label: string;
  name: CommandName;
  needs: Permission;
  /** Written from DESIGN §1/§3 and checked against ROLE_PERMISSIONS below. */
  roles: readonly Role[];
  build(probe: UserRef): { c: CaseRecord | null; payload: Record<string, unknown> };
}

const PERMISSION_CASES: PermissionCase[] = [
  { label: 'submit', name: 'submit', needs: 'case.submit', roles: ['admin', 'system'], build: () => ({ c: null, payload: { caseId: CASE_ID, data: APPLICATION } }) },
  { label: 'resubmit', name: 'resubmit', needs: 'case.submit', roles: ['admin', 'system'], build: () => ({ c: caseIn('returned'), payload: { caseId: CASE_ID } }) },
  {
    label: 'withdraw',
    name: 'withdraw',
    needs: 'case.withdraw',
    roles: ['supervisor', 'admin', 'system'],
    build: () => ({ c: caseIn('approval'), payload: { caseId: CASE_ID, reason: '客户撤回' } }),
  },
  { label: 'claim of a submitted case', name: 'claim', needs: 'doc.work', roles: ['clerk'], build: () => ({ c: caseIn('submitted'), payload: { caseId: CASE_ID } }) },
  {
    label: 'claim of an approval case',
    name: 'claim',
    needs: 'approval.work',
    roles: ['officer', 'senior_officer'],
    build: () => ({ c: caseIn('approval'), payload: { caseId: CASE_ID } }),
  },
  {
    label: 'claim of a proposed case',
    name: 'claim',
    needs: 'approval.work',
    roles: ['officer', 'senior_officer'],
    build: () => ({ c: caseIn('proposed'), payload: { caseId: CASE_ID } }),
  },
  {
    label: 'claim of an investigation case',
    name: 'claim',
    needs: 'investigation.work',
    roles: ['officer', 'senior_officer'],
    build: () => ({ c: caseIn('investigation'), payload: { caseId: CASE_ID } }),
  },
  { label: 'claim of an approved case', name: 'claim', needs: 'contract.work', roles: ['clerk'], build: () => ({ c: caseIn('approved'), payload: { caseId: CASE_ID } }) },
  {
    label: 'release of a doc_check case',
    name: 'release',
    needs: 'doc.work',
    roles: ['clerk'],
    build: (p) => ({ c: heldBy(caseIn('doc_check'), p), payload: { caseId: CASE_ID } }),
  },
  {
    label: 'release of an approval case',
    name: 'release',
    needs: 'approval.work',
    roles: ['officer', 'senior_officer'],
    build: (p) => ({ c: heldBy(caseIn('approval'), p), payload: { caseId: CASE_ID } }),
  },
  {
    label: 'release of a proposed case',
    name: 'release',
    needs: 'approval.work',
    roles: ['officer', 'senior_officer'],
    build: (p) => ({ c: heldBy(caseIn('proposed'), p), payload: { caseId: CASE_ID } }),
  },
  {
    label: 'release of an investigation case',
    name: 'release',
    needs: 'investigation.work',
    roles: ['officer', 'senior_officer'],
    build: (p) => ({ c: heldBy(caseIn('investigation'), p), payload: { caseId: CASE_ID } }),
  },
  {
    label: 'release of an approved case',
    name: 'release',
    needs: 'contract.work',
    roles: ['clerk'],
    build: (p) => ({ c: heldBy(caseIn('approved'), p), payload: { caseId: CASE_ID } }),
  },
  {
    label: 'assign',
    name: 'assign',
    needs: 'case.assign',
    roles: ['supervisor'],
    build: () => ({ c: caseIn('submitted'), payload: { caseId: CASE_ID, assigneeId: U.liNa.id, reason: '加急处理' } }),
  },
  {
    label: 'passDocCheck',
    name: 'passDocCheck',
    needs: 'doc.work',
    roles: ['clerk'],
    build: (p) => ({ c: heldBy(caseIn('doc_check'), p), payload: { caseId: CASE_ID } }),
  },
  {
    label: 'returnForSupplement',
    name: 'returnForSupplement',
    needs: 'doc.work',
    roles: ['clerk'],
    build: (p) => ({ c: heldBy(caseIn('doc_check'), p), payload: { caseId: CASE_ID, reasons: ['缺少完税证明'] } }),
  },
  {
    label: 'completeScreening',
    name: 'completeScreening',
    needs: 'screening.run',
    roles: ['system'],
    build: () => ({ c: caseIn('screening'), payload: { caseId: CASE_ID, outcome: 'approval' } }),
  },
  {
    label: 'completeInvestigation',
    name: 'completeInvestigation',
    needs: 'investigation.work',
    roles: ['officer', 'senior_officer'],
    build: (p) => ({ c: heldBy(caseIn('investigation'), p), payload: { caseId: CASE_ID, outcome: 'approval', findings: '经营正常' } }),
  },
  {
    label: 'propose',
    name: 'propose',
    needs: 'approval.work',
    roles: ['officer', 'senior_officer'],
    build: (p) => ({
      c: heldBy(caseIn('approval'), p),
      payload: { caseId: CASE_ID, proposal: { decision: 'decline', reasons: ['负债率过高'] } },
    }),
  },
  {
    label: 'confirm',
    name: 'confirm',
    needs: 'approval.work',
    roles: ['officer', 'senior_officer'],
    build: (p) => ({ c: heldBy(caseIn('proposed'), p), payload: { caseId: CASE_ID } }),
  },
  {
    label: 'sendBack',
    name: 'sendBack',
    needs: 'approval.work',
    roles: ['officer', 'senior_officer'],
    build: (p) => ({ c: heldBy(caseIn('proposed'), p), payload: { caseId: CASE_ID, comment: '请补充说明' } }),
  },
  {
    label: 'returnToDocCheck',
    name: 'returnToDocCheck',
    needs: 'approval.work',
    roles: ['officer', 'senior_officer'],
    build: (p) => ({ c: heldBy(caseIn('approval'), p), payload: { caseId: CASE_ID, reasons: ['营业执照与申请企业名称不符'] } }),
  },
  {
    label: 'recordContract',
    name: 'recordContract',
    needs: 'contract.work',
    roles: ['clerk'],
    build: (p) => ({ c: heldBy(caseIn('approved'), p), payload: { caseId: CASE_ID, contractNo: 'HT-2026-000123', sha256: SHA } }),
  },
  {
    label: 'overrideScreening',
    name: 'overrideScreening',
    needs: 'approval.work',
    roles: ['officer', 'senior_officer'],
    build: (p) => ({ c: heldBy(caseIn('approval'), p), payload: { caseId: CASE_ID, rateBp: 500, reason: '综合贡献度高', baseline: OVERRIDE_BASELINE } }),
  },
  { label: 'addDocument at the branch', name: 'addDocument', needs: 'case.submit', roles: ['admin', 'system'], build: () => ({ c: caseIn('submitted'), payload: ADD_DOCUMENT }) },
  {
    label: 'addDocument during the check',
    name: 'addDocument',
    needs: 'doc.work',
    roles: ['clerk'],
    build: (p) => ({ c: heldBy(caseIn('doc_check'), p), payload: ADD_DOCUMENT }),
  },
  {
    label: 'reviewDocument',
    name: 'reviewDocument',
    needs: 'doc.work',
    roles: ['clerk'],
    build: (p) => ({ c: heldBy(caseIn('doc_check'), p), payload: REVIEW_DOCUMENT }),
  },
];

const PERMISSION_MATRIX = PERMISSION_CASES.flatMap((pc) =>
  ROLES.map((role) => ({ ...pc, role, allowed: pc.roles.includes(role), verdict: pc.roles.includes(role) ? 'accepted' : 'forbidden' })),
);

describe('decideCommand: permission of each command for each role', () => {
  it('covers every command', () => {
    expect(new Set(PERMISSION_CASES.map((p) => p.name))).toEqual(new Set(COMMAND_NAMES));
  });

  it.each(PERMISSION_CASES)('the roles allowed to $label are those ROLE_PERMISSIONS grant $needs', ({ needs, roles }) => {
    expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(needs))).toEqual([...roles]);
  });

  for (const { label, name, needs, role, allowed, verdict, build } of PERMISSION_MATRIX) it(`${label} by a lone ${role} is ${verdict}`, () => {
    const probe = user('u-probe', '测试员', [role], 'retail');
    const { c, payload } = build(probe);
    const result = decideCommand(name, c, payload, ctxFor(probe));
    if (allowed) {
      expectOk(result);
    } else {
      const error = expectError(result, 'forbidden');
      expect(error.details).toEqual({ permission: needs });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Specific behaviours
// ---------------------------------------------------------------------------------------------------------

describe('submit', () => {
  it('creates the case in submitted with a fresh 资料审核 clock of 4 working hours', () => {
    const { events, next } = run('submit', null, { caseId: CASE_ID, data: APPLICATION }, U.intake);
    expect(events[0]!.type).toBe('submitted');
    expect(next).toEqual({
      id: CASE_ID,
      state: 'submitted',
      version: 1,
      data: APPLICATION,
      team: 'retail',
      assigneeId: null,
      assigneeName: null,
      checkedBy: null,
      checkers: [],
      riskGrade: null,
      proposal: null,
      submittedAt: NOW,
      stageEnteredAt: NOW,
      slaDueAt: '2026-11-24T06:00:00.000Z', // Tue 10:00 + 240 working minutes = 14:00 Shanghai
      returnCount: 0,
    });
    expect(next.slaDueAt).toBe(addWorkingMinutes(NOW, 240, DEFAULT_CALENDAR));
  });

  it('refuses to submit a case that already exists', () => {
    const error = expectError(decideCommand('submit', caseIn('submitted'), { caseId: CASE_ID, data: APPLICATION }, ctxFor(U.intake)), 'conflict');
    expect(error.message).toBe('该申请已存在');
  });

  const TEAMS: Array<[ProductCode, Segment, number, Team]> = [
    ['credit_fast', 'sole_proprietor', 50_000_000, 'retail'],
    ['tax_loan', 'business_owner', 500_000_000, 'retail'], // not a micro enterprise: amount does not matter
    ['mortgage_fast', 'sole_proprietor', 10_000_000, 'corporate'], // corporate product
    ['invoice_finance', 'farmer', 10_000_000, 'corporate'],
    ['platform_fast', 'micro_enterprise', 300_000_000, 'retail'], // exactly 300万
    ['platform_fast', 'micro_enterprise', 300_000_001, 'corporate'], // above 300万
  ];
  it.each(TEAMS)('routes %s / %s / %i fen to the %s team via teamFor', (productCode, segment, amountFen, team) => {
    const data: ApplicationData = { ...APPLICATION, productCode, segment, amountFen };
    const { events, next } = run('submit', null, { caseId: CASE_ID, data }, U.intake);
    expect(next.team).toBe(team);
    expect(next.team).toBe(teamFor(productCode, segment, amountFen));
    expect(events[0]!.details).toEqual({ appNo: APPLICATION.appNo, productCode, amountFen, branchCode: APPLICATION.branchCode });
  });

  it('refuses application data that breaks the schema, naming the field', () => {
    const data = { ...APPLICATION, applicant: { ...APPLICATION.applicant, idNumber: '32010219850615123' } };
    const error = expectError(decideCommand('submit', null, { caseId: CASE_ID, data }, ctxFor(U.intake)), 'validation');
    expect(String(error.details?.issues)).toContain('data.applicant.idNumber');
  });

  it('refuses a fractional amount of fen', () => {
    const data = { ...APPLICATION, amountFen: 100.5 };
    const error = expectError(decideCommand('submit', null, { caseId: CASE_ID, data }, ctxFor(U.intake)), 'validation');
    expect(String(error.details?.issues)).toContain('data.amountFen');
  });
});

describe('claim', () => {
  it('moves a submitted case to doc_check, held by the claimant, keeping the 资料审核 clock', () => {
    const c = caseIn('submitted');
    const { events, next } = run('claim', c, { caseId: CASE_ID, expectedVersion: 1 }, U.liNa);
    expect(events[0]!.type).toBe('claimed');
    expect(next.state).toBe('doc_check');
    expect(next.assigneeId).toBe(U.liNa.id);
    expect(next.assigneeName).toBe('李娜');
    expect(next.slaDueAt).toBe(DOC_DUE);
    expect(next.stageEnteredAt).toBe(NOW);
  });

  it('refuses a claim of a case held by someone else, naming the holder', () => {
    const error = expectError(decideCommand('claim', caseIn('doc_check'), { caseId: CASE_ID }, ctxFor(U.liNa)), 'conflict');
    expect(error.message).toBe('该案件已被 王芳 领取');
    expect(error.messageEn).toContain('王芳');
    expect(error.details).toEqual({ assigneeName: '王芳' });
  });

  it('refuses a claim of an approval case held by another officer, naming him', () => {
    const c = heldBy(caseIn('approval'), U.zhangWei);
    const error = expectError(decideCommand('claim', c, { caseId: CASE_ID }, ctxFor(U.liuQiang)), 'conflict');
    expect(error.message).toBe('该案件已被 张伟 领取');
  });

  it('refuses to claim a case the actor already holds', () => {
    const error = expectError(decideCommand('claim', caseIn('doc_check'), { caseId: CASE_ID }, ctxFor(U.wangFang)), 'conflict');
    expect(error.message).toBe('您已领取该案件');
  });

  it('refuses a claim when the expected version is stale', () => {
    const error = expectError(decideCommand('claim', caseIn('submitted'), { caseId: CASE_ID, expectedVersion: 0 }, ctxFor(U.liNa)), 'conflict');
    expect(error.message).toBe('案件已被他人更新，请刷新后重试');
  });

  it('keeps state, stage start and SLA clock when an approval case is claimed', () => {
    const c = caseIn('approval');
    const { next } = run('claim', c, { caseId: CASE_ID, expectedVersion: c.version }, U.liuQiang);
    expect(next.state).toBe('approval');
    expect(next.stageEnteredAt).toBe(c.stageEnteredAt);
    expect(next.slaDueAt).toBe(c.slaDueAt);
    expect(next.assigneeId).toBe(U.liuQiang.id);
  });

  it('refuses an approval case to an officer of the other team', () => {
    const error = expectError(decideCommand('claim', caseIn('approval'), { caseId: CASE_ID }, ctxFor(U.chenJing)), 'forbidden');
    expect(error.message).toBe('该案件不属于您所在的审批团队');
  });

  it('lets an officer of the corporate team claim a corporate approval case', () => {
    const { next } = run('claim', caseIn('approval', { team: 'corporate' }), { caseId: CASE_ID }, U.chenJing);
    expect(next.assigneeId).toBe(U.chenJing.id);
  });

  it('lets an officer without a team claim an approval case of any team', () => {
    expect(run('claim', caseIn('approval'), { caseId: CASE_ID }, U.zhaoMin).next.assigneeId).toBe(U.zhaoMin.id);
    expect(run('claim', caseIn('approval', { team: 'corporate' }), { caseId: CASE_ID }, U.zhaoMin).next.assigneeId).toBe(U.zhaoMin.id);
  });

  it('refuses an approval case to a clerk (no approval.work)', () => {
    expectError(decideCommand('claim', caseIn('approval'), { caseId: CASE_ID }, ctxFor(U.liNa)), 'forbidden');
  });

  it('refuses an approval case to the clerk-officer who checked its documents', () => {
    const c = caseIn('approval', { checkedBy: U.huangLei.id });
    const error = expectError(decideCommand('claim', c, { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation');
    expect(error.message).toBe('不能审批本人审核过资料的案件');
  });

  it('refuses a proposed case to the clerk-officer who checked its documents', () => {
    const c = caseIn('proposed', { checkedBy: U.huangLei.id });
    const error = expectError(decideCommand('claim', c, { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation');
    expect(error.message).toBe('不能审批本人审核过资料的案件');
  });

  it('lets a clerk-officer claim an approval case that someone else checked', () => {
    expect(run('claim', caseIn('approval'), { caseId: CASE_ID }, U.huangLei).next.assigneeId).toBe(U.huangLei.id);
  });

  it('refuses a proposed case to the officer who proposed it', () => {
    const error = expectError(decideCommand('claim', caseIn('proposed'), { caseId: CASE_ID }, ctxFor(U.zhangWei)), 'sod-violation');
    expect(error.message).toBe('不能复核本人提交的审批意见');
  });

  it('refuses a case in a state nobody works (returned, screening, terminal)', () => {
    for (const s of ['returned', 'screening', 'contracted', 'declined', 'withdrawn'] as const) {
      expectError(decideCommand('claim', caseIn(s), { caseId: CASE_ID }, ctxFor(U.liNa)), 'invalid-transition');
      expectError(decideCommand('claim', caseIn(s), { caseId: CASE_ID }, ctxFor(U.zhangWei)), 'invalid-transition');
    }
  });
});

describe('release', () => {
  it('returns a doc_check case to submitted, unheld, and keeps the 资料审核 clock running from submission', () => {
    const c = caseIn('doc_check');
    const { events, next } = run('release', c, { caseId: CASE_ID }, U.wangFang);
    expect(events[0]!.type).toBe('released');
    expect(next.state).toBe('submitted');
    expect(next.assigneeId).toBeNull();
    expect(next.assigneeName).toBeNull();
    expect(next.slaDueAt).toBe(DOC_DUE);
  });

  it('leaves an approval case in approval with its clock and stage start, unheld', () => {
    const c = heldBy(caseIn('approval'), U.liuQiang);
    const { next } = run('release', c, { caseId: CASE_ID }, U.liuQiang);
    expect(next.state).toBe('approval');
    expect(next.assigneeId).toBeNull();
    expect(next.slaDueAt).toBe(c.slaDueAt);
    expect(next.stageEnteredAt).toBe(c.stageEnteredAt);
  });

  it('refuses a release by someone who does not hold the case, naming the holder', () => {
    const error = expectError(decideCommand('release', caseIn('doc_check'), { caseId: CASE_ID }, ctxFor(U.liNa)), 'forbidden');
    expect(error.message).toBe('该案件由 王芳 处理中，您不能操作');
  });

  it('refuses a release of an unheld case', () => {
    const error = expectError(decideCommand('release', caseIn('approval'), { caseId: CASE_ID }, ctxFor(U.liuQiang)), 'forbidden');
    expect(error.message).toBe('请先领取该案件');
  });
});

describe('assign', () => {
  const assign = (c: CaseRecord, assigneeId: string, reason = '平衡工作量', actor: UserRef = U.sunLi) =>
    decideCommand('assign', c, { caseId: CASE_ID, assigneeId, reason }, ctxFor(actor));

  it('moves a submitted case to doc_check, held by the target, keeping the clock, recording the reason', () => {
    const c = caseIn('submitted');
    const events = expectOk(assign(c, U.liNa.id, '加急'));
    const next = evolve(c, events);
    expect(next.state).toBe('doc_check');
    expect(next.assigneeId).toBe(U.liNa.id);
    expect(next.assigneeName).toBe('李娜');
    expect(next.slaDueAt).toBe(DOC_DUE);
    expect(events[0]!.type).toBe('assigned');
    expect(events[0]!.by).toBe(U.sunLi.id);
    expect(events[0]!.details).toEqual({ reason: '加急', from: null, toName: '李娜' });
  });

  it('reassigns a held doc_check case from one clerk to another', () => {
    const events = expectOk(assign(caseIn('doc_check'), U.liNa.id, '王芳请假'));
    expect(evolve(caseIn('doc_check'), events).assigneeId).toBe(U.liNa.id);
    expect(events[0]!.details).toEqual({ reason: '王芳请假', from: '王芳', toName: '李娜' });
  });

  it('requires a reason of at least 2 characters, not counting surrounding spaces', () => {
    expectError(assign(caseIn('submitted'), U.liNa.id, ''), 'validation');
    expectError(assign(caseIn('submitted'), U.liNa.id, 'x'), 'validation');
    expectError(assign(caseIn('submitted'), U.liNa.id, '  x  '), 'validation');
    expectOk(assign(caseIn('submitted'), U.liNa.id, '急件'));
    expectError(decideCommand('assign', caseIn('submitted'), { caseId: CASE_ID, assigneeId: U.liNa.id }, ctxFor(U.sunLi)), 'validation');
  });

  it('refuses a target who may not work the stage', () => {
    const error = expectError(assign(caseIn('approval'), U.liNa.id), 'forbidden');
    expect(error.message).toBe('李娜 无权处理该阶段的案件');
    expectError(assign(caseIn('submitted'), U.zhangWei.id), 'forbidden');
    expectError(assign(caseIn('approved'), U.zhangWei.id), 'forbidden');
    expectError(assign(caseIn('investigation'), U.liNa.id), 'forbidden');
  });

  it('refuses an inactive or unknown target', () => {
    expectError(assign(caseIn('approval'), U.wuJun.id), 'not-found');
    expectError(assign(caseIn('approval'), 'u-nobody'), 'not-found');
  });

  it('refuses to give an approval or proposed case to the person who checked its documents', () => {
    for (const s of ['approval', 'proposed'] as const) {
      const error = expectError(assign(caseIn(s, { checkedBy: U.huangLei.id }), U.huangLei.id), 'sod-violation');
      expect(error.message).toBe('不能审批本人审核过资料的案件');
    }
  });

  it('refuses to give a proposed case to the officer who proposed it', () => {
    const error = expectError(assign(caseIn('proposed'), U.zhangWei.id), 'sod-violation');
    expect(error.message).toBe('不能复核本人提交的审批意见');
  });

  it('refuses to give an approval case to an officer of the other team', () => {
    expectError(assign(caseIn('approval'), U.chenJing.id), 'forbidden');
    expectOk(assign(caseIn('approval', { team: 'corporate' }), U.chenJing.id));
  });

  it('refuses to assign a case to its current holder', () => {
    const error = expectError(assign(heldBy(caseIn('approval'), U.liuQiang), U.liuQiang.id), 'conflict');
    expect(error.message).toBe('该案件已由 刘强 处理');
  });

  it('is refused to a clerk (only a supervisor assigns)', () => {
    expectError(assign(caseIn('submitted'), U.liNa.id, '自己领', U.wangFang), 'forbidden');
  });
});

describe('passDocCheck', () => {
  it('records the checker, clears the holder, moves to screening and stops the clock', () => {
    const c = caseIn('doc_check');
    const { events, next } = run('passDocCheck', c, { caseId: CASE_ID, note: '资料齐全' }, U.wangFang);
    expect(events[0]!.type).toBe('docCheckPassed');
    expect(events[0]!.details).toEqual({ note: '资料齐全' });
    expect(next.state).toBe('screening');
    expect(next.checkedBy).toBe(U.wangFang.id);
    expect(next.assigneeId).toBeNull();
    expect(next.assigneeName).toBeNull();
    expect(next.slaDueAt).toBeNull();
    expect(next.stageEnteredAt).toBe(NOW);
  });

  it('is refused to a clerk who does not hold the case', () => {
    expectError(decideCommand('passDocCheck', caseIn('doc_check'), { caseId: CASE_ID }, ctxFor(U.liNa)), 'forbidden');
  });
});

describe('returnForSupplement', () => {
  it('sends the case to the branch, counting the return and keeping the reasons', () => {
    const c = caseIn('doc_check');
    const { events, next } = run('returnForSupplement', c, { caseId: CASE_ID, reasons: ['缺少完税证明', '身份证背面模糊'] }, U.wangFang);
    expect(next.state).toBe('returned');
    expect(next.returnCount).toBe(1);
    expect(next.assigneeId).toBeNull();
    expect(next.slaDueAt).toBeNull();
    expect(events[0]!.details).toEqual({ reasons: ['缺少完税证明', '身份证背面模糊'] });
  });

  it('counts a second return on top of the first', () => {
    const { next } = run('returnForSupplement', caseIn('doc_check', { returnCount: 1 }), { caseId: CASE_ID, reasons: ['仍缺完税证明'] }, U.wangFang);
    expect(next.returnCount).toBe(2);
  });

  it('requires at least one non-blank reason', () => {
    const ctx = ctxFor(U.wangFang);
    expectError(decideCommand('returnForSupplement', caseIn('doc_check'), { caseId: CASE_ID, reasons: [] }, ctx), 'validation');
    expectError(decideCommand('returnForSupplement', caseIn('doc_check'), { caseId: CASE_ID }, ctx), 'validation');
    expectError(decideCommand('returnForSupplement', caseIn('doc_check'), { caseId: CASE_ID, reasons: ['   '] }, ctx), 'validation');
  });
});

describe('resubmit', () => {
  it('puts a returned case back in the 资料审核 queue with a fresh 4-working-hour clock', () => {
    const { next } = run('resubmit', caseIn('returned'), { caseId: CASE_ID, note: '已补件' }, U.intake);
    expect(next.state).toBe('submitted');
    expect(next.slaDueAt).toBe(addWorkingMinutes(NOW, 240, DEFAULT_CALENDAR));
    expect(next.slaDueAt).toBe('2026-11-24T06:00:00.000Z');
    expect(next.stageEnteredAt).toBe(NOW);
    expect(next.returnCount).toBe(1);
    expect(next.assigneeId).toBeNull();
  });

  it('counts the fresh clock in working time (Friday 16:30 + 4 h → Monday 12:00)', () => {
    const friday = '2026-11-27T08:30:00.000Z'; // Fri 16:30 Shanghai
    const { next } = run('resubmit', caseIn('returned'), { caseId: CASE_ID }, U.intake, friday);
    expect(next.slaDueAt).toBe('2026-11-30T04:00:00.000Z'); // 60 min Friday + 180 min Monday → 12:00
  });
});

describe('withdraw', () => {
  it('withdraws a held case, clearing the holder and the clock', () => {
    const { events, next } = run('withdraw', caseIn('doc_check'), { caseId: CASE_ID, reason: '客户不再需要' }, U.sunLi);
    expect(next.state).toBe('withdrawn');
    expect(next.assigneeId).toBeNull();
    expect(next.slaDueAt).toBeNull();
    expect(events[0]!.details).toEqual({ reason: '客户不再需要' });
  });

  it('requires a reason of at least 2 characters', () => {
    expectError(decideCommand('withdraw', caseIn('approval'), { caseId: CASE_ID, reason: ' 撤 ' }, ctxFor(U.sunLi)), 'validation');
  });
});

describe('completeScreening', () => {
  it('sends the case to approval with a 1-working-day (510 min) clock', () => {
    const { next } = run('completeScreening', caseIn('screening'), { caseId: CASE_ID, outcome: 'approval' }, U.intake);
    expect(next.state).toBe('approval');
    expect(next.slaDueAt).toBe(addWorkingMinutes(NOW, 510, DEFAULT_CALENDAR));
    expect(next.slaDueAt).toBe('2026-11-25T02:00:00.000Z'); // Wed 10:00 Shanghai
    expect(next.assigneeId).toBeNull();
    expect(next.checkedBy).toBe(U.wangFang.id);
  });

  it('opens an investigation work order with its own clock', () => {
    const { events, next } = run('completeScreening', caseIn('screening'), { caseId: CASE_ID, outcome: 'investigation', reasons: ['R12 抵押物为异地房产'] }, U.intake);
    expect(next.state).toBe('investigation');
    expect(next.slaDueAt).toBe(addWorkingMinutes(NOW, DEFAULT_SLA_POLICY.investigationMinutes, DEFAULT_CALENDAR));
    expect(events[0]!.details).toEqual({ outcome: 'investigation', reasons: ['R12 抵押物为异地房产'] });
  });

  it('declines the case with no clock', () => {
    const { events, next } = run('completeScreening', caseIn('screening'), { caseId: CASE_ID, outcome: 'declined' }, U.intake);
    expect(next.state).toBe('declined');
    expect(next.slaDueAt).toBeNull();
    expect(events[0]!.details).toEqual({ outcome: 'declined', reasons: [] });
  });

  it('refuses an outcome outside approval / investigation / declined', () => {
    for (const outcome of ['approved', 'proposed', 'contracted', '']) {
      expectError(decideCommand('completeScreening', caseIn('screening'), { caseId: CASE_ID, outcome }, ctxFor(U.intake)), 'validation');
    }
  });
});

describe('completeInvestigation', () => {
  const inv = () => heldBy(caseIn('investigation'), U.zhangWei);

  it('sends the case to approval with a fresh approval clock and no holder', () => {
    const { next } = run('completeInvestigation', inv(), { caseId: CASE_ID, outcome: 'approval', findings: '经营正常' }, U.zhangWei);
    expect(next.state).toBe('approval');
    expect(next.assigneeId).toBeNull();
    expect(next.slaDueAt).toBe('2026-11-25T02:00:00.000Z');
  });

  it('declines the case', () => {
    const { next } = run('completeInvestigation', inv(), { caseId: CASE_ID, outcome: 'declined', findings: '实际经营地不存在' }, U.zhangWei);
    expect(next.state).toBe('declined');
    expect(next.slaDueAt).toBeNull();
  });

  it('requires findings and refuses an officer who does not hold the work order', () => {
    expectError(decideCommand('completeInvestigation', inv(), { caseId: CASE_ID, outcome: 'approval', findings: '好' }, ctxFor(U.zhangWei)), 'validation');
    expectError(decideCommand('completeInvestigation', inv(), { caseId: CASE_ID, outcome: 'approval', findings: '经营正常' }, ctxFor(U.liuQiang)), 'forbidden');
  });

  it('cannot skip approval', () => {
    expectError(decideCommand('completeInvestigation', inv(), { caseId: CASE_ID, outcome: 'approved', findings: '经营正常' }, ctxFor(U.zhangWei)), 'validation');
  });
});

describe('propose', () => {
  const approval = () => heldBy(caseIn('approval'), U.zhangWei);
  const approve = { decision: 'approve', amountFen: 40_000_000, termMonths: 12, rateBp: 435, repaymentMethod: 'equal_principal' } as const;

  it('records the proposal by the holder and puts the case in the 复核 queue with a 4-working-hour clock', () => {
    const { events, next } = run('propose', approval(), { caseId: CASE_ID, proposal: approve }, U.zhangWei);
    expect(next.state).toBe('proposed');
    // 40万 of a grade-B credit loan is within an officer's band (≤ 100万) under matrix version 1.
    expect(next.proposal).toEqual({ ...approve, by: U.zhangWei.id, byName: '张伟', at: NOW, required: 'officer', matrixVersion: 1, confirmations: [] });
    expect(next.assigneeId).toBeNull();
    expect(next.slaDueAt).toBe(addWorkingMinutes(NOW, 240, DEFAULT_CALENDAR));
    expect(events[0]!.details).toEqual({ proposal: approve, required: 'officer', matrixVersion: 1 });
  });

  it('accepts a decline proposal with reasons, and refuses one without', () => {
    const { next } = run('propose', approval(), { caseId: CASE_ID, proposal: { decision: 'decline', reasons: ['负债率过高'] } }, U.zhangWei);
    expect(next.proposal?.decision).toBe('decline');
    expect(next.proposal?.reasons).toEqual(['负债率过高']);
    expectError(decideCommand('propose', approval(), { caseId: CASE_ID, proposal: { decision: 'decline', reasons: [] } }, ctxFor(U.zhangWei)), 'validation');
    expectError(decideCommand('propose', approval(), { caseId: CASE_ID, proposal: { decision: 'decline' } }, ctxFor(U.zhangWei)), 'validation');
  });

  it('refuses an approve proposal without a rate, or with an unknown decision', () => {
    const { rateBp: _omit, ...noRate } = approve;
    expectError(decideCommand('propose', approval(), { caseId: CASE_ID, proposal: noRate }, ctxFor(U.zhangWei)), 'validation');
    expectError(decideCommand('propose', approval(), { caseId: CASE_ID, proposal: { ...approve, decision: 'maybe' } }, ctxFor(U.zhangWei)), 'validation');
  });

  it('refuses an officer who does not hold the case', () => {
    expectError(decideCommand('propose', approval(), { caseId: CASE_ID, proposal: approve }, ctxFor(U.liuQiang)), 'forbidden');
  });

  it('refuses the clerk-officer who checked the documents, even when he holds the case', () => {
    const c = heldBy(caseIn('approval', { checkedBy: U.huangLei.id }), U.huangLei);
    const error = expectError(decideCommand('propose', c, { caseId: CASE_ID, proposal: approve }, ctxFor(U.huangLei)), 'sod-violation');
    expect(error.message).toBe('不能审批本人审核过资料的案件');
  });
});

describe('confirm', () => {
  it('approves the case on an approve proposal', () => {
    const { events, next } = run('confirm', heldBy(caseIn('proposed'), U.liuQiang), { caseId: CASE_ID, comment: '同意' }, U.liuQiang);
    expect(next.state).toBe('approved');
    expect(next.assigneeId).toBeNull();
    expect(next.slaDueAt).toBeNull();
    expect(next.proposal).toEqual({ ...APPROVE_PROPOSAL, confirmations: [{ by: U.liuQiang.id, byName: '刘强', at: NOW, matrixVersion: 1 }] });
    expect(events[0]!.details).toEqual({ decision: 'approve', maker: U.zhangWei.id, makerName: '张伟', required: 'officer', matrixVersion: 1, confirmation: 1, complete: true, comment: '同意' });
  });

  it('declines the case on a decline proposal', () => {
    const c = heldBy(caseIn('proposed', { proposal: DECLINE_PROPOSAL }), U.liuQiang);
    const { events, next } = run('confirm', c, { caseId: CASE_ID }, U.liuQiang);
    expect(next.state).toBe('declined');
    expect(events[0]!.details).toEqual({ decision: 'decline', maker: U.zhangWei.id, makerName: '张伟', required: 'officer', matrixVersion: 1, confirmation: 1, complete: true });
  });

  it('refuses a confirmation by the proposing officer', () => {
    const error = expectError(decideCommand('confirm', caseIn('proposed'), { caseId: CASE_ID }, ctxFor(U.zhangWei)), 'sod-violation');
    expect(error.message).toBe('不能复核本人提交的审批意见');
  });

  it('refuses a confirmation by the proposer even if a stale record shows him as holder (other offline client)', () => {
    const c = heldBy(caseIn('proposed'), U.zhangWei);
    expectError(decideCommand('confirm', c, { caseId: CASE_ID }, ctxFor(U.zhangWei)), 'sod-violation');
  });

  it('refuses a confirmation by the clerk-officer who checked the documents', () => {
    const c = heldBy(caseIn('proposed', { checkedBy: U.huangLei.id }), U.huangLei);
    const error = expectError(decideCommand('confirm', c, { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation');
    expect(error.message).toBe('不能审批本人审核过资料的案件');
  });

  it('refuses a second officer who has not claimed the case', () => {
    expectError(decideCommand('confirm', caseIn('proposed'), { caseId: CASE_ID }, ctxFor(U.liuQiang)), 'forbidden');
  });

  it('refuses a proposed record without a proposal', () => {
    const c = heldBy(caseIn('proposed', { proposal: null }), U.liuQiang);
    expectError(decideCommand('confirm', c, { caseId: CASE_ID }, ctxFor(U.liuQiang)), 'invalid-transition');
  });
});

describe('sendBack', () => {
  it('returns the case to approval, held by the proposer, with the proposal cleared and a fresh approval clock', () => {
    const { events, next } = run('sendBack', heldBy(caseIn('proposed'), U.liuQiang), { caseId: CASE_ID, comment: '利率偏低' }, U.liuQiang);
    expect(next.state).toBe('approval');
    expect(next.assigneeId).toBe(U.zhangWei.id);
    expect(next.assigneeName).toBe('张伟');
    expect(next.proposal).toBeNull();
    expect(next.slaDueAt).toBe('2026-11-25T02:00:00.000Z');
    expect(events[0]!.details).toEqual({ comment: '利率偏低' });
  });

  it('requires a comment of at least 2 characters', () => {
    expectError(decideCommand('sendBack', heldBy(caseIn('proposed'), U.liuQiang), { caseId: CASE_ID, comment: '否' }, ctxFor(U.liuQiang)), 'validation');
  });

  it('refuses the proposer sending back his own proposal', () => {
    const error = expectError(decideCommand('sendBack', heldBy(caseIn('proposed'), U.zhangWei), { caseId: CASE_ID, comment: '撤回意见' }, ctxFor(U.zhangWei)), 'sod-violation');
    expect(error.message).toBe('不能退回本人提交的审批意见');
  });

  it('refuses an officer who does not hold the case', () => {
    expectError(decideCommand('sendBack', caseIn('proposed'), { caseId: CASE_ID, comment: '利率偏低' }, ctxFor(U.liuQiang)), 'forbidden');
  });
});

describe('recordContract', () => {
  const approved = () => heldBy(caseIn('approved'), U.liNa);
  const record = (sha256: unknown, actor: UserRef = U.liNa) =>
    decideCommand('recordContract', approved(), { caseId: CASE_ID, contractNo: 'HT-2026-000123', sha256 }, ctxFor(actor));

  it('closes the case as contracted, recording number and hash', () => {
    const events = expectOk(record(SHA));
    const next = evolve(approved(), events);
    expect(next.state).toBe('contracted');
    expect(next.assigneeId).toBeNull();
    expect(events[0]!.details).toEqual({ contractNo: 'HT-2026-000123', sha256: SHA });
  });

  it('requires a sha256 of exactly 64 lower-case hex digits', () => {
    expect(SHA).toMatch(/^[0-9a-f]{64}$/);
    for (const bad of [SHA.slice(1), `${SHA}0`, `g${SHA.slice(1)}`, SHA.toUpperCase(), '', 42]) {
      expectError(record(bad), 'validation');
    }
  });

  it('refuses a contract clerk who does not hold the case', () => {
    expectError(record(SHA, U.wangFang), 'forbidden');
  });
});

describe('payload validation', () => {
  const cases: Array<[string, CommandName, unknown, string]> = [
    ['a missing caseId', 'claim', {}, 'caseId'],
    ['an empty caseId', 'claim', { caseId: '' }, 'caseId'],
    ['a caseId longer than 64', 'claim', { caseId: 'c'.repeat(65) }, 'caseId'],
    ['a numeric caseId', 'release', { caseId: 42 }, 'caseId'],
    ['an extra key', 'claim', { caseId: CASE_ID, force: true }, 'force'],
    ['an extra key beside valid fields', 'passDocCheck', { caseId: CASE_ID, checkedBy: 'u-clerk-ln' }, 'checkedBy'],
    ['a string expectedVersion', 'claim', { caseId: CASE_ID, expectedVersion: '3' }, 'expectedVersion'],
    ['a fractional expectedVersion', 'claim', { caseId: CASE_ID, expectedVersion: 1.5 }, 'expectedVersion'],
    ['reasons as a string', 'returnForSupplement', { caseId: CASE_ID, reasons: '缺件' }, 'reasons'],
    ['an extra key inside the proposal', 'propose', { caseId: CASE_ID, proposal: { decision: 'decline', reasons: ['x'], by: 'u-x' } }, 'by'],
    ['a null payload', 'withdraw', null, ''],
    ['a string payload', 'confirm', CASE_ID, ''],
  ];

  it.each(cases)('refuses %s (%s) with the issues in details', (_label, name, payload, mention) => {
    const actor = SCENARIO[name]('doc_check').actor;
    const error = expectError(decideCommand(name, caseIn('doc_check'), payload, ctxFor(actor)), 'validation');
    expect(error.message).toBe('输入数据不合法');
    const issues = error.details?.issues;
    expect(Array.isArray(issues)).toBe(true);
    expect((issues as unknown[]).length).toBeGreaterThan(0);
    for (const i of issues as unknown[]) expect(typeof i).toBe('string');
    expect((issues as string[]).join('\n')).toContain(mention);
  });

  it('refuses a malformed payload for every command', () => {
    for (const name of COMMAND_NAMES) {
      const { actor, c, payload } = SCENARIO[name]('doc_check');
      expectError(decideCommand(name, c, { ...payload, unexpected: 1 }, ctxFor(actor)), 'validation');
      const { caseId: _drop, ...noId } = payload;
      expectError(decideCommand(name, c, noId, ctxFor(actor)), 'validation');
    }
  });
});

describe('decideCommand refuses events that leave the state machine', () => {
  afterEach(() => vi.restoreAllMocks());

  const ev = (to: CaseState): CaseEvent => ({ type: 'docCheckPassed', caseId: CASE_ID, at: NOW, by: U.wangFang.id, byName: U.wangFang.name, to, details: {} });

  it('refuses a decision that jumps from doc_check straight to contracted', () => {
    vi.spyOn(COMMANDS.passDocCheck, 'decide').mockReturnValue(ok([ev('contracted')]));
    const error = expectError(decideCommand('passDocCheck', caseIn('doc_check'), { caseId: CASE_ID }, ctxFor(U.wangFang)), 'invalid-transition');
    expect(error.details).toEqual({ from: 'doc_check', to: 'contracted' });
  });

  it('checks each event of a sequence from the state the previous one reached', () => {
    const spy = vi.spyOn(COMMANDS.passDocCheck, 'decide');
    spy.mockReturnValue(ok([ev('screening'), ev('approval')]));
    expectOk(decideCommand('passDocCheck', caseIn('doc_check'), { caseId: CASE_ID }, ctxFor(U.wangFang)));
    spy.mockReturnValue(ok([ev('screening'), ev('proposed')]));
    const error = expectError(decideCommand('passDocCheck', caseIn('doc_check'), { caseId: CASE_ID }, ctxFor(U.wangFang)), 'invalid-transition');
    expect(error.details).toEqual({ from: 'screening', to: 'proposed' });
  });
});

describe('a case through the whole line', () => {
  it('goes from submission to contract with dual control, every step along an edge', () => {
    const steps: Array<[CommandName, Record<string, unknown>, UserRef, CaseState]> = [
      ['claim', { caseId: CASE_ID }, U.wangFang, 'doc_check'],
      ['returnForSupplement', { caseId: CASE_ID, reasons: ['缺少完税证明'] }, U.wangFang, 'returned'],
      ['resubmit', { caseId: CASE_ID }, U.intake, 'submitted'],
      ['claim', { caseId: CASE_ID }, U.wangFang, 'doc_check'],
      ['passDocCheck', { caseId: CASE_ID }, U.wangFang, 'screening'],
      ['completeScreening', { caseId: CASE_ID, outcome: 'approval' }, U.intake, 'approval'],
      ['claim', { caseId: CASE_ID }, U.zhangWei, 'approval'],
      ['propose', { caseId: CASE_ID, proposal: { decision: 'approve', amountFen: 50_000_000, termMonths: 12, rateBp: 435, repaymentMethod: 'equal_installment' } }, U.zhangWei, 'proposed'],
      ['claim', { caseId: CASE_ID }, U.liuQiang, 'proposed'],
      ['sendBack', { caseId: CASE_ID, comment: '请调整利率' }, U.liuQiang, 'approval'],
      ['propose', { caseId: CASE_ID, proposal: { decision: 'approve', amountFen: 50_000_000, termMonths: 12, rateBp: 460, repaymentMethod: 'equal_installment' } }, U.zhangWei, 'proposed'],
      ['claim', { caseId: CASE_ID }, U.liuQiang, 'proposed'],
      ['confirm', { caseId: CASE_ID }, U.liuQiang, 'approved'],
      ['claim', { caseId: CASE_ID }, U.liNa, 'approved'],
      ['recordContract', { caseId: CASE_ID, contractNo: 'HT-2026-000123', sha256: SHA }, U.liNa, 'contracted'],
    ];
    let c = run('submit', null, { caseId: CASE_ID, data: APPLICATION }, U.intake).next;
    for (const [name, payload, actor, expectedState] of steps) {
      const before = c;
      c = run(name, c, payload, actor).next;
      expect(c.state, `${name} by ${actor.name}`).toBe(expectedState);
      expect(canTransition(before.state, c.state)).toBe(true);
      expect(c.version).toBe(before.version + 1);
    }
    expect(c.version).toBe(1 + steps.length);
    expect(c.returnCount).toBe(1);
    expect(c.checkedBy).toBe(U.wangFang.id);
    expect(c.proposal?.by).toBe(U.zhangWei.id);
    expect(c.proposal?.rateBp).toBe(460);
    // Nothing can happen to a contracted case any more.
    for (const name of COMMAND_NAMES) {
      const { actor, payload } = SCENARIO[name]('contracted');
      const r = decideCommand(name, c, payload, ctxFor(actor));
      expect(r.ok, name).toBe(false);
    }
  });

  it('does not let the checker or the proposer take part in the approval of the same case', () => {
    let c = run('submit', null, { caseId: CASE_ID, data: APPLICATION }, U.intake).next;
    c = run('claim', c, { caseId: CASE_ID }, U.huangLei).next;
    c = run('passDocCheck', c, { caseId: CASE_ID }, U.huangLei).next;
    c = run('completeScreening', c, { caseId: CASE_ID, outcome: 'approval' }, U.intake).next;
    expectError(decideCommand('claim', c, { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation');
    c = run('claim', c, { caseId: CASE_ID }, U.zhangWei).next;
    c = run('propose', c, { caseId: CASE_ID, proposal: { decision: 'decline', reasons: ['负债率过高'] } }, U.zhangWei).next;
    expectError(decideCommand('claim', c, { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation');
    expectError(decideCommand('claim', c, { caseId: CASE_ID }, ctxFor(U.zhangWei)), 'sod-violation');
    expectError(decideCommand('confirm', c, { caseId: CASE_ID }, ctxFor(U.zhangWei)), 'sod-violation');
    c = run('claim', c, { caseId: CASE_ID }, U.zhaoMin).next;
    c = run('confirm', c, { caseId: CASE_ID }, U.zhaoMin).next;
    expect(c.state).toBe('declined');
  });
});

describe('hardening found in review', () => {
  it('refuses a payload whose caseId is not the case that was loaded', () => {
    const r = decideCommand('claim', caseIn('submitted'), { caseId: 'another-case' }, ctxFor(U.wangFang));
    expect(r.ok || r.error.code).toBe('validation');
  });

  it('refuses a second officer of the other team on a proposed case; an officer with no team may take it', () => {
    const proposed = caseIn('proposed', { assigneeId: null, assigneeName: null });
    const other = decideCommand('claim', proposed, { caseId: CASE_ID }, ctxFor(U.chenJing));
    expect(other.ok || other.error.code).toBe('forbidden');
    expect(decideCommand('claim', proposed, { caseId: CASE_ID }, ctxFor(U.zhaoMin)).ok).toBe(true);
  });

  it('refuses a proposal above the amount applied for', () => {
    const c = caseIn('approval', { assigneeId: U.zhangWei.id, assigneeName: U.zhangWei.name });
    const r = decideCommand(
      'propose',
      c,
      { caseId: CASE_ID, proposal: { decision: 'approve', amountFen: APPLICATION.amountFen + 100, termMonths: 12, rateBp: 435, repaymentMethod: 'equal_installment' } },
      ctxFor(U.zhangWei),
    );
    expect(r.ok || r.error.code).toBe('validation');
  });

  it('refuses blank or odd case ids before looking anything up', () => {
    for (const caseId of ['   ', 'a b', "x'--", '']) {
      const r = decideCommand('claim', null, { caseId }, ctxFor(U.wangFang));
      expect(r.ok || r.error.code).toBe('validation');
    }
  });

  it('never lets evolve replace an existing case with a new submission', () => {
    const c = caseIn('approval');
    const submitted = decideCommand('submit', null, { caseId: CASE_ID, data: APPLICATION }, ctxFor(U.intake));
    expect(submitted.ok).toBe(true);
    if (submitted.ok) expect(() => evolve(c, submitted.value)).toThrow(/existing case/);
  });
});

describe('text that would make an audit entry longer than the change feed carries', () => {
  const payload = (ch: string) => ({ caseId: CASE_ID, reasons: Array.from({ length: 10 }, () => ch.repeat(200)), note: ch.repeat(2000) });
  const c = heldBy(caseIn('doc_check'), U.wangFang);

  it('is refused when control characters (six characters each in JSON) push it past the limit, on any side that decides', () => {
    const e = expectError(decideCommand('returnForSupplement', c, payload('\u0001'), ctxFor(U.wangFang)), 'validation');
    expect(e.message).toContain('过长');
  });

  it('is accepted at the same length in ordinary text', () => {
    const { events } = run('returnForSupplement', c, payload('缺'), U.wangFang);
    expect(events.map((e) => e.type)).toContain('returnedForSupplement');
  });
});
