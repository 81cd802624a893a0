import type { ApiInput } from '../../../shared/api/contract';
import type { ManagedUser } from '../../../shared/api/users-api';
import type { Role } from '../../../shared/auth/roles';
import { fail, ok, type Result } from '../../../shared/errors';
import type { Team } from '../../../shared/products/catalog';
import { ASSIGNABLE_ROLES, checkAccountEdit, checkPassword, checkRoles, DISPLAY_NAME_MAX, otherActiveAdmins, USERNAME_PATTERN } from '../../../shared/users/user-admin';
import type { Label } from '../i18n/use-labels';
import { USERS_TEXT } from './users-text';

/**
 * The user forms' fields turned into the host's input, checked first by the same rules the host applies
 * (shared/users/user-admin.ts), so a refusal reads the same whether it comes from here or from the host.
 */

export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** A select cannot hold null: `none` stands for an account of no team (it sees both teams' work). */
export type TeamChoice = Team | 'none';

export const TEAM_CHOICES: readonly TeamChoice[] = ['none', 'retail', 'corporate'];

export const teamOf = (choice: TeamChoice): Team | null => (choice === 'none' ? null : choice);

export const teamChoice = (team: Team | null): TeamChoice => team ?? 'none';

export interface PasswordFields {
  password: string;
  password2: string;
}

export interface ProfileFields {
  displayName: string;
  roles: AssignableRole[];
  team: TeamChoice;
}

export interface NewUserFields extends ProfileFields, PasswordFields {
  username: string;
}

export interface EditFields extends ProfileFields {
  active: boolean;
}

function refuse(label: Label, field: string) {
  return fail('validation', label.zh, label.en, { field });
}

/** The strength rule for `username`, then the repeat. */
export function checkPasswordPair(fields: PasswordFields, username: string): Result<void> {
  const strength = checkPassword(fields.password, username);
  if (!strength.ok) return strength;
  if (fields.password !== fields.password2) return refuse(USERS_TEXT.passwordsDiffer, 'password2');
  return ok(undefined);
}

function displayNameOf(fields: ProfileFields): Result<string> {
  const name = fields.displayName.trim();
  if (name.length === 0 || name.length > DISPLAY_NAME_MAX) return refuse(USERS_TEXT.noDisplayName, 'displayName');
  return ok(name);
}

/** A new account's input, the username trimmed and in small letters as the host stores it. */
export function newUserInput(fields: NewUserFields): Result<ApiInput<'users:create'>> {
  const username = fields.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) return refuse(USERS_TEXT.badUsername, 'username');
  const displayName = displayNameOf(fields);
  if (!displayName.ok) return displayName;
  const roles = checkRoles(fields.roles);
  if (!roles.ok) return roles;
  const password = checkPasswordPair(fields, username);
  if (!password.ok) return password;
  return ok({ username, displayName: displayName.value, roles: fields.roles, team: teamOf(fields.team), password: fields.password });
}

/**
 * An edit of `user` by `editorId`, named against the version shown. `users` is the list on the page: the
 * other active administrators in it decide whether an administrator may be removed (the host counts again).
 */
export function userEditInput(user: ManagedUser, fields: EditFields, editorId: string, users: readonly ManagedUser[]): Result<ApiInput<'users:update'>> {
  const displayName = displayNameOf(fields);
  if (!displayName.ok) return displayName;
  const allowed = checkAccountEdit(editorId, user, { roles: fields.roles, active: fields.active }, otherActiveAdmins(users, user.id));
  if (!allowed.ok) return allowed;
  return ok({
    id: user.id,
    basedOnVersion: user.version,
    displayName: displayName.value,
    roles: fields.roles,
    team: teamOf(fields.team),
    active: fields.active,
  });
}

/** The edit form's starting values: the account as listed (its roles are all assignable: it is no system user). */
export function editFieldsOf(user: ManagedUser): EditFields {
  const roles = user.roles.filter((r: Role): r is AssignableRole => (ASSIGNABLE_ROLES as readonly Role[]).includes(r));
  return { displayName: user.displayName, roles, team: teamChoice(user.team), active: user.active };
}
