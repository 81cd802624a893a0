import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, hasPermission, permissionsOf, type Permission } from './permissions';
import { ROLES, ROLE_LABELS, type Role } from './roles';
import { SYSTEM_ACTOR, SYSTEM_USER } from './system-user';

/** Permissions that change a case or the system; a read-only role must hold none of them. */
const WRITE_PERMISSIONS: readonly Permission[] = [
  'case.submit',
  'case.withdraw',
  'doc.work',
  'screening.run',
  'investigation.work',
  'approval.work',
  'contract.work',
  'case.assign',
  'admin.manage',
];

describe('ROLE_PERMISSIONS', () => {
  it('defines every role of DESIGN §3, with labels', () => {
    expect([...ROLES].sort()).toEqual(['admin', 'auditor', 'clerk', 'officer', 'senior_officer', 'supervisor', 'system']);
    for (const role of ROLES) {
      expect(ROLE_PERMISSIONS[role]).toBeDefined();
      expect(ROLE_LABELS[role].zh.length).toBeGreaterThan(0);
    }
  });

  it('only grants known permissions, each once per role', () => {
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
      expect(new Set(ROLE_PERMISSIONS[role]).size).toBe(ROLE_PERMISSIONS[role].length);
    }
  });

  it('gives the auditor no write permission at all', () => {
    for (const p of WRITE_PERMISSIONS) expect(hasPermission(['auditor'], p)).toBe(false);
    expect(permissionsOf(['auditor'])).toEqual(['audit.verify', 'audit.view', 'case.view_all']);
  });

  it('does not let a clerk assign cases', () => {
    expect(hasPermission(['clerk'], 'case.assign')).toBe(false);
  });

  it('lets only the supervisor assign cases', () => {
    expect(ROLES.filter((r) => hasPermission([r], 'case.assign'))).toEqual(['supervisor']);
  });

  it('lets only clerks work document checks', () => {
    expect(ROLES.filter((r) => hasPermission([r], 'doc.work'))).toEqual(['clerk']);
  });

  it('lets only officers and senior officers work approvals and investigations', () => {
    expect(ROLES.filter((r) => hasPermission([r], 'approval.work'))).toEqual(['officer', 'senior_officer']);
    expect(ROLES.filter((r) => hasPermission([r], 'investigation.work'))).toEqual(['officer', 'senior_officer']);
  });

  it('does not let an approval role check documents, nor a clerk approve', () => {
    expect(hasPermission(['officer'], 'doc.work')).toBe(false);
    expect(hasPermission(['senior_officer'], 'doc.work')).toBe(false);
    expect(hasPermission(['clerk'], 'approval.work')).toBe(false);
  });

  it('lets the supervisor and the auditor read and verify the audit trail', () => {
    for (const r of ['supervisor', 'auditor'] as const) {
      expect(hasPermission([r], 'audit.view')).toBe(true);
      expect(hasPermission([r], 'audit.verify')).toBe(true);
    }
  });

  it('lets only the system role record a screening outcome: no administrator can declare a case screened', () => {
    expect(ROLES.filter((r) => hasPermission([r], 'screening.run'))).toEqual(['system']);
    expect(hasPermission(['admin'], 'screening.run')).toBe(false);
  });

  it('gives the system role only what branch intake and screening do, and only the system user holds it', () => {
    expect(permissionsOf(['system'])).toEqual(['case.submit', 'case.view_all', 'case.withdraw', 'screening.run']);
    expect(SYSTEM_USER.roles).toEqual(['system']);
    expect(SYSTEM_ACTOR).toEqual({ id: 'system', name: '系统', roles: ['system'], team: null });
  });

  it('shows unmasked identity numbers only to roles that work case documents', () => {
    expect(ROLES.filter((r) => hasPermission([r], 'pii.view'))).toEqual(['clerk', 'officer', 'senior_officer']);
  });
});

describe('permissionsOf', () => {
  it('returns nothing for no roles', () => {
    expect(permissionsOf([])).toEqual([]);
  });

  it('returns the permissions of a single role, sorted', () => {
    expect(permissionsOf(['clerk'])).toEqual(['contract.work', 'doc.work', 'pii.view']);
  });

  it('merges several roles without duplicates', () => {
    expect(permissionsOf(['clerk', 'officer'])).toEqual([
      'approval.work',
      'contract.work',
      'doc.work',
      'investigation.work',
      'pii.view',
    ]);
  });

  it('does not depend on the order or repetition of roles', () => {
    expect(permissionsOf(['officer', 'clerk', 'officer'])).toEqual(permissionsOf(['clerk', 'officer']));
  });

  it('is the union of ROLE_PERMISSIONS for every pair of roles', () => {
    for (const a of ROLES) {
      for (const b of ROLES) {
        const union = new Set<Permission>([...ROLE_PERMISSIONS[a], ...ROLE_PERMISSIONS[b]]);
        expect(permissionsOf([a, b])).toEqual([...union].sort());
      }
    }
  });
});

describe('hasPermission', () => {
  it('is false without roles', () => {
    for (const p of PERMISSIONS) expect(hasPermission([], p)).toBe(false);
  });

  it('is true when any of the roles grants it', () => {
    expect(hasPermission(['auditor', 'supervisor'], 'case.assign')).toBe(true);
    expect(hasPermission(['clerk', 'officer'], 'approval.work')).toBe(true);
    expect(hasPermission(['clerk', 'officer'], 'doc.work')).toBe(true);
  });

  it('is false when none of the roles grants it', () => {
    expect(hasPermission(['clerk', 'officer'], 'case.assign')).toBe(false);
    expect(hasPermission(['auditor', 'supervisor'], 'admin.manage')).toBe(false);
  });

  it('agrees with permissionsOf for every role and permission', () => {
    const combos: Role[][] = [...ROLES.map((r) => [r]), ['clerk', 'officer'], ['supervisor', 'auditor'], ['admin', 'senior_officer']];
    for (const roles of combos) {
      for (const p of PERMISSIONS) expect(hasPermission(roles, p)).toBe(permissionsOf(roles).includes(p));
    }
  });
});
