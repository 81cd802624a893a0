import { describe, expect, it } from 'vitest';
import { INPUT_COUNTS_FOR_MS, USER_INPUT_EVENTS, UserInputClock } from './user-input';

describe('UserInputClock', () => {
  it('counts a call as the user\'s only shortly after key or pointer input', () => {
    let now = 1_000_000;
    const clock = new UserInputClock(() => now);
    expect(clock.recentlyActive()).toBe(true);
    now += INPUT_COUNTS_FOR_MS;
    expect(clock.recentlyActive()).toBe(false);
    clock.touch();
    expect(clock.lastInputAt()).toBe(now);
    expect(clock.recentlyActive()).toBe(true);
  });

  it('hears every kind of input on the target until unwatched', () => {
    let now = 0;
    const clock = new UserInputClock(() => now);
    const target = new EventTarget() as unknown as Window;
    const unwatch = clock.watch(target);
    for (const name of USER_INPUT_EVENTS) {
      now += 10_000;
      target.dispatchEvent(new Event(name));
      expect(clock.lastInputAt()).toBe(now);
    }
    unwatch();
    now += 10_000;
    target.dispatchEvent(new Event('keydown'));
    expect(clock.lastInputAt()).toBe(now - 10_000);
  });
});
