import type { ErrorCode } from '../errors';

/** HTTP status of each error code, on the central server's API and the browser-mode transport alike (the body is always the Result envelope). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  'session-expired': 401,
  'account-locked': 423,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'invalid-transition': 409,
  'sod-violation': 403,
  offline: 503,
  internal: 500,
};
