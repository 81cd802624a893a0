import { useEffect, useRef } from 'react';

export type ShortcutHandlers = Partial<Record<string, (event: KeyboardEvent) => void>>;

/** True while the user is typing somewhere a letter key means text, not a command. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  const role = target.getAttribute('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}

/**
 * True for a focused native button or link, which the browser presses on Enter unless a listener prevents it.
 * (Items that only play a button, like the document list's, leave Enter to the page on purpose.)
 */
export function isPressable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.tagName === 'BUTTON' || (target.tagName === 'A' && target.hasAttribute('href'));
}

/**
 * Single-key shortcuts for queue work. Keys are `KeyboardEvent.key` values ('n', 'Enter', '/', 'Escape');
 * letters match either case. Ignored while typing, with Ctrl/Alt/Meta held, Enter on a focused button, or while a dialog is open
 * (`enabled` false), so a modal's own Enter/Escape keep their meaning.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled = true): void {
  const ref = useRef(handlers);
  // Latest callback without re-subscribing on every render.
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTypingTarget(event.target)) return;
      // Enter on a focused button presses that button, as the user expects, not the page's Enter shortcut.
      if (event.key === 'Enter' && isPressable(event.target)) return;
      if (document.querySelector('.ant-modal-wrap:not([style*="display: none"])')) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const handler = ref.current[key];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
