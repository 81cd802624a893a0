import { App } from 'antd';
import { useState } from 'react';
import type { AppError, Result } from '../../../shared/errors';

/**
 * One change sent from a form: the local check's refusal or the host's is kept for the form to show (it
 * stays open); a success is announced and handed on (e.g. the page closes the modal and reloads).
 */
export function useFormCommand(onDone: () => void, onRefused?: (error: AppError) => void) {
  const { message } = App.useApp();
  const [problem, setProblem] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async <I>(input: Result<I>, send: (input: I) => Promise<Result<unknown>>, doneText: string) => {
    if (!input.ok) return setProblem(input.error);
    setProblem(null);
    setBusy(true);
    const result = await send(input.value);
    setBusy(false);
    if (!result.ok) {
      onRefused?.(result.error);
      return setProblem(result.error);
    }
    void message.success(doneText);
    onDone();
  };

  return { problem, busy, run };
}
