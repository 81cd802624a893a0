import { describe, expect, it } from 'vitest';
import { evolve } from '../../shared/commands/evolve';
import type { CaseEvent } from '../../shared/commands/types';
import type { ApplicationData, CaseRecord } from '../../shared/domain/case';
import { recordChange } from './write-plan';

const AT = '2026-12-02T01:00:00.000Z';
const DATA = { appNo: 'XD1', productCode: 'tax_loan', amountFen: 30_000_000 } as unknown as ApplicationData;
const ev = (fields: Partial<CaseEvent>): CaseEvent => ({ type: 'claimed', caseId: 'c-1', at: AT, by: 'u-1', byName: '王芳', details: {}, ...fields });

function stored(): CaseRecord {
  // As read from the table: a fresh object, shared with nothing.
  return JSON.parse(JSON.stringify(evolve(null, [ev({ type: 'submitted', to: 'submitted', data: DATA, team: 'retail', slaDueAt: AT })])));
}

describe('recordChange: what an updated case sends', () => {
  it('sends only the fields a claim changed, and merging them gives the whole new record', () => {
    const before = stored();
    const after = evolve(before, [ev({ at: '2026-12-02T01:05:00.000Z', to: 'doc_check', assignee: { id: 'u-1', name: '王芳' } })]);
    const { patch, record } = recordChange(before, after);
    expect(record).toBeNull();
    expect(Object.keys(patch!).sort()).toEqual(['assigneeId', 'assigneeName', 'stageEnteredAt', 'state', 'version']);
    expect({ ...before, ...patch }).toEqual(after);
  });

  it('sends a field that became null, and one that is new', () => {
    const before = { ...stored(), proposal: { by: 'u-2' } } as unknown as CaseRecord;
    const after = { ...before, proposal: null, extra: 1 } as unknown as CaseRecord;
    expect(recordChange(before, after).patch).toEqual({ proposal: null, extra: 1 });
  });

  it('sends the whole record when a field is gone, which a merge cannot express', () => {
    const before = stored();
    const { riskGrade: _gone, ...rest } = before;
    expect(recordChange(before, rest as CaseRecord)).toEqual({ patch: null, record: rest });
    expect(recordChange(before, { ...before, riskGrade: undefined } as unknown as CaseRecord).record).not.toBeNull();
  });

  it('sends an empty patch when nothing changed', () => {
    const before = stored();
    expect(recordChange(before, { ...before })).toEqual({ patch: {}, record: null });
  });
});
