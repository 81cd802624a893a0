import type { AuthorityMatrix, AuthorityRule } from '../../../shared/approval/authority';
import type { Actor } from '../../../shared/commands/types';
import type { AuditRepo } from '../audit/audit-repo';
import type { Db } from '../db/database';

export interface AuthorityVersion {
  version: number;
  rules: AuthorityRule[];
  note: string;
  createdBy: string;
  createdByName: string;
  createdAt: string;
}

interface Row {
  version: number;
  rules: string;
  note: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

/** Versions of the authority matrix; the newest is in force. Saving adds a version and audits it. */
export class AuthorityRepo {
  private readonly currentStmt;
  private readonly allStmt;
  private readonly insertStmt;
  private cached: AuthorityMatrix | null = null;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditRepo,
    private readonly now: () => number,
  ) {
    this.currentStmt = db.prepare<[], Row>('SELECT * FROM authority_matrix ORDER BY version DESC LIMIT 1');
    this.allStmt = db.prepare<[], Row>('SELECT * FROM authority_matrix ORDER BY version DESC');
    this.insertStmt = db.prepare('INSERT INTO authority_matrix (version, rules, note, created_by, created_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** Read on every command, so kept in memory; only `save` in this process changes it. */
  current(): AuthorityMatrix {
    if (!this.cached) {
      const r = this.currentStmt.get()!;
      this.cached = { version: r.version, rules: JSON.parse(r.rules) as AuthorityRule[] };
    }
    return this.cached;
  }

  versions(): AuthorityVersion[] {
    return this.allStmt.all().map((r) => ({
      version: r.version,
      rules: JSON.parse(r.rules) as AuthorityRule[],
      note: r.note,
      createdBy: r.created_by,
      createdByName: r.created_by_name,
      createdAt: r.created_at,
    }));
  }

  /** Saves `rules` as the next version, audited; refused (null) if `basedOn` is no longer the newest. */
  save(rules: readonly AuthorityRule[], note: string, by: Actor, basedOn: number): AuthorityMatrix | null {
    const at = new Date(this.now()).toISOString();
    const saved = this.db.transaction((): AuthorityMatrix | null => {
      const latest = this.currentStmt.get()!.version;
      if (latest !== basedOn) return null;
      const version = latest + 1;
      this.insertStmt.run(version, JSON.stringify(rules), note, by.id, by.name, at);
      this.audit.append({
        at,
        actorId: by.id,
        actorName: by.name,
        action: 'authorityMatrixChanged',
        caseId: null,
        commandId: null,
        fromState: null,
        toState: null,
        details: JSON.stringify({ version, basedOn, note, rules: rules.length }),
      });
      return { version, rules: [...rules] };
    })();
    if (saved) this.cached = saved;
    return saved;
  }
}
