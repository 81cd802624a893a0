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
 * Buttons last focused by a pointer (a click), until the keyboard (Tab) focuses them again. Chromium focuses a
 * button on click, and a dialog gives focus back to the button that opened it; neither means the user's next
 * Enter is for that button. (`:focus-visible` cannot tell: any key pressed while a clicked button has focus
 * makes it match.)
 */
const pointerFocused = new WeakSet<EventTarget>();
let trackerInstalled = false;
function trackFocusOrigin(): void {
  if (trackerInstalled || typeof window === 'undefined') return;
  trackerInstalled = true;
  let pointerAt = -Infinity;
  let tabAt = -Infinity;
  window.addEventListener(
    'pointerdown',
    (e) => {
      pointerAt = performance.now();
      // A click on the button that already has focus moves no focus: mark it here.
      const pressed = e.target instanceof Element ? e.target.closest('button, a[href]') : null;
      if (pressed) pointerFocused.add(pressed);
    },
    true,
  );
  window.addEventListener('keydown', (e) => e.key === 'Tab' && (tabAt = performance.now()), true);
  window.addEventListener(
    'focusin',
    (e) => {
      if (!e.target) return;
      const now = performance.now();
      if (now - pointerAt < 1000 && pointerAt > tabAt) pointerFocused.add(e.target);
      else if (now - tabAt < 1000) pointerFocused.delete(e.target);
    },
    true,
  );
}

/**
 * True for a native button or link the user reached with the keyboard, which the browser presses on Enter
 * unless a listener prevents it. One clicked with the mouse (zoom, 修正) leaves Enter to the page: the user's
 * eyes are on the page's selection, not on the button he clicked a while ago. Items that only play a button,
 * like the document list's, leave Enter to the page on purpose.
 */
export function isKeyboardFocusedButton(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const native = target.tagName === 'BUTTON' || (target.tagName === 'A' && target.hasAttribute('href'));
  return native && !pointerFocused.has(target);
}

/**
 * Single-key shortcuts for queue work. Keys are `KeyboardEvent.key` values ('n', 'Enter', '/', 'Escape');
 * letters match either case. Ignored while typing, with Ctrl/Alt/Meta held, for Enter on a button reached by
 * Tab, or while a dialog is open (`enabled` false), so a modal's own Enter/Escape keep their meaning.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled = true): void {
  const ref = useRef(handlers);
  // Latest callback without re-subscribing on every render.
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    trackFocusOrigin();
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTypingTarget(event.target)) return;
      // Enter on a button reached by Tab presses that button, as the user expects, not the page's Enter shortcut.
      if (event.key === 'Enter' && isKeyboardFocusedButton(event.target)) return;
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
