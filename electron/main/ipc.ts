import { CHANNELS, EVENT_CHANNEL, MENU_LANGUAGE_CHANNEL, type Channel, type HostEvent } from '../../shared/api/contract';
import { fail, type Result } from '../../shared/errors';
import type { HostHandle } from '../host/host-handle';
import { menuLabelsForUi, type MenuLabels } from './window-options';

/*
 * The IPC side of the typed API. The Electron objects are described structurally (Electron's own
 * `ipcMain`, `IpcMainInvokeEvent` and `WebContents` fit) so the unit test can drive this file in plain Node.
 */

interface InvokeEvent {
  /** The WebContents that sent the call; only used as an identity key. */
  readonly sender: object;
  /** Null once the frame has navigated away or been destroyed. */
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, payload: unknown) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcMainEventsLike {
  on(channel: string, listener: (event: InvokeEvent, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: InvokeEvent, payload: unknown) => void): unknown;
}

export interface EventSink {
  isDestroyed(): boolean;
  send(channel: typeof EVENT_CHANNEL, event: HostEvent): void;
}

export interface ApiRequest {
  token: string | null;
  input: unknown;
  /** A call made without the user's hand (CallOptions): it does not keep the session alive. */
  background: boolean;
}

/** The preload sends `{ token, input, background }`; anything else (a compromised renderer, a stale build) is refused. */
export function readRequest(payload: unknown): ApiRequest | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const { token = null, input, background = false } = payload as { token?: unknown; input?: unknown; background?: unknown };
  if (token !== null && typeof token !== 'string') return null;
  if (typeof background !== 'boolean') return null;
  return { token, input, background };
}

export interface ApiBinding {
  /** The session token the given sender used last: push events for one session go only to its window. */
  tokenOf(sender: object): string | null;
  dispose(): void;
}

/**
 * Register every channel of the contract, each with the same guarded handler. `isTrustedFrame` decides
 * whether the calling frame is the app itself (an iframe or a page the window was tricked into must not
 * reach the host).
 */
export function bindApi(ipc: IpcMainLike, host: HostHandle, isTrustedFrame: (url: string) => boolean): ApiBinding {
  const lastToken = new WeakMap<object, string | null>();

  function handle(channel: Channel): void {
    ipc.handle(channel, async function handleApiCall(event, payload): Promise<Result<unknown>> {
      if (!event.senderFrame || !isTrustedFrame(event.senderFrame.url)) {
        return fail('forbidden', '请求来源不受信任', 'Request from an untrusted frame', { channel });
      }
      const request = readRequest(payload);
      if (!request) {
        return fail('validation', '请求格式不正确', 'Malformed request: expected { token, input }', { channel });
      }
      lastToken.set(event.sender, request.token);
      return host.dispatch(channel, request.token, request.input, { background: request.background });
    });
  }

  for (const channel of CHANNELS) handle(channel);

  return {
    tokenOf: (sender) => lastToken.get(sender) ?? null,
    dispose() {
      for (const channel of CHANNELS) ipc.removeHandler(channel);
    },
  };
}

/**
 * Push host events to the window. Events for everyone (token null, e.g. cases-changed) are broadcast; an
 * event for one session (e.g. session-expired) goes to the window only if that is the session it is using,
 * so an old token expiring does not log out the user who has since logged in again. The window's
 * WebContents is both the sink here and the `sender` of its IPC calls, hence one identity key.
 */
export function forwardHostEvents(host: HostHandle, window: () => EventSink | null, binding: ApiBinding): () => void {
  return host.subscribe(function forwardHostEvent(event, token) {
    const sink = window();
    if (!sink || sink.isDestroyed()) return;
    if (token !== null && binding.tokenOf(sink) !== token) return;
    sink.send(EVENT_CHANNEL, event);
  });
}

/**
 * The native menu follows the UI's language switch: the app's own frame names the language, and `apply`
 * rebuilds the menu with its labels. A message from another frame, or naming anything else, changes nothing.
 */
export function bindMenuLanguage(ipc: IpcMainEventsLike, isTrustedFrame: (url: string) => boolean, apply: (labels: MenuLabels) => void): () => void {
  const listener = (event: InvokeEvent, lang: unknown): void => {
    if (!event.senderFrame || !isTrustedFrame(event.senderFrame.url)) return;
    const labels = menuLabelsForUi(lang);
    if (labels) apply(labels);
  };
  ipc.on(MENU_LANGUAGE_CHANNEL, listener);
  return () => void ipc.removeListener(MENU_LANGUAGE_CHANNEL, listener);
}
