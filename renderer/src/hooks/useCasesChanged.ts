import { useEffect, useRef } from 'react';
import type { CaseChange } from '../../../shared/api/schemas';
import { client } from '../api';

/**
 * Calls `onChange` after the host reports changed cases. Bursts (a claim storm, a sync pull) are folded
 * into one call per `delayMs`, with all changes of the burst.
 */
export function useCasesChanged(onChange: (changes: CaseChange[]) => void, delayMs = 400): void {
  const ref = useRef(onChange);
  // Latest callback without re-subscribing on every render.
  useEffect(() => {
    ref.current = onChange;
  });

  useEffect(() => {
    let pending: CaseChange[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = client.onEvent((event) => {
      if (event.type !== 'cases-changed') return;
      pending.push(...event.changes);
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        const batch = pending;
        pending = [];
        ref.current(batch);
      }, delayMs);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [delayMs]);
}
