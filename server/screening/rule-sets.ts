import { DEFAULT_POLICY } from '../../shared/screening/default-policy';
import type { RuleSetVersion } from '../../shared/screening/policy';
import { parsePolicy } from '../../shared/screening/policy-schema';
import type { CentralDb, Tx } from '../db/central-db';

export type ServerRuleSet = RuleSetVersion;

/** A row of `screening_rule_sets` as `RULE_SET_COLUMNS` select it. */
export interface RuleSetRow {
  version: number;
  policy: unknown;
  note: string;
  created_by: string;
  created_at: string;
}

export const RULE_SET_COLUMNS = 'version, policy, note, created_by, created_at';

export const ruleSetInfo = (r: Omit<RuleSetRow, 'policy'>): Omit<RuleSetVersion, 'policy'> => ({
  version: r.version,
  note: r.note,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** A stored version read back through the policy schema: a row edited outside the server fails loudly. */
export function toRuleSet(r: RuleSetRow): RuleSetVersion {
  const parsed = parsePolicy(r.policy);
  if (!parsed.success) throw new Error(`screening rule set version ${r.version} is not a valid policy: ${parsed.error.issues[0]?.message}`);
  return { ...ruleSetInfo(r), policy: parsed.data };
}

/**
 * Version 1 of the screening policy as shipped (the same text and time as the desktop's migration 0500), the
 * first time any instance starts; the first to commit wins.
 */
export async function ensureDefaultRuleSet(db: CentralDb): Promise<void> {
  await db.query(
    `INSERT INTO screening_rule_sets (version, policy, note, created_by, created_at) VALUES (1, $1, '初始版本 / initial version', 'system', '2026-01-01T00:00:00.000Z')
     ON CONFLICT (version) DO NOTHING`,
    [JSON.stringify(DEFAULT_POLICY)],
  );
}

/**
 * The policy versions on the server: the newest is in force (a version saved by any instance applies at the
 * next screening). Versions never change, so each is parsed once and kept; which one is newest is asked in
 * every screening transaction.
 */
export class ServerRuleSets {
  private readonly parsed = new Map<number, ServerRuleSet>();

  async current(tx: Tx): Promise<ServerRuleSet> {
    const [latest] = await tx.query<{ version: number }>('SELECT max(version) AS version FROM screening_rule_sets');
    const version = latest?.version;
    if (version === undefined || version === null) throw new Error('screening_rule_sets is empty');
    const known = this.parsed.get(version);
    if (known) return known;
    const [row] = await tx.query<RuleSetRow>(`SELECT ${RULE_SET_COLUMNS} FROM screening_rule_sets WHERE version = $1`, [version]);
    const set = toRuleSet(row!);
    this.parsed.set(version, set);
    return set;
  }
}
