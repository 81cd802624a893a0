import { describe, expect, it } from 'vitest';
import { parseHash, routeHash, type Route } from './routes';

describe('routes', () => {
  it('opens the user administration page at #/users', () => {
    expect(parseHash('#/users')).toEqual({ name: 'users' });
    expect(routeHash({ name: 'users' })).toBe('#/users');
  });

  it('reads back every screen from its own hash', () => {
    const routes: Route[] = [
      { name: 'work' },
      { name: 'queue', queueId: 'doc_check' },
      { name: 'case', caseId: 'JS-2026/001' },
      { name: 'audit' },
      { name: 'authority' },
      { name: 'contracts', caseId: null },
      { name: 'contracts', caseId: 'c-1' },
      { name: 'contractTemplates' },
      { name: 'screeningRules' },
      { name: 'dashboard' },
      { name: 'sync' },
      { name: 'users' },
    ];
    for (const route of routes) expect(parseHash(routeHash(route))).toEqual(route);
  });

  it('finds no screen under a longer users path', () => {
    expect(parseHash('#/users/admin')).toEqual({ name: 'unknown' });
  });
});
