import { useCallback, useEffect, useRef, useState } from 'react';
import type { DashboardQueryInput } from '../../../shared/api/dashboard-api';
import type { DashboardFigures } from '../../../shared/dashboard/figures';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';
import { useCasesChanged } from '../hooks/useCasesChanged';

/** Host pushes arrive in bursts (a claim storm, a sync pull); the figures follow at most this often. */
const LIVE_DELAY_MS = 1_500;

/**
 * The figures for a query, fetched again when the query changes and whenever the host reports changed
 * cases. The previous figures stay on screen while new ones load; an answer to an older query is dropped.
 */
export function useDashboardFigures(query: DashboardQueryInput) {
  const [figures, setFigures] = useState<DashboardFigures | null>(null);
  const [answered, setAnswered] = useState<DashboardQueryInput | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const latest = useRef(0);
  const key = JSON.stringify(query);

  const load = useCallback(async () => {
    const ticket = ++latest.current;
    const asked = JSON.parse(key) as DashboardQueryInput;
    setLoading(true);
    const r = await client.call('dashboard:figures', { query: asked });
    if (ticket !== latest.current) return;
    setLoading(false);
    if (r.ok) {
      setFigures(r.value);
      setAnswered(asked);
      setError(null);
      setUpdatedAt(Date.now());
    } else {
      setError(r.error);
    }
  }, [key]);

  useEffect(() => {
    void load();
  }, [load]);
  useCasesChanged(() => void load(), LIVE_DELAY_MS);

  return { figures, query: answered, error, loading, updatedAt, reload: load };
}
