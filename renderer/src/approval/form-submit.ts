import { useEffect, type RefObject } from 'react';

/** The submit of the form that is open, so Ctrl+Enter can reach it from anywhere on the page. */
export type SubmitRef = RefObject<(() => void) | null>;

export function useRegisterSubmit(ref: SubmitRef, submit: () => void): void {
  useEffect(() => {
    ref.current = submit;
    return () => {
      if (ref.current === submit) ref.current = null;
    };
  });
}
