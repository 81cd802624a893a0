/** Key and pointer input: what counts as the user's activity (the page's own refreshes do not). */
export const USER_INPUT_EVENTS = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;

/**
 * A call this soon after the user's last input is the user's doing: a click's query goes out at once, a
 * search box's after its debounce, a page's several loads within moments of the click that opened it.
 * Anything later (a grid refreshing because a colleague's change was pulled) is background.
 */
export const INPUT_COUNTS_FOR_MS = 3_000;

type InputTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/** When the user last touched the keyboard, mouse or screen: the UI's idle logout and the host's both go by it. */
export class UserInputClock {
  private last: number;

  constructor(private readonly now: () => number = Date.now) {
    this.last = now();
  }

  /** Listens on the window (capture, so a handler that stops propagation does not hide input); returns the undo. */
  watch(target: InputTarget): () => void {
    // Only the user's own input: events a script dispatches are not trusted.
    const touch = (e: Event) => {
      if (e.isTrusted) this.touch();
    };
    for (const name of USER_INPUT_EVENTS) target.addEventListener(name, touch, { capture: true, passive: true });
    return () => {
      for (const name of USER_INPUT_EVENTS) target.removeEventListener(name, touch, { capture: true });
    };
  }

  touch(): void {
    this.last = this.now();
  }

  lastInputAt(): number {
    return this.last;
  }

  /** True when a call made now is the user's doing (see INPUT_COUNTS_FOR_MS). */
  recentlyActive(): boolean {
    return this.now() - this.last < INPUT_COUNTS_FOR_MS;
  }
}
