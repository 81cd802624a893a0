import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentDesk } from '../../../shared/api/documents-api';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';

/** Polling interval while documents are still being recognised (progress bars move at this pace). */
const POLL_MS = 700;

/**
 * The checking desk's data for a case, reloaded when the case changes and polled while recognition is
 * running, so progress and newly recognised fields appear without a click.
 */
export function useDesk(caseId: string, caseVersion: number) {
  const [desk, setDesk] = useState<DocumentDesk | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const live = useRef(true);

  const load = useCallback(async () => {
    const r = await client.call('documents:desk', { caseId });
    if (!live.current) return;
    if (r.ok) {
      setDesk(r.value);
      setError(null);
    } else {
      setError(r.error);
    }
  }, [caseId]);

  useEffect(() => {
    live.current = true;
    void load();
    return () => {
      live.current = false;
    };
  }, [load, caseVersion]);

  const pending = desk?.pendingOcr ?? 0;
  useEffect(() => {
    if (pending === 0) return;
    const timer = setTimeout(() => void load(), POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, desk, load]);

  return { desk, error, reload: load, setDesk };
}
