import type { ManagedUser } from '../../../shared/api/users-api';

/**
 * What the status column shows of an account: in use or disabled, locked while a lockout lasts, and waiting
 * for its user to replace the password an administrator set.
 */
export type StatusTag = { kind: 'active' } | { kind: 'disabled' } | { kind: 'locked'; until: string } | { kind: 'mustChange' };

/** Locked by wrong passwords at `nowMs`; a lockout whose time has passed no longer counts. */
export function isLocked(user: Pick<ManagedUser, 'lockedUntil'>, nowMs: number): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > nowMs;
}

export function statusTags(user: Pick<ManagedUser, 'active' | 'lockedUntil' | 'mustChangePassword'>, nowMs: number): StatusTag[] {
  const tags: StatusTag[] = [{ kind: user.active ? 'active' : 'disabled' }];
  if (user.lockedUntil !== null && isLocked(user, nowMs)) tags.push({ kind: 'locked', until: user.lockedUntil });
  if (user.active && user.mustChangePassword) tags.push({ kind: 'mustChange' });
  return tags;
}

/** The accounts whose username or name contains `text` (any case); all of them for a blank filter. */
export function filterUsers<U extends Pick<ManagedUser, 'username' | 'displayName'>>(users: readonly U[], text: string): U[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...users];
  return users.filter((u) => u.username.toLowerCase().includes(needle) || u.displayName.toLowerCase().includes(needle));
}
