import { useCallback } from 'react';
import type { Label } from '../../../shared/domain/label';
import { useI18n } from './I18nProvider';

export type { Label };

/**
 * Text of one feature kept beside it as `{ zh, en }` labels (as shared/ does), so features built in parallel
 * do not all edit the two dictionaries. `{name}` marks a parameter, as in the dictionaries.
 */
export function useLabels<K extends string>(labels: Record<K, Label>): (key: K, params?: Record<string, string | number>) => string {
  const { pick } = useI18n();
  return useCallback(
    (key, params) => {
      const text = pick(labels[key]);
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
    },
    [pick, labels],
  );
}
