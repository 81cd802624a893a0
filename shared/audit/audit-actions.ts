import type { CaseEventType } from '../commands/types';

/**
 * Audit actions that are not case events (`CaseEventType` lists those): sign-ins, account and rule changes,
 * and two case entries that change no state. Every action the trail can hold is one or the other, so the
 * auditor's page can name each one in both languages (its label map is typed by this list).
 */
export const NON_CASE_AUDIT_ACTIONS = [
  'login',
  'logout',
  'loginFailed',
  'loginRefusedLocked',
  'accountLocked',
  'passwordChanged',
  'passwordChangeRefused',
  'userCreated',
  'userUpdated',
  'passwordReset',
  'userUnlocked',
  'authorityMatrixChanged',
  'screeningRulesChanged',
  'negativeListImported',
  'negativeListImportRefused',
  'checklistUpdated',
  'contractGenerated',
  'syncRejected',
] as const;
export type NonCaseAuditAction = (typeof NON_CASE_AUDIT_ACTIONS)[number];

export type AuditAction = CaseEventType | NonCaseAuditAction;
