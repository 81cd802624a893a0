import type { Actor, CaseEvent } from '../../shared/commands/types';
import type { CentralDb } from '../db/central-db';
import { applyServerEvents, type Applied, type WorkingSet } from '../commands/case-engine';
import { writePlan } from '../commands/write-plan';

/** A case to load with its history: the events of each command in order, with who acted. */
export interface ImportedCase {
  caseId: string;
  steps: { actor: Actor; events: CaseEvent[] }[];
}

/**
 * Loads cases in bulk (demo data, test and bench fixtures): the same evolve, audit chain and feed change as
 * a live command, written 500 cases per transaction, one feed change per case (`import-<caseId>`) carrying
 * all its history.
 */
export async function importCases(db: CentralDb, cases: readonly ImportedCase[], now: number): Promise<void> {
  for (let i = 0; i < cases.length; i += 500) {
    const applied = cases.slice(i, i + 500).map(importOne);
    await db.transaction((tx) => tx.commitWith(writePlan({ applied, answers: [], receivedAt: now })));
  }
  // Fresh statistics, so claims plan against the cases just loaded rather than an empty table.
  await db.query('ANALYZE cases');
}

function importOne(c: ImportedCase): Applied {
  const ws: WorkingSet = new Map();
  const changeId = `import-${c.caseId}`;
  const parts = c.steps.map((s) => applyServerEvents(ws, c.caseId, s.events, { id: s.actor.id, name: s.actor.name }, changeId));
  const last = parts[parts.length - 1]!;
  const events = parts.flatMap((p) => p.change.events);
  const { case: record, ...stored } = { ...last.change, events };
  return { ...last, audit: parts.flatMap((p) => p.audit), change: { ...stored, case: record }, changeJson: JSON.stringify(stored) };
}
