import type { z } from 'zod';
import { approvalApi } from './approval-api';
import { auditApi } from './audit-api';
import { auditTrailApi } from './audit-trail-api';
import { authApi } from './auth-api';
import { casesApi } from './cases-api';
import { documentsApi } from './documents-api';
import { dashboardApi } from './dashboard-api';
import { contractsApi } from './contracts-api';
import { queuesApi } from './queues-api';
import type { UiLanguage } from './ui-language';
import { screeningApi } from './screening-api';
import type { CaseChange } from './schemas';
import { syncApi } from './sync-api';
import { usersApi } from './users-api';

/**
 * The one typed API of the workbench, composed from one file per capability (`shared/api/*-api.ts`).
 * Channel names (`domain:verb`) are declared only there; the Electron main process, the preload and the
 * browser-mode HTTP server all derive their routes from this object, and every handler's input is parsed
 * with `input` before it runs.
 */
export const api = {
  ...authApi,
  ...queuesApi,
  ...casesApi,
  ...auditApi,
  ...approvalApi,
  ...auditTrailApi,
  ...contractsApi,
  ...syncApi,
  ...dashboardApi,
  ...screeningApi,
  ...documentsApi,
  ...usersApi,
} as const;

export type Api = typeof api;
export type Channel = keyof Api;
export type ApiInput<C extends Channel> = z.input<Api[C]['input']>;
export type ApiParsedInput<C extends Channel> = z.output<Api[C]['input']>;
export type ApiOutput<C extends Channel> = z.output<Api[C]['output']>;

export const CHANNELS = Object.keys(api) as Channel[];

export function isPublicChannel(channel: Channel): boolean {
  return 'public' in api[channel] && api[channel].public === true;
}

/** Push events from host to UI. */
export type HostEvent =
  | { type: 'cases-changed'; changes: CaseChange[] }
  | { type: 'session-expired' };

/** Electron IPC channel for push events (not part of the request/response contract). */
export const EVENT_CHANNEL = 'workbench:event';

/**
 * How the UI made a call. `background`: no key or pointer input came just before it (a grid refreshing after
 * a push event, a poll), so it does not keep the session alive: the host's idle timeout counts the user's
 * activity, not the page's.
 */
export interface CallOptions {
  readonly background?: boolean;
}

/** HTTP header that marks a background call in browser mode (IPC sends `background` in the request). */
export const BACKGROUND_CALL_HEADER = 'x-workbench-background';

/** What the preload exposes as `window.workbench` and what the HTTP transport implements. */
export interface WorkbenchTransport {
  invoke(channel: Channel, token: string | null, input: unknown, options?: CallOptions): Promise<unknown>;
  onEvent(listener: (event: HostEvent) => void): () => void;
}

export { isUiLanguage, MENU_LANGUAGE_CHANNEL, type UiLanguage } from './ui-language';

/** `window.workbench` in Electron: the transport, and the window's native menu language. */
export interface WorkbenchBridge extends WorkbenchTransport {
  setMenuLanguage(lang: UiLanguage): void;
}
