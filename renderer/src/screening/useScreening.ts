import { useCallback, useEffect, useState } from 'react';
import type { ScreeningView } from '../../../shared/api/screening-views';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';

export interface ScreeningState {
  view: ScreeningView | null;
  error: AppError | null;
  reload(): Promise<void>;
}

/** The case's screening, loaded again whenever the case changes (its version moves). */
export function useScreening(caseId: string, caseVersion: number | null): ScreeningState {
  const [view, setView] = useState<ScreeningView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const reload = useCallback(async () => {
    const r = await client.call('screening:get', { caseId });
    if (r.ok) {
      setView(r.value);
      setError(null);
    } else {
      setError(r.error);
    }
  }, [caseId]);
  useEffect(() => {
    if (caseVersion !== null) void reload();
  }, [reload, caseVersion]);
  return { view, error, reload };
}
