import type { HostEvent, WorkbenchBridge } from '../../../shared/api/contract';
import { badResponseError } from './envelope';
import { asHostEvent, type SessionAwareTransport } from './transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload via contextBridge; absent in browser mode. */
    workbench?: WorkbenchBridge;
  }
}

/** Electron IPC: the preload already speaks the contract; we only guard against rejections and odd events. */
export function createIpcTransport(): SessionAwareTransport | null {
  const bridge = window.workbench;
  if (!bridge) return null;
  return {
    async invoke(channel, token, input, options) {
      try {
        return await bridge.invoke(channel, token, input, options);
      } catch (err) {
        // The host never rejects by contract; a rejection means IPC itself failed (e.g. handler missing).
        console.error('IPC invoke failed', channel, err);
        return badResponseError('IPC');
      }
    },
    onEvent(listener: (event: HostEvent) => void) {
      return bridge.onEvent((raw) => {
        const event = asHostEvent(raw);
        if (event) listener(event);
      });
    },
  };
}
