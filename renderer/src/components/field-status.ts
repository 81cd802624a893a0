import type { FormItemProps } from 'antd';
import type { AppError } from '../../../shared/errors';

/** Marks the form field a refusal names (`details.field`, as the shared rules and the host set it). */
export function fieldStatus(problem: AppError | null, field: string): FormItemProps['validateStatus'] {
  return problem?.details?.field === field ? 'error' : undefined;
}
