import type { Label } from '../domain/label';

/**
 * `system` is no person's role: only the system user holds it (shared/auth/system-user.ts: branch intake and
 * automatic screening act as it; it has no password and cannot log in). Keeping what only the machine may do
 * out of `admin` means no administrator's session can declare a case screened.
 */
export const ROLES = ['clerk', 'officer', 'senior_officer', 'supervisor', 'admin', 'auditor', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** A role name read from stored details (an account's history), which may hold anything. */
export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export const ROLE_LABELS: Record<Role, Label> = {
  clerk: { zh: '资料审核员', en: 'Document clerk' },
  officer: { zh: '审批员', en: 'Approval officer' },
  senior_officer: { zh: '高级审批员', en: 'Senior officer' },
  supervisor: { zh: '主管', en: 'Supervisor' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  auditor: { zh: '审计员', en: 'Auditor' },
  system: { zh: '系统', en: 'System' },
};
