import { describe, expect, it } from 'vitest';
import { CASE_STATES, TERMINAL_STATES, isTerminal, type CaseState } from './states';
import { allowedNextStates, canTransition } from './transitions';

/**
 * The state machine written out by hand from DESIGN §2 ("leaves to" column), independently of the EDGES
 * table in transitions.ts, plus the rules the design states elsewhere:
 * - withdrawal (撤回) is possible from every open state;
 * - approval → doc_check: the officer sends the case back to document checking;
 * - doc_check → submitted: a clerk releases (un-claims) a case, the inverse of the claim edge; the release
 *   command needs it (not in the §2 table);
 * - a state may "transition" to itself (claim/release/assign inside a stage).
 */
const EXITS: Record<CaseState, readonly CaseState[]> = {
  submitted: ['doc_check', 'withdrawn'],
  doc_check: ['screening', 'returned', 'submitted', 'withdrawn'],
  returned: ['submitted', 'withdrawn'],
  screening: ['approval', 'investigation', 'declined', 'withdrawn'],
  investigation: ['approval', 'declined', 'withdrawn'],
  approval: ['proposed', 'doc_check', 'withdrawn'],
  proposed: ['approved', 'declined', 'approval', 'withdrawn'],
  approved: ['contracted', 'withdrawn'],
  contracted: [],
  declined: [],
  withdrawn: [],
};

const OPEN_STATES: readonly CaseState[] = [
  'submitted',
  'doc_check',
  'returned',
  'screening',
  'investigation',
  'approval',
  'proposed',
  'approved',
];
const ENDS: readonly CaseState[] = ['contracted', 'declined', 'withdrawn'];

function expected(from: CaseState, to: CaseState): boolean {
  return from === to || EXITS[from].includes(to);
}

const PAIRS = CASE_STATES.flatMap((from) => CASE_STATES.map((to) => [from, to, expected(from, to)] as const));

describe('canTransition: the full matrix of DESIGN §2', () => {
  it('covers every pair of the 11 states', () => {
    expect(CASE_STATES).toHaveLength(11);
    expect(PAIRS).toHaveLength(121);
  });

  it.each(PAIRS)('%s → %s is allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});

describe('allowedNextStates', () => {
  it.each(CASE_STATES)('lists exactly the exits of %s (self excluded)', (from) => {
    expect([...allowedNextStates(from)].sort()).toEqual([...EXITS[from]].sort());
    expect(allowedNextStates(from)).not.toContain(from);
  });

  it.each(CASE_STATES)('agrees with canTransition for %s', (from) => {
    for (const to of CASE_STATES) {
      if (to === from) continue;
      expect(canTransition(from, to)).toBe(allowedNextStates(from).includes(to));
    }
  });

  it('never names a state outside CASE_STATES', () => {
    for (const from of CASE_STATES) for (const to of allowedNextStates(from)) expect(CASE_STATES).toContain(to);
  });
});

describe('terminal states', () => {
  it('are contracted, declined and withdrawn', () => {
    expect([...TERMINAL_STATES].sort()).toEqual([...ENDS].sort());
    for (const s of CASE_STATES) expect(isTerminal(s)).toBe(ENDS.includes(s));
  });

  it.each(ENDS)('%s has no exit to any other state', (from) => {
    expect(allowedNextStates(from)).toEqual([]);
    for (const to of CASE_STATES) if (to !== from) expect(canTransition(from, to)).toBe(false);
  });

  it.each(ENDS)('a withdrawal of a %s case is refused', (from) => {
    if (from !== 'withdrawn') expect(canTransition(from, 'withdrawn')).toBe(false);
    expect(allowedNextStates(from)).not.toContain('withdrawn');
  });
});

describe('rules stated beside the §2 table', () => {
  it.each(OPEN_STATES)('a %s case may be withdrawn', (from) => {
    expect(canTransition(from, 'withdrawn')).toBe(true);
  });

  it.each(CASE_STATES)('%s may "transition" to itself', (s) => {
    expect(canTransition(s, s)).toBe(true);
  });

  it('lets the officer send an approval case back to document checking', () => {
    expect(canTransition('approval', 'doc_check')).toBe(true);
  });

  it('does not let a case skip document checking or approval', () => {
    expect(canTransition('submitted', 'screening')).toBe(false);
    expect(canTransition('submitted', 'approval')).toBe(false);
    expect(canTransition('screening', 'proposed')).toBe(false);
    expect(canTransition('approval', 'approved')).toBe(false);
    expect(canTransition('investigation', 'proposed')).toBe(false);
    expect(canTransition('approved', 'declined')).toBe(false);
  });

  it('reaches approved only from proposed, proposed only from approval, contracted only from approved', () => {
    const into = (to: CaseState) => CASE_STATES.filter((from) => from !== to && canTransition(from, to)).sort();
    expect(into('approved')).toEqual(['proposed']);
    expect(into('proposed')).toEqual(['approval']);
    expect(into('contracted')).toEqual(['approved']);
    expect(into('declined')).toEqual(['investigation', 'proposed', 'screening']);
  });

  it('reaches every state from submitted, and an end from every open state', () => {
    const reach = (start: CaseState) => {
      const seen = new Set<CaseState>([start]);
      const todo = [start];
      while (todo.length) for (const n of allowedNextStates(todo.pop()!)) if (!seen.has(n)) (seen.add(n), todo.push(n));
      return seen;
    };
    expect([...reach('submitted')].sort()).toEqual([...CASE_STATES].sort());
    for (const s of OPEN_STATES) expect(ENDS.some((end) => reach(s).has(end))).toBe(true);
  });
});
