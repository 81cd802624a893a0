import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Session tokens: `<session id>.<user id>.<expiry ms>.<HMAC-SHA256>` in base64url. The signature lets any
 * instance refuse a forged or expired token without a query; the session row (checked next) allows revoking.
 */
export interface TokenClaims {
  sid: string;
  uid: string;
  exp: number;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

function sign(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function issueToken(secret: Buffer, claims: TokenClaims): string {
  const body = `${b64(claims.sid)}.${b64(claims.uid)}.${claims.exp.toString(36)}`;
  return `${body}.${sign(secret, body).toString('base64url')}`;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export function verifyToken(secret: Buffer, token: string, now: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 4 || token.length > 600) return { ok: false, reason: 'malformed' };
  const [sid, uid, exp, mac] = parts as [string, string, string, string];
  const body = `${sid}.${uid}.${exp}`;
  const given = Buffer.from(mac, 'base64url');
  const expected = sign(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  const expiry = parseInt(exp, 36);
  if (!Number.isFinite(expiry) || expiry <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { sid: unb64(sid), uid: unb64(uid), exp: expiry } };
}
