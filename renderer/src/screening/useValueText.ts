import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import type { ValueText } from './screening-format';
import { SCREENING_TEXT } from './screening-text';

export function useValueText(): ValueText {
  const { pick } = useI18n();
  const tx = useLabels(SCREENING_TEXT);
  return useMemo(
    () => ({ pick, yes: tx('yes'), no: tx('no'), unknown: tx('unknown'), months: (n: number) => tx('months', { n }), years: (n: number) => tx('years', { n }) }),
    [pick, tx],
  );
}
