import type { AccountEvent } from '../../../shared/api/users-api';
import { isRole, ROLE_LABELS } from '../../../shared/auth/roles';
import type { Label } from '../i18n/use-labels';
import { LABEL_SEPARATOR, listText } from '../i18n/list-text';
import { TEAM_LABELS } from '../screening/screening-text';
import { USERS_TEXT } from './users-text';

/** The history's words for each kind of account event. */
export const ACCOUNT_EVENT_LABELS: Record<AccountEvent['action'], Label> = {
  userCreated: { zh: '新建', en: 'Created' },
  userUpdated: { zh: '修改', en: 'Edited' },
  passwordReset: { zh: '重置密码', en: 'Password reset' },
  passwordChanged: { zh: '本人修改密码', en: 'Changed own password' },
  userUnlocked: { zh: '解锁', en: 'Unlocked' },
  accountLocked: { zh: '锁定', en: 'Locked' },
};

const FIELD_LABELS: Record<string, Label> = {
  displayName: USERS_TEXT.displayName,
  roles: USERS_TEXT.roles,
  team: USERS_TEXT.team,
  active: USERS_TEXT.status,
};

/** One stored value as the page shows it; anything unexpected (an older entry) as plain text. */
function valueText(field: string, value: unknown, pick: (label: Label) => string): string {
  if (field === 'roles' && Array.isArray(value)) return listText(value.map((r) => (isRole(r) ? pick(ROLE_LABELS[r]) : String(r))), pick);
  if (field === 'team' && (value === null || value === 'retail' || value === 'corporate')) return value ? pick(TEAM_LABELS[value]) : pick(USERS_TEXT.teamAll);
  if (field === 'active' && typeof value === 'boolean') return pick(value ? USERS_TEXT.active : USERS_TEXT.disabled);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Where a lockout's wrong passwords were given. */
const LOCKED_DURING_LABELS: Record<NonNullable<AccountEvent['lockedDuring']>, Label> = {
  login: { zh: '登录时密码连续错误', en: 'Wrong passwords at login' },
  passwordChange: { zh: '修改密码时当前密码连续错误', en: 'Wrong current passwords when changing the password' },
};

/**
 * What an event changed, one line a field: `角色：资料审核员 → 审批员`; for a new account (nothing before) only
 * what it was created with. (A `from` of null is no sign of creation: an edit may change no team to one.)
 * For a lockout, where the wrong passwords were given.
 */
export function detailLines(event: Pick<AccountEvent, 'action' | 'changes' | 'lockedDuring'>, pick: (label: Label) => string): string[] {
  if (event.lockedDuring) return [pick(LOCKED_DURING_LABELS[event.lockedDuring])];
  return Object.entries(event.changes ?? {}).map(([field, { from, to }]) => {
    const name = (FIELD_LABELS[field] ? pick(FIELD_LABELS[field]) : field) + pick(LABEL_SEPARATOR);
    const after = valueText(field, to, pick);
    return event.action === 'userCreated' ? `${name}${after}` : `${name}${valueText(field, from, pick)} → ${after}`;
  });
}
