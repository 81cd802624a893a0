import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 30_000;

/**
 * Ends the session after `idleMinutes` without keyboard or mouse input. The host has its own idle timeout,
 * but grids and counters refresh themselves on push events, and those calls would keep an unattended
 * session alive on the host; only real input counts here.
 */
export function useIdleLogout(idleMinutes: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (!idleMinutes || idleMinutes <= 0) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (Date.now() - last >= idleMinutes * 60_000) onIdle();
    }, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
      clearInterval(timer);
    };
  }, [idleMinutes, onIdle]);
}
