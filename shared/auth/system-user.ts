import type { Actor } from '../commands/types';
import type { Role } from './roles';

/**
 * The user branch intake and automatic screening act as, on the desktop and on the server, so their audit
 * entries name it. It has no password (cannot log in) and is the only holder of the `system` role.
 */
export const SYSTEM_USER: { id: string; username: string; displayName: string; roles: Role[]; team: null } = {
  id: 'system',
  username: 'system',
  displayName: '系统',
  roles: ['system'],
  team: null,
};

export const SYSTEM_ACTOR: Actor = { id: SYSTEM_USER.id, name: SYSTEM_USER.displayName, roles: SYSTEM_USER.roles, team: null };

/** Actor of the local audit entries a desktop's sync client writes itself (a refusal by the server). */
export const SERVER_ACTOR = { id: 'central', name: '中央服务器' };
