import { permissionsOf } from '../../shared/auth/permissions';
import type { Role } from '../../shared/auth/roles';
import type { UserInfo } from '../../shared/api/schemas';
import type { Actor, UserRef } from '../../shared/commands/types';
import type { Team } from '../../shared/products/catalog';
import type { ServerUser } from '../../shared/sync/protocol';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  team: Team | null;
  active: boolean;
}

export const USER_COLUMNS = 'id, username, display_name, roles, team, active';

export const actorOf = (u: UserRow): Actor => ({ id: u.id, name: u.display_name, roles: u.roles, team: u.team });

export const userRefOf = (u: UserRow): UserRef => ({ ...actorOf(u), active: u.active });

export const userInfoOf = (u: UserRow): UserInfo => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  roles: u.roles,
  permissions: permissionsOf(u.roles),
  team: u.team,
});

export const serverUserOf = (u: UserRow): ServerUser => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  roles: u.roles,
  team: u.team,
  active: u.active,
});
