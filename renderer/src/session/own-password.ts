import type { ApiInput } from '../../../shared/api/contract';
import { fail, ok, type Result } from '../../../shared/errors';
import { checkNewPassword } from '../../../shared/users/user-admin';
import { PASSWORD_TEXT } from './password-text';

/** Named as the host names them, so a refusal's `details.field` marks the right one. */
export interface OwnPasswordFields {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** The change of one's own password, checked as the host checks it (and the repeat, which only the form has). */
export function ownPasswordInput(fields: OwnPasswordFields, username: string): Result<ApiInput<'auth:changePassword'>> {
  const checked = checkNewPassword(fields.currentPassword, fields.newPassword, username);
  if (!checked.ok) return checked;
  if (fields.newPassword !== fields.repeat) return fail('validation', PASSWORD_TEXT.differ.zh, PASSWORD_TEXT.differ.en, { field: 'repeat' });
  return ok({ currentPassword: fields.currentPassword, newPassword: fields.newPassword });
}
