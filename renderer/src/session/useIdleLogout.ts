import { useEffect } from 'react';
import type { UserInputClock } from './user-input';

const CHECK_EVERY_MS = 30_000;

/**
 * What a half-minute check finds: `idle` (no input for the whole idle time: end the session), `active` (input
 * since the last check that the host has not heard of), or `quiet` (nothing to do).
 */
export function idleVerdict(now: number, lastInputAt: number, reportedInputAt: number, idleMinutes: number): 'idle' | 'active' | 'quiet' {
  if (now - lastInputAt >= idleMinutes * 60_000) return 'idle';
  return lastInputAt > reportedInputAt ? 'active' : 'quiet';
}

/**
 * Ends the session after `idleMinutes` without keyboard or mouse input. The host has its own idle timeout,
 * which counts only calls made at the user's hand (a grid refreshing on a push event is a background call):
 * so while the user reads or types without calling the host, `onActive` is called every half minute there
 * was input, to tell the host the session is in use.
 */
export function useIdleLogout(idleMinutes: number | null, input: UserInputClock, onIdle: () => void, onActive: () => void): void {
  useEffect(() => {
    if (!idleMinutes || idleMinutes <= 0) return;
    // Logging in is input: a session starts with its full idle time.
    input.touch();
    let reported = input.lastInputAt();
    const timer = setInterval(() => {
      const last = input.lastInputAt();
      const verdict = idleVerdict(Date.now(), last, reported, idleMinutes);
      if (verdict === 'idle') onIdle();
      else if (verdict === 'active') {
        reported = last;
        onActive();
      }
    }, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [idleMinutes, input, onIdle, onActive]);
}
