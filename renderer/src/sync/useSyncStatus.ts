import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../../shared/api/sync-api';
import { client } from '../api';
import { useCasesChanged } from '../hooks/useCasesChanged';

const POLL_MS = 3_000;

/** The host's sync status, refreshed every few seconds and after any case change (e.g. a pull). */
export function useSyncStatus(): { status: SyncStatus | null; refresh: () => Promise<void> } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const alive = useRef(true);
  const refresh = useCallback(async () => {
    const r = await client.call('sync:status', {});
    if (alive.current && r.ok) setStatus(r.value);
  }, []);
  useEffect(() => {
    alive.current = true;
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => {
      alive.current = false;
      clearInterval(timer);
    };
  }, [refresh]);
  useCasesChanged(() => void refresh(), 300);
  return { status, refresh };
}
