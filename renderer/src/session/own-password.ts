import type { ApiInput } from '../../../shared/api/contract';
import { fail, ok, type Result } from '../../../shared/errors';
import { checkNewPassword } from '../../../shared/users/user-admin';
import { PASSWORD_TEXT } from './password-text';

export interface OwnPasswordFields {
  current: string;
  next: string;
  repeat: string;
}

/** The change of one's own password, checked as the host checks it (and the repeat, which only the form has). */
export function ownPasswordInput(fields: OwnPasswordFields, username: string): Result<ApiInput<'auth:changePassword'>> {
  const checked = checkNewPassword(fields.current, fields.next, username);
  if (!checked.ok) return checked;
  if (fields.next !== fields.repeat) return fail('validation', PASSWORD_TEXT.differ.zh, PASSWORD_TEXT.differ.en, { field: 'repeat' });
  return ok({ currentPassword: fields.current, newPassword: fields.next });
}
