import { randomBytes } from 'node:crypto';

/** A new account's id, made where the account is first asked for (so a repeated request names the same one). */
export const newAccountId = (): string => `u-${randomBytes(9).toString('base64url')}`;
