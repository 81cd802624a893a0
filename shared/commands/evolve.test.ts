import { describe, expect, it } from 'vitest';
import type { ApplicationData, CaseRecord, Proposal } from '../domain/case';
import { evolve } from './evolve';
import type { CaseEvent, CaseEventType } from './types';

const ID = 'case-2026-000777';
const T0 = '2026-11-23T01:30:00.000Z';
const T1 = '2026-11-23T02:00:00.000Z';
const T2 = '2026-11-23T03:00:00.000Z';
const T3 = '2026-11-23T04:00:00.000Z';

const DATA: ApplicationData = {
  appNo: 'XD20261123000777',
  productCode: 'tax_loan',
  segment: 'business_owner',
  amountFen: 30_000_000,
  termMonths: 12,
  purpose: '日常经营周转',
  branchCode: '310101002',
  branchName: '上海黄浦支行',
  priority: 1,
  applicant: {
    name: '陈小红',
    idNumber: '310101199001011234',
    gender: 'F',
    birthDate: '1990-01-01',
    phone: '13800000000',
    address: '上海市黄浦区南京东路100号',
  },
  enterprise: null,
};

function ev(type: CaseEventType, at: string, fields: Partial<CaseEvent> = {}): CaseEvent {
  return { type, caseId: ID, at, by: 'u-x', byName: '某人', details: {}, ...fields };
}

const SUBMITTED = ev('submitted', T0, { to: 'submitted', data: DATA, team: 'retail', slaDueAt: '2026-11-23T05:30:00.000Z' });

function submittedCase(): CaseRecord {
  return evolve(null, [SUBMITTED]);
}

describe('evolve: submitted', () => {
  it('creates the case at version 1 in submitted, with its clock and nobody holding it', () => {
    expect(submittedCase()).toEqual({
      id: ID,
      state: 'submitted',
      version: 1,
      data: DATA,
      team: 'retail',
      assigneeId: null,
      assigneeName: null,
      checkedBy: null,
      checkers: [],
      riskGrade: null,
      proposal: null,
      submittedAt: T0,
      stageEnteredAt: T0,
      slaDueAt: '2026-11-23T05:30:00.000Z',
      returnCount: 0,
    });
  });

  it('refuses a submitted event without data or team', () => {
    expect(() => evolve(null, [ev('submitted', T0, { to: 'submitted', team: 'retail' })])).toThrow();
    expect(() => evolve(null, [ev('submitted', T0, { to: 'submitted', data: DATA })])).toThrow();
  });

  it('refuses to build a case from nothing, or from an event other than submitted', () => {
    expect(() => evolve(null, [])).toThrow();
    expect(() => evolve(null, [ev('claimed', T1, { to: 'doc_check' })])).toThrow(/claimed before submitted/);
  });
});

describe('evolve: version', () => {
  it('increments the version by exactly one per event', () => {
    const c = submittedCase();
    const events = [
      ev('claimed', T1, { to: 'doc_check', assignee: { id: 'u-1', name: '王芳' } }),
      ev('assigned', T2, { to: 'doc_check', assignee: { id: 'u-2', name: '李娜' } }),
      ev('released', T3, { to: 'submitted', assignee: null }),
    ];
    for (let n = 0; n <= events.length; n++) expect(evolve(c, events.slice(0, n)).version).toBe(1 + n);
  });

  it('increments the version even for an event that changes nothing else', () => {
    const c = submittedCase();
    const next = evolve(c, [ev('assigned', T1)]);
    expect(next).toEqual({ ...c, version: 2 });
  });

  it('returns the same case for no events', () => {
    const c = submittedCase();
    expect(evolve(c, [])).toEqual(c);
  });
});

describe('evolve: stageEnteredAt', () => {
  it('moves when the state changes', () => {
    const next = evolve(submittedCase(), [ev('claimed', T1, { to: 'doc_check' })]);
    expect(next.state).toBe('doc_check');
    expect(next.stageEnteredAt).toBe(T1);
  });

  it('stays when an event names the current state', () => {
    const c = evolve(submittedCase(), [ev('claimed', T1, { to: 'doc_check' })]);
    const next = evolve(c, [ev('assigned', T2, { to: 'doc_check', assignee: { id: 'u-2', name: '李娜' } })]);
    expect(next.state).toBe('doc_check');
    expect(next.stageEnteredAt).toBe(T1);
  });

  it('stays when an event names no state', () => {
    const c = evolve(submittedCase(), [ev('claimed', T1, { to: 'doc_check' })]);
    expect(evolve(c, [ev('assigned', T3)]).stageEnteredAt).toBe(T1);
  });

  it('follows each state change of a sequence', () => {
    const next = evolve(submittedCase(), [
      ev('claimed', T1, { to: 'doc_check' }),
      ev('claimed', T2, { to: 'doc_check' }),
      ev('docCheckPassed', T3, { to: 'screening' }),
    ]);
    expect(next.stageEnteredAt).toBe(T3);
    expect(next.submittedAt).toBe(T0);
  });
});

describe('evolve: fields', () => {
  it('keeps the clock when the event says nothing about it, and clears it on null', () => {
    const c = submittedCase();
    expect(evolve(c, [ev('claimed', T1, { to: 'doc_check' })]).slaDueAt).toBe(c.slaDueAt);
    expect(evolve(c, [ev('withdrawn', T1, { to: 'withdrawn', slaDueAt: null })]).slaDueAt).toBeNull();
    expect(evolve(c, [ev('resubmitted', T1, { slaDueAt: T3 })]).slaDueAt).toBe(T3);
  });

  it('sets, keeps and clears the holder', () => {
    const held = evolve(submittedCase(), [ev('claimed', T1, { to: 'doc_check', assignee: { id: 'u-1', name: '王芳' } })]);
    expect([held.assigneeId, held.assigneeName]).toEqual(['u-1', '王芳']);
    const kept = evolve(held, [ev('assigned', T2)]);
    expect([kept.assigneeId, kept.assigneeName]).toEqual(['u-1', '王芳']);
    const cleared = evolve(held, [ev('released', T2, { to: 'submitted', assignee: null })]);
    expect([cleared.assigneeId, cleared.assigneeName]).toEqual([null, null]);
  });

  it('records the checker and the proposal, and clears the proposal on null', () => {
    const proposal: Proposal = { by: 'u-o1', byName: '张伟', at: T2, decision: 'decline', reasons: ['负债过高'] };
    const c = evolve(submittedCase(), [ev('docCheckPassed', T1, { checkedBy: 'u-1' }), ev('proposed', T2, { proposal })]);
    expect(c.checkedBy).toBe('u-1');
    expect(c.proposal).toEqual(proposal);
    expect(evolve(c, [ev('sentBack', T3, { proposal: null })]).proposal).toBeNull();
    expect(evolve(c, [ev('claimed', T3)]).proposal).toEqual(proposal);
  });

  it('counts returns for supplement only on returnedForSupplement events', () => {
    const c = evolve(submittedCase(), [
      ev('claimed', T1, { to: 'doc_check' }),
      ev('returnedForSupplement', T2, { to: 'returned' }),
      ev('resubmitted', T3, { to: 'submitted' }),
      ev('claimed', T3, { to: 'doc_check' }),
      ev('returnedForSupplement', T3, { to: 'returned' }),
    ]);
    expect(c.returnCount).toBe(2);
    expect(c.version).toBe(6);
  });

  it('does not mutate the case it is given', () => {
    const c = submittedCase();
    const snapshot = structuredClone(c);
    evolve(c, [ev('claimed', T1, { to: 'doc_check', assignee: { id: 'u-1', name: '王芳' } }), ev('returnedForSupplement', T2, { to: 'returned' })]);
    expect(c).toEqual(snapshot);
  });

  it('changes nothing in place, even when an event sets every field: the server writes only the fields that are new objects', () => {
    const deepFreeze = <T>(o: T): T => {
      if (o && typeof o === 'object') for (const v of Object.values(Object.freeze(o))) deepFreeze(v);
      return o;
    };
    const c = deepFreeze(submittedCase());
    const proposal: Proposal = { by: 'u-o1', byName: '张伟', at: T2, decision: 'approve', reasons: [] };
    const everything = ev('returnedForSupplement', T1, {
      to: 'returned',
      assignee: { id: 'u-1', name: '王芳' },
      slaDueAt: T3,
      checkedBy: 'u-9',
      riskGrade: 'B',
      proposal,
      team: 'corporate',
    });
    const next = evolve(c, [everything]);
    expect(next).not.toBe(c);
    expect(next.checkers).toEqual(['u-9']);
    expect(next.data).toBe(c.data);
  });

  it('keeps identity, data, team and submission time through every event', () => {
    const c = evolve(submittedCase(), [ev('claimed', T1, { to: 'doc_check' }), ev('docCheckPassed', T2, { to: 'screening' })]);
    expect(c.id).toBe(ID);
    expect(c.data).toEqual(DATA);
    expect(c.team).toBe('retail');
    expect(c.submittedAt).toBe(T0);
  });
});

describe('evolve: checkers (segregation of duties)', () => {
  const inDocCheck = () => evolve(submittedCase(), [ev('claimed', T1, { to: 'doc_check', by: 'u-c1', assignee: { id: 'u-c1', name: '王芳' } })]);

  it.each(['documentFieldConfirmed', 'documentFieldCorrected', 'documentKindSet', 'documentAdded'] as const)(
    'counts whoever records %s during the document check as a checker, without passing or moving the case',
    (type) => {
      const c = evolve(inDocCheck(), [ev(type, T2, { by: 'u-c1' })]);
      expect(c.checkers).toEqual(['u-c1']);
      expect(c.checkedBy).toBeNull();
    },
  );

  it('counts the clerk who returns the case for supplement, and keeps him after another clerk passes it', () => {
    const c = evolve(inDocCheck(), [
      ev('returnedForSupplement', T2, { by: 'u-c1', to: 'returned', assignee: null }),
      ev('resubmitted', T2, { by: 'u-branch', to: 'submitted' }),
      ev('claimed', T3, { by: 'u-c2', to: 'doc_check', assignee: { id: 'u-c2', name: '李娜' } }),
      ev('docCheckPassed', T3, { by: 'u-c2', to: 'screening', assignee: null, checkedBy: 'u-c2' }),
    ]);
    expect(c.checkers).toEqual(['u-c1', 'u-c2']);
    expect(c.checkedBy).toBe('u-c2');
  });

  it('lists each checker once however much he did', () => {
    const c = evolve(inDocCheck(), [
      ev('documentFieldConfirmed', T2, { by: 'u-c1' }),
      ev('documentFieldCorrected', T2, { by: 'u-c1' }),
      ev('docCheckPassed', T3, { by: 'u-c1', to: 'screening', checkedBy: 'u-c1' }),
    ]);
    expect(c.checkers).toEqual(['u-c1']);
  });

  it('does not count claiming, releasing or being assigned the case, nor the branch adding documents', () => {
    const c = evolve(submittedCase(), [
      ev('documentAdded', T1, { by: 'u-branch' }),
      ev('claimed', T1, { by: 'u-c1', to: 'doc_check', assignee: { id: 'u-c1', name: '王芳' } }),
      ev('released', T2, { by: 'u-c1', to: 'submitted', assignee: null }),
      ev('assigned', T2, { by: 'u-sup', to: 'doc_check', assignee: { id: 'u-c3', name: '赵六' } }),
      ev('released', T3, { by: 'u-c3', to: 'submitted', assignee: null }),
      ev('withdrawn', T3, { by: 'u-branch', to: 'withdrawn' }),
    ]);
    expect(c.checkers).toEqual([]);
  });

  it('does not change a frozen case when adding a checker', () => {
    const c = inDocCheck();
    Object.freeze(c.checkers);
    Object.freeze(c);
    const next = evolve(c, [ev('documentFieldCorrected', T2, { by: 'u-c1' })]);
    expect(next.checkers).toEqual(['u-c1']);
    expect(c.checkers).toEqual([]);
  });
});
