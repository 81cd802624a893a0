import { overrideBaseline, type OverrideBaseline } from '../../shared/commands/screening-overrides';
import type { ScreeningEvaluation } from '../../shared/screening/screen-case';
import { parsePolicy } from '../../shared/screening/policy-schema';
import type { Tx } from '../db/central-db';

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** The limit and rate an earlier override set, from its audit entry's details. */
function overrideOf(details: string, resultId: number): { limitFen: number | null; rateBp: number | null } | null {
  try {
    const d = JSON.parse(details) as { resultId?: unknown; values?: { limitToFen?: unknown; rateToBp?: unknown } };
    if (d.resultId !== resultId) return null;
    return { limitFen: int(d.values?.limitToFen), rateBp: int(d.values?.rateToBp) };
  } catch {
    return null;
  }
}

/**
 * The baseline of each case's next override, from the server's own records: its latest screening result,
 * the policy version that produced it, and the overrides already made on that result (its audit entries).
 * A pushed `overrideScreening` is decided against this, whatever baseline the desktop sent. A case without
 * a screening result has none. Read in the push's transaction, after its cases are locked.
 */
export async function overrideBaselines(tx: Tx, caseIds: readonly string[]): Promise<Map<string, OverrideBaseline>> {
  const found = new Map<string, OverrideBaseline>();
  for (const caseId of caseIds) {
    const [result] = await tx.query<{ id: string; result: ScreeningEvaluation; policy: unknown }>(
      `SELECT r.id::text AS id, r.result, s.policy FROM screening_results r JOIN screening_rule_sets s ON s.version = r.rule_set_version
        WHERE r.case_id = $1 ORDER BY r.id DESC LIMIT 1`,
      [caseId],
    );
    if (!result) continue;
    const policy = parsePolicy(result.policy);
    if (!policy.success) throw new Error(`screening rule set ${result.result.ruleSetVersion} is not a valid policy`);
    const resultId = Number(result.id);
    const audit = await tx.query<{ details: string }>("SELECT details FROM audit WHERE case_id = $1 AND action = 'screeningOverridden' ORDER BY case_seq", [
      caseId,
    ]);
    const earlier = audit.map((a) => overrideOf(a.details, resultId)).filter((o) => o !== null);
    found.set(caseId, overrideBaseline({ id: resultId, evaluation: result.result }, policy.data, earlier));
  }
  return found;
}
