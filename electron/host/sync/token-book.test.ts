import { describe, expect, it } from 'vitest';
import { TokenBook } from './token-book';

describe('TokenBook: the server tokens of the users on this desktop', () => {
  it('tells who is logged in here now: not a user logged out whose token waits to push, nor an expired one', () => {
    const clock = { now: 1_000 };
    const book = new TokenBook(() => clock.now);
    book.set('u-clerk-1', 'a', 10_000);
    book.set('u-super', 'b', 10_000);
    book.set('u-old', 'c', 2_000);
    book.retire('u-clerk-1');
    clock.now = 5_000;
    expect(book.loggedIn()).toEqual(['u-super']);
    expect(book.users()).toEqual(['u-clerk-1', 'u-super']);
  });
});
