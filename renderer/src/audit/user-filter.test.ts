import { describe, expect, it } from 'vitest';
import { resolveUserId } from './user-filter';

const users = [
  { id: 'u-officer-1', name: '李强' },
  { id: 'u-officer-2', name: '赵磊' },
];

describe('resolveUserId', () => {
  it('turns a known name into its id and keeps a typed id', () => {
    expect(resolveUserId('赵磊', users)).toEqual({ id: 'u-officer-2', invalid: false });
    expect(resolveUserId(' u-senior-1 ', users)).toEqual({ id: 'u-senior-1', invalid: false });
    expect(resolveUserId('', users)).toEqual({ id: undefined, invalid: false });
  });

  it('does not send what cannot be a user id (the host would refuse it)', () => {
    expect(resolveUserId('王五', users)).toEqual({ id: undefined, invalid: true });
    expect(resolveUserId("u' OR 1=1", users)).toEqual({ id: undefined, invalid: true });
  });
});
