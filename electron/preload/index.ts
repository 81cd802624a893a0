import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CHANNELS,
  EVENT_CHANNEL,
  isUiLanguage,
  MENU_LANGUAGE_CHANNEL,
  type CallOptions,
  type Channel,
  type HostEvent,
  type UiLanguage,
  type WorkbenchBridge,
} from '../../shared/api/contract';
import { fail } from '../../shared/errors';

/*
 * The only bridge between the page and the host. The page gets three functions; ipcRenderer itself never
 * crosses, so page script cannot send on channels the contract does not declare.
 */

const allowedChannels: ReadonlySet<string> = new Set<string>(CHANNELS);

const transport = {
  invoke(channel: Channel, token: string | null, input: unknown, options?: CallOptions): Promise<unknown> {
    // Types do not hold at run time: the page (or injected script) can pass anything through the bridge.
    if (typeof channel !== 'string' || !allowedChannels.has(channel)) {
      return Promise.resolve(
        fail('validation', '未知的接口', 'Unknown API channel', typeof channel === 'string' ? { channel } : undefined),
      );
    }
    return ipcRenderer.invoke(channel, { token, input, background: options?.background === true });
  },

  onEvent(listener: (event: HostEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvent expects a function');
    // The IPC event object is dropped: its `sender` is ipcRenderer.
    const relay = (_ipcEvent: IpcRendererEvent, event: HostEvent): void => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return function unsubscribe() {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },

  setMenuLanguage(lang: UiLanguage): void {
    if (isUiLanguage(lang)) ipcRenderer.send(MENU_LANGUAGE_CHANNEL, lang);
  },
} satisfies WorkbenchBridge;

contextBridge.exposeInMainWorld('workbench', transport);
