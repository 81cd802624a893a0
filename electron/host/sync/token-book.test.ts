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

describe('TokenBook.retireAbsent', () => {
  it('retires the tokens of users not present any more, and only theirs', () => {
    const book = new TokenBook(() => 0);
    book.set('u-gone', 'a', 1e9);
    book.set('u-here', 'b', 1e9);
    book.retireAbsent((id) => id === 'u-here');
    expect(book.loggedIn()).toEqual(['u-here']);
    expect(book.retiring().map((t) => t.userId)).toEqual(['u-gone']);
  });

  it('drops a token only if it is still the one given back (he may have logged in again meanwhile)', () => {
    const book = new TokenBook(() => 0);
    book.set('u-1', 'old', 1e9);
    book.retire('u-1');
    book.set('u-1', 'new', 1e9);
    book.drop('u-1', 'old');
    expect(book.get('u-1')).toBe('new');
    book.drop('u-1', 'new');
    expect(book.get('u-1')).toBeNull();
  });
});
