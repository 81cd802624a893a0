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

  it('hears the user\'s key and pointer input on the target until unwatched, not events a script dispatched', () => {
    let now = 0;
    const clock = new UserInputClock(() => now);
    const listeners = new Map<string, (e: Event) => void>();
    const target = {
      addEventListener: (name: string, l: (e: Event) => void) => void listeners.set(name, l),
      removeEventListener: (name: string) => void listeners.delete(name),
    } as unknown as Window;
    const unwatch = clock.watch(target);
    expect([...listeners.keys()].sort()).toEqual([...USER_INPUT_EVENTS].sort());
    for (const name of USER_INPUT_EVENTS) {
      now += 10_000;
      listeners.get(name)!({ isTrusted: true } as Event);
      expect(clock.lastInputAt()).toBe(now);
    }
    now += 10_000;
    listeners.get('keydown')!(new Event('keydown')); // untrusted: made by script
    expect(clock.lastInputAt()).toBe(now - 10_000);
    unwatch();
    expect(listeners.size).toBe(0);
  });
});
