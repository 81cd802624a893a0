import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueToken, verifyToken } from './token';

const secret = randomBytes(32);
const claims = { sid: 'session-1', uid: 'u-clerk-1', exp: 2_000_000_000_000 };

describe('session tokens', () => {
  it('verifies its own tokens and gives back who they name', () => {
    expect(verifyToken(secret, issueToken(secret, claims), 1_000)).toEqual({ ok: true, claims });
  });

  it('refuses a token with another user, another expiry or another key', () => {
    const [sid, , exp, mac] = issueToken(secret, claims).split('.') as [string, string, string, string];
    const otherUser = [sid, Buffer.from('u-admin-1').toString('base64url'), exp, mac].join('.');
    const later = [sid, Buffer.from(claims.uid).toString('base64url'), (claims.exp * 2).toString(36), mac].join('.');
    expect(verifyToken(secret, otherUser, 1_000)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyToken(secret, later, 1_000)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyToken(randomBytes(32), issueToken(secret, claims), 1_000)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses expired and malformed tokens', () => {
    expect(verifyToken(secret, issueToken(secret, claims), claims.exp)).toEqual({ ok: false, reason: 'expired' });
    for (const t of ['', 'abc', 'a.b.c', 'a.b.c.d.e', 'x'.repeat(700)]) expect(verifyToken(secret, t, 1).ok).toBe(false);
  });
});
