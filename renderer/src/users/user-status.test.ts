import { describe, expect, it } from 'vitest';
import { filterUsers, isLocked, statusTags } from './user-status';

const NOW = Date.parse('2026-03-02T02:00:00.000Z');

describe('statusTags', () => {
  it('shows an account in use without a lockout as active only', () => {
    expect(statusTags({ active: true, lockedUntil: null, mustChangePassword: false }, NOW)).toEqual([{ kind: 'active' }]);
  });

  it('shows a disabled account as disabled', () => {
    expect(statusTags({ active: false, lockedUntil: null, mustChangePassword: false }, NOW)).toEqual([{ kind: 'disabled' }]);
  });

  it('adds the lockout while it lasts, with its end', () => {
    const until = '2026-03-02T02:30:00.000Z';
    expect(statusTags({ active: true, lockedUntil: until, mustChangePassword: false }, NOW)).toEqual([{ kind: 'active' }, { kind: 'locked', until }]);
    expect(statusTags({ active: false, lockedUntil: until, mustChangePassword: false }, NOW)).toEqual([{ kind: 'disabled' }, { kind: 'locked', until }]);
  });

  it('marks an account in use whose password an administrator set, until its user changes it', () => {
    expect(statusTags({ active: true, lockedUntil: null, mustChangePassword: true }, NOW)).toEqual([{ kind: 'active' }, { kind: 'mustChange' }]);
    expect(statusTags({ active: false, lockedUntil: null, mustChangePassword: true }, NOW)).toEqual([{ kind: 'disabled' }]);
  });

  it('drops a lockout whose time has passed', () => {
    expect(statusTags({ active: true, lockedUntil: '2026-03-02T01:59:59.000Z', mustChangePassword: false }, NOW)).toEqual([{ kind: 'active' }]);
    expect(isLocked({ lockedUntil: '2026-03-02T02:00:00.000Z' }, NOW)).toBe(false);
  });
});

describe('filterUsers', () => {
  const users = [
    { username: 'zhangmin', displayName: '张敏' },
    { username: 'liqiang', displayName: '李强' },
    { username: 'e2e.Clerk', displayName: 'Test Clerk' },
  ];

  it('keeps every account for a blank filter', () => {
    expect(filterUsers(users, '  ')).toEqual(users);
  });

  it('finds by part of the username or the name, in any case', () => {
    expect(filterUsers(users, 'QIANG').map((u) => u.username)).toEqual(['liqiang']);
    expect(filterUsers(users, '敏').map((u) => u.username)).toEqual(['zhangmin']);
    expect(filterUsers(users, 'clerk').map((u) => u.username)).toEqual(['e2e.Clerk']);
  });
});
