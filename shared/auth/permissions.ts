import type { Role } from './roles';

/**
 * What a role may do. Checked by the host (and again by the central server) for every command and query;
 * the UI only hides what the host would refuse anyway.
 */
export const PERMISSIONS = [
  'case.submit', // branch intake: new application, resubmission after 补件
  'case.withdraw',
  'doc.work', // 资料审核: claim, pass on, return for supplement
  'screening.run', // automatic screening outcome (the system user only)
  'investigation.work', // 线下调查工单
  'approval.work', // propose, confirm, send back
  'contract.work', // contract desk
  'case.assign', // supervisor: assign / reassign with a reason
  'case.view_all',
  'pii.view', // unmasked ID numbers, credit codes and phone numbers
  'audit.view',
  'audit.verify',
  'admin.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  clerk: ['doc.work', 'contract.work', 'pii.view'],
  officer: ['approval.work', 'investigation.work', 'pii.view'],
  senior_officer: ['approval.work', 'investigation.work', 'pii.view'],
  supervisor: ['case.assign', 'case.view_all', 'audit.view', 'audit.verify', 'case.withdraw'],
  // case.submit: in the demo an administrator stands in for the branch (补件 uploads on a returned case).
  admin: ['admin.manage', 'case.submit', 'case.withdraw', 'case.view_all'],
  auditor: ['audit.view', 'audit.verify', 'case.view_all'],
  system: ['case.submit', 'case.withdraw', 'screening.run', 'case.view_all'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return [...set].sort();
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
