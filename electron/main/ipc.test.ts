import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_CHANNEL, MENU_LANGUAGE_CHANNEL, type Channel, type HostEvent } from '../../shared/api/contract';
import { ok, type Result } from '../../shared/errors';
import type { HostHandle } from '../host/host-handle';
import { bindApi, bindMenuLanguage, forwardHostEvents, readRequest, type EventSink, type IpcMainEventsLike, type IpcMainLike } from './ipc';
import { MENU_LABELS, type MenuLabels } from './window-options';

type Listener = Parameters<IpcMainLike['handle']>[1];
type HostListener = Parameters<HostHandle['subscribe']>[0];

const APP_URL = 'file:///app/out/renderer/index.html';

function fakeIpc() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipc, handlers };
}

function fakeHost() {
  const listeners = new Set<HostListener>();
  const dispatch = vi.fn(async (channel: Channel, token: string | null, input: unknown): Promise<Result<unknown>> =>
    ok({ channel, token, input }),
  );
  const host: HostHandle = {
    dispatch,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    isSessionValid: () => true,
    close: () => {},
  };
  const emit = (event: HostEvent, token: string | null) => listeners.forEach((l) => l(event, token));
  return { host, dispatch, emit, listeners };
}

function setup() {
  const { ipc, handlers } = fakeIpc();
  const { host, dispatch, emit, listeners } = fakeHost();
  const binding = bindApi(ipc, host, (url) => url === APP_URL);
  const sender = {};
  const call = (channel: string, payload: unknown, frameUrl: string | null = APP_URL) =>
    handlers.get(channel)!({ sender, senderFrame: frameUrl === null ? null : { url: frameUrl } }, payload);
  return { handlers, host, binding, dispatch, emit, listeners, sender, call };
}

describe('readRequest', () => {
  it('accepts { token, input } with a string or missing token', () => {
    expect(readRequest({ token: 't', input: { a: 1 } })).toEqual({ token: 't', input: { a: 1 }, background: false });
    expect(readRequest({ input: 5 })).toEqual({ token: null, input: 5, background: false });
    expect(readRequest({ token: null })).toEqual({ token: null, input: undefined, background: false });
    expect(readRequest({ token: 't', input: {}, background: true })).toEqual({ token: 't', input: {}, background: true });
  });

  it('refuses payloads that are not plain objects, and tokens that are not strings', () => {
    for (const payload of [null, undefined, 'x', 42, true, [], ['t', {}]]) expect(readRequest(payload)).toBeNull();
    expect(readRequest({ token: 42, input: {} })).toBeNull();
    expect(readRequest({ token: { toString: () => 't' } })).toBeNull();
    expect(readRequest({ token: 't', input: {}, background: 'yes' })).toBeNull();
  });
});

describe('bindApi', () => {
  it('registers exactly the channels of the contract', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('passes token and input of every channel to host.dispatch and returns its result', async () => {
    const { call, dispatch } = setup();
    for (const channel of CHANNELS) {
      const input = { probe: channel };
      await expect(call(channel, { token: 'tok', input })).resolves.toEqual(ok({ channel, token: 'tok', input }));
      expect(dispatch).toHaveBeenLastCalledWith(channel, 'tok', input, { background: false });
    }
    expect(dispatch).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('tells the host which calls the page made on its own (background)', async () => {
    const { call, dispatch } = setup();
    await call('queue:list', { token: 'tok', input: {}, background: true });
    expect(dispatch).toHaveBeenLastCalledWith('queue:list', 'tok', {}, { background: true });
  });

  it('refuses a malformed payload with a validation error, without reaching the host', async () => {
    const { call, dispatch } = setup();
    for (const payload of [undefined, null, 'auth:me', [null, {}], { token: 7 }]) {
      const result = (await call('auth:me', payload)) as Result<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses calls from a frame that is not the app, or whose frame is gone', async () => {
    const { call, dispatch } = setup();
    const payload = { token: 'tok', input: {} };
    await expect(call('auth:me', payload, 'https://evil.example/')).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(call('auth:me', payload, null)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('remembers the token each sender used last', async () => {
    const { call, binding, sender } = setup();
    expect(binding.tokenOf(sender)).toBeNull();
    await call('auth:me', { token: 'first', input: {} });
    await call('auth:me', { token: 'second', input: {} });
    expect(binding.tokenOf(sender)).toBe('second');
    expect(binding.tokenOf({})).toBeNull();
  });

  it('removes every handler on dispose', () => {
    const { handlers, binding } = setup();
    binding.dispose();
    expect(handlers.size).toBe(0);
  });
});

describe('forwardHostEvents', () => {
  function withWindow() {
    const s = setup();
    const sent: unknown[] = [];
    let destroyed = false;
    // The window's WebContents is also the IPC sender, so the fake sink is the sender object.
    const sink = Object.assign(s.sender, {
      isDestroyed: () => destroyed,
      send: (channel: string, event: HostEvent) => void sent.push([channel, event]),
    }) satisfies EventSink;
    const stop = forwardHostEvents(s.host, () => sink, s.binding);
    return { ...s, sent, stop, destroy: () => void (destroyed = true) };
  }
  const changed: HostEvent = { type: 'cases-changed', changes: [] };
  const expired: HostEvent = { type: 'session-expired' };

  it('broadcasts events meant for everyone on the event channel', () => {
    const { emit, sent } = withWindow();
    emit(changed, null);
    expect(sent).toEqual([[EVENT_CHANNEL, changed]]);
  });

  it("sends a session's event only if the window is using that session", async () => {
    const { emit, sent, call } = withWindow();
    emit(expired, 'old');
    expect(sent).toEqual([]);
    await call('auth:me', { token: 'current', input: {} });
    emit(expired, 'old');
    emit(expired, 'current');
    expect(sent).toEqual([[EVENT_CHANNEL, expired]]);
  });

  it('sends nothing to a destroyed window, and nothing after unsubscribing', () => {
    const { emit, sent, stop, destroy, listeners } = withWindow();
    destroy();
    emit(changed, null);
    stop();
    expect(listeners.size).toBe(0);
    expect(sent).toEqual([]);
  });
});

describe('bindMenuLanguage', () => {
  type MessageListener = Parameters<IpcMainEventsLike['on']>[1];

  function setupMenu() {
    const listeners = new Map<string, Set<MessageListener>>();
    const ipc: IpcMainEventsLike = {
      on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
      removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
    };
    const applied: MenuLabels[] = [];
    const stop = bindMenuLanguage(ipc, (url) => url === APP_URL, (labels) => void applied.push(labels));
    const send = (lang: unknown, frameUrl: string | null = APP_URL) =>
      listeners.get(MENU_LANGUAGE_CHANNEL)?.forEach((l) => l({ sender: {}, senderFrame: frameUrl === null ? null : { url: frameUrl } }, lang));
    return { listeners, applied, stop, send };
  }

  it("rebuilds the menu in the language the app's own page switched to", () => {
    const { applied, send } = setupMenu();
    send('en-US');
    send('zh-CN');
    expect(applied).toEqual([MENU_LABELS['en-US'], MENU_LABELS['zh-CN']]);
  });

  it('ignores another frame, a destroyed one, and anything that is not a UI language', () => {
    const { applied, send } = setupMenu();
    send('en-US', 'https://evil.example/');
    send('en-US', null);
    for (const other of ['fr-FR', '', null, {}, ['en-US']]) send(other);
    expect(applied).toEqual([]);
  });

  it('stops listening when disposed', () => {
    const { listeners, applied, stop, send } = setupMenu();
    stop();
    send('en-US');
    expect(listeners.get(MENU_LANGUAGE_CHANNEL)?.size).toBe(0);
    expect(applied).toEqual([]);
  });
});
