import type { Role } from '../../../shared/auth/roles';
import type { Actor } from '../../../shared/commands/types';
import type { Team } from '../../../shared/products/catalog';

/** Demo accounts (listed in README). One shared demo password keeps the demo easy to try. */
export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  team: Team | null;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'u-clerk-1', username: 'zhangmin', displayName: '张敏', roles: ['clerk'], team: null },
  { id: 'u-clerk-2', username: 'wangfang', displayName: '王芳', roles: ['clerk'], team: null },
  { id: 'u-officer-1', username: 'liqiang', displayName: '李强', roles: ['officer'], team: 'retail' },
  { id: 'u-officer-2', username: 'zhaolei', displayName: '赵磊', roles: ['officer'], team: 'retail' },
  { id: 'u-officer-3', username: 'chenjing', displayName: '陈静', roles: ['officer'], team: 'corporate' },
  { id: 'u-senior-1', username: 'sunwei', displayName: '孙伟', roles: ['senior_officer'], team: null },
  { id: 'u-senior-2', username: 'guoli', displayName: '郭丽', roles: ['senior_officer'], team: null },
  { id: 'u-dual-1', username: 'hexin', displayName: '何鑫', roles: ['clerk', 'officer'], team: 'retail' },
  { id: 'u-super-1', username: 'zhouyan', displayName: '周燕', roles: ['supervisor'], team: null },
  { id: 'u-admin-1', username: 'admin', displayName: '系统管理员', roles: ['admin'], team: null },
  { id: 'u-audit-1', username: 'wugang', displayName: '吴刚', roles: ['auditor'], team: null },
];

/** A demo user as the actor of a command. */
export const demoActor = (u: DemoUser): Actor => ({ id: u.id, name: u.displayName, roles: u.roles, team: u.team });
