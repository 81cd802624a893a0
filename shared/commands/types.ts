import type { z } from 'zod';
import type { AuthorityMatrix, RiskGrade } from '../approval/authority';
import type { Permission } from '../auth/permissions';
import type { Role } from '../auth/roles';
import type { ApplicationData, CaseRecord, Proposal } from '../domain/case';
import type { Result } from '../errors';
import type { Team } from '../products/catalog';
import type { WorkCalendar } from '../sla/working-time';
import type { SlaPolicy } from '../sla/sla-policy';
import type { CaseState } from '../workflow/states';

export interface Actor {
  id: string;
  name: string;
  roles: readonly Role[];
  team: Team | null;
}

export interface UserRef extends Actor {
  active: boolean;
}

/** Everything `decide` may consult besides the case: who acts, when, and the policy in force. */
export interface DecideContext {
  actor: Actor;
  now: string; // UTC ISO
  calendar: WorkCalendar;
  sla: SlaPolicy;
  /** The authority matrix in force (the server passes its own, so both decide by the same version). */
  authority: AuthorityMatrix;
  /** Resolves a user named in a command (e.g. the assignee); pure lookup supplied by the caller. */
  lookupUser(id: string): UserRef | undefined;
}

export type CaseEventType =
  | 'submitted'
  | 'claimed'
  | 'released'
  | 'assigned'
  | 'docCheckPassed'
  | 'returnedForSupplement'
  | 'resubmitted'
  | 'withdrawn'
  | 'screeningCompleted'
  | 'investigationCompleted'
  | 'proposed'
  | 'confirmed'
  | 'sentBack'
  | 'returnedToDocCheck'
  | 'contractRecorded'
  | 'screeningOverridden'
  | 'documentAdded'
  | 'documentFieldConfirmed'
  | 'documentFieldCorrected'
  | 'documentKindSet';

/**
 * What happened to a case. The fields present say what changed; `evolve` applies them. Kept flat so the
 * audit trail (and the supervisor metrics computed from it) can read every event the same way.
 */
export interface CaseEvent {
  type: CaseEventType;
  caseId: string;
  at: string;
  by: string;
  byName: string;
  to?: CaseState;
  assignee?: { id: string; name: string } | null;
  slaDueAt?: string | null;
  checkedBy?: string;
  riskGrade?: RiskGrade;
  proposal?: Proposal | null;
  data?: ApplicationData;
  team?: Team;
  details: Record<string, unknown>;
}

export interface CommandDef<S extends z.ZodType<{ caseId: string }>> {
  name: string;
  schema: S;
  /** The permission needed, which may depend on the stage the case is in (claim in 资料审核 vs 审批). */
  permission(state: CaseRecord | null): Permission | null;
  decide(state: CaseRecord | null, payload: z.output<S>, ctx: DecideContext): Result<CaseEvent[]>;
}
