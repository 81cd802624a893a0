import type { Actor } from '../../../shared/commands/types';
import type { RuleSetVersion, ScreeningPolicy } from '../../../shared/screening/policy';
import { parsePolicy } from '../../../shared/screening/policy-schema';
import type { AuditRepo } from '../audit/audit-repo';
import type { Db } from '../db/database';

interface Row {
  version: number;
  policy: string;
  note: string;
  created_by: string;
  created_at: string;
}

/**
 * Versions of the screening policy; the newest is in force. A version is read back through the policy
 * schema, so a row edited in the file outside the app fails loudly instead of screening with nonsense.
 */
export class RuleSetRepo {
  private readonly currentStmt;
  private readonly byVersionStmt;
  private readonly listStmt;
  private readonly insertStmt;
  private cached: RuleSetVersion | null = null;
  /**
   * Policies already read through the schema, by the exact text they were read from: a synced desktop looks
   * up the version of every screening it pulls (ten thousand on a fresh desktop), and parsing the same
   * policy again each time was a sixth of the pull. Keyed by text, not by number alone, so a version whose
   * insert was rolled back and made again differently is never answered from memory.
   */
  private readonly policies = new Map<number, { text: string; policy: ScreeningPolicy }>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditRepo,
    private readonly now: () => number,
  ) {
    this.currentStmt = db.prepare<[], Row>('SELECT * FROM screening_rule_sets ORDER BY version DESC LIMIT 1');
    this.byVersionStmt = db.prepare<[number], Row>('SELECT * FROM screening_rule_sets WHERE version = ?');
    this.listStmt = db.prepare<[], Omit<Row, 'policy'>>('SELECT version, note, created_by, created_at FROM screening_rule_sets ORDER BY version DESC');
    this.insertStmt = db.prepare('INSERT INTO screening_rule_sets (version, policy, note, created_by, created_at) VALUES (?, ?, ?, ?, ?)');
  }

  /** Read for every screening, so kept in memory; only `save` in this process changes it. */
  current(): RuleSetVersion {
    if (!this.cached) this.cached = toVersion(this.currentStmt.get()!);
    return this.cached;
  }

  version(version: number): RuleSetVersion | null {
    if (this.cached?.version === version) return this.cached;
    const row = this.byVersionStmt.get(version);
    if (!row) return null;
    const known = this.policies.get(version);
    if (known?.text === row.policy) return { ...fields(row), policy: known.policy };
    const read = toVersion(row);
    this.policies.set(version, { text: row.policy, policy: read.policy });
    return read;
  }

  list(): Omit<RuleSetVersion, 'policy'>[] {
    return this.listStmt.all().map(fields);
  }

  /**
   * A version made elsewhere (the central server's, carried by a screening that used it), stored under its
   * own number if it is not here yet. False if it is not a valid policy.
   */
  adopt(v: { version: number; policy: unknown; note: string; createdBy: string; createdAt: string }): boolean {
    if (this.version(v.version)) return true;
    const parsed = parsePolicy(v.policy);
    if (!parsed.success) return false;
    this.insertStmt.run(v.version, JSON.stringify(parsed.data), v.note, v.createdBy, v.createdAt);
    this.cached = null; // the newest version may have changed
    return true;
  }

  /** Saves `policy` as the next version, audited; refused (null) if `basedOn` is no longer the newest. */
  save(policy: ScreeningPolicy, basedOn: number, note: string, by: Actor): RuleSetVersion | null {
    const at = new Date(this.now()).toISOString();
    const saved = this.db.transaction((): RuleSetVersion | null => {
      const latest = this.currentStmt.get()!.version;
      if (latest !== basedOn) return null;
      const version = latest + 1;
      this.insertStmt.run(version, JSON.stringify(policy), note, by.id, at);
      this.audit.append({
        at,
        actorId: by.id,
        actorName: by.name,
        action: 'screeningRulesChanged',
        caseId: null,
        commandId: null,
        fromState: null,
        toState: null,
        details: JSON.stringify({ version, basedOn, note, enabledRules: policy.rules.filter((r) => r.enabled).length }),
      });
      return { version, policy, note, createdBy: by.id, createdAt: at };
    })();
    if (saved) this.cached = saved;
    return saved;
  }
}

const fields = (r: Omit<Row, 'policy'>): Omit<RuleSetVersion, 'policy'> => ({ version: r.version, note: r.note, createdBy: r.created_by, createdAt: r.created_at });

function toVersion(r: Row): RuleSetVersion {
  const parsed = parsePolicy(JSON.parse(r.policy));
  if (!parsed.success) throw new Error(`screening rule set version ${r.version} is not a valid policy: ${parsed.error.issues[0]?.message}`);
  return { ...fields(r), policy: parsed.data };
}
