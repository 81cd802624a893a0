import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';

export type UserList = ApiOutput<'users:list'>;

/** The accounts as the host lists them, loaded on mount and again on `load()`; a failed reload keeps the last list. */
export function useUserList() {
  const [list, setList] = useState<UserList | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    const result = await client.call('users:list', {});
    if (!result.ok) return setLoadError(result.error);
    setLoadError(null);
    setList(result.value);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return { list, loadError, load };
}
