import type { CaseDetail, HistoryEntry } from '../../../shared/api/schemas';
import { actorOf, type Session } from '../auth/auth-service';
import type { CommandService } from '../commands/command-service';
import { hasPermission } from '../../../shared/auth/permissions';
import { stagePermission } from '../../../shared/commands/guards';
import { mayHold } from '../../../shared/commands/work';
import { maskBirthDate, maskIdentifier, maskIdentifiersDeep, maskPhone } from '../../../shared/domain/masking';
import { fail, ok, type Result } from '../../../shared/errors';
import type { AuditRepo } from '../audit/audit-repo';
import type { Db } from '../db/database';
import type { CaseRepo } from '../store/case-repo';
import type { UserRepo } from '../store/user-repo';

/** Read side of a case: detail with history, people it can go to, reference data for filters. */
export class CaseService {
  private readonly openCountStmt;
  private readonly branchesStmt;

  constructor(
    db: Db,
    private readonly cases: CaseRepo,
    private readonly users: UserRepo,
    private readonly audit: AuditRepo,
    private readonly commands: CommandService,
  ) {
    this.openCountStmt = db.prepare<[], { assignee_id: string; n: number }>(
      "SELECT assignee_id, count(*) AS n FROM cases WHERE assignee_id IS NOT NULL AND state NOT IN ('contracted','declined','withdrawn') GROUP BY assignee_id",
    );
    this.branchesStmt = db.prepare<[], { code: string; name: string }>(
      'SELECT DISTINCT branch_code AS code, branch_name AS name FROM cases ORDER BY branch_code',
    );
  }

  get(caseId: string, session: Session): Result<CaseDetail> {
    const viewer = session.info;
    const c = this.cases.get(caseId);
    if (!c) return fail('not-found', '案件不存在', 'Case not found');
    const mayWork = stagePermission(c.state);
    const canSee =
      viewer.permissions.includes('case.view_all') ||
      c.assigneeId === viewer.id ||
      (mayWork !== null && viewer.permissions.includes(mayWork)) ||
      c.checkedBy === viewer.id ||
      c.proposal?.by === viewer.id ||
      (c.proposal?.confirmations ?? []).some((k) => k.by === viewer.id);
    if (!canSee) return fail('forbidden', '您无权查看该案件', 'You may not view this case');
    const pii = viewer.permissions.includes('pii.view');
    const id = (v: string) => (pii ? v : maskIdentifier(v));
    const phone = (v: string) => (pii ? v : maskPhone(v));
    const birth = (v: string) => (pii ? v : maskBirthDate(v));
    // What people typed (reasons, comments, conditions) may quote an identity number.
    const shown = <T,>(v: T): T => (pii ? v : maskIdentifiersDeep(v));
    const d = c.data;
    const history: HistoryEntry[] = this.audit.forCase(caseId).map((e) => ({
      seq: e.seq,
      at: e.at,
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action,
      fromState: (e.fromState as HistoryEntry['fromState']) ?? null,
      toState: (e.toState as HistoryEntry['toState']) ?? null,
      details: shown(JSON.parse(e.details) as Record<string, unknown>),
    }));
    return ok({
      id: c.id,
      state: c.state,
      version: c.version,
      team: c.team,
      assigneeId: c.assigneeId,
      assigneeName: c.assigneeName,
      checkedBy: c.checkedBy,
      submittedAt: c.submittedAt,
      stageEnteredAt: c.stageEnteredAt,
      slaDueAt: c.slaDueAt,
      returnCount: c.returnCount,
      riskGrade: c.riskGrade,
      proposal: c.proposal && shown(c.proposal),
      allowedActions: this.commands.allowedActions(c, session.actor),
      application: {
        ...d,
        applicant: { ...d.applicant, idNumber: id(d.applicant.idNumber), phone: phone(d.applicant.phone), birthDate: birth(d.applicant.birthDate) },
        enterprise: d.enterprise ? { ...d.enterprise, creditCode: id(d.enterprise.creditCode) } : null,
        // Guarantor and collateral owner identifiers (and the guarantor's phone) are as sensitive as the applicant's (they ride along in `...d`).
        ...(d.guarantor ? { guarantor: { ...d.guarantor, idNumber: id(d.guarantor.idNumber), phone: phone(d.guarantor.phone) } } : {}),
        ...(d.collateral ? { collateral: { ...d.collateral, ownerIdNumber: id(d.collateral.ownerIdNumber) } } : {}),
      },
      history,
    });
  }

  /** People who may hold the case in its current stage, least loaded first; excludes SoD conflicts. */
  assignable(caseId: string): Result<{ users: { id: string; displayName: string; openCount: number }[] }> {
    const c = this.cases.get(caseId);
    if (!c) return fail('not-found', '案件不存在', 'Case not found');
    const needed = stagePermission(c.state);
    if (!needed) return ok({ users: [] });
    const open = new Map(this.openCountStmt.all().map((r) => [r.assignee_id, r.n]));
    const users = this.users
      .all()
      .filter((u) => u.active && u.passwordHash !== null && hasPermission(u.roles, needed))
      // The rule the assign command applies (SoD, team, authority for the proposed amount), not a copy of it.
      .filter((u) => {
        const actor = actorOf(u);
        return mayHold(c, actor, this.commands.context(actor)) === null;
      })
      .map((u) => ({ id: u.id, displayName: u.displayName, openCount: open.get(u.id) ?? 0 }))
      .sort((a, b) => a.openCount - b.openCount || a.displayName.localeCompare(b.displayName, 'zh-CN'));
    return ok({ users });
  }

  branches(): { code: string; name: string }[] {
    return this.branchesStmt.all();
  }
}
