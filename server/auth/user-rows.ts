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
  must_change_password: boolean;
}

export const USER_COLUMNS = 'id, username, display_name, roles, team, active, must_change_password';

/** What a desktop is told of a user (`GET /v1/users`). */
export interface SyncedUserRow extends UserRow {
  password_changed_at: number | null;
}

export const SYNCED_USER_COLUMNS = `${USER_COLUMNS}, password_changed_at`;

export const actorOf = (u: UserRow): Actor => ({ id: u.id, name: u.display_name, roles: u.roles, team: u.team });

export const userRefOf = (u: UserRow): UserRef => ({ ...actorOf(u), active: u.active });

export const userInfoOf = (u: UserRow): UserInfo => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  roles: u.roles,
  permissions: permissionsOf(u.roles),
  team: u.team,
  mustChangePassword: u.must_change_password,
});

/** The account's own fields, named as the API names them. */
export const accountOf = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  roles: u.roles,
  team: u.team,
  active: u.active,
});

export const serverUserOf = (u: SyncedUserRow): ServerUser => ({
  ...accountOf(u),
  passwordChangedAt: u.password_changed_at === null ? null : Number(u.password_changed_at),
  mustChangePassword: u.must_change_password,
});
