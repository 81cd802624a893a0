import { ApiClient } from './client';
import { HttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';

/** Electron when the preload exposed `window.workbench`, otherwise the browser-mode HTTP host. */
export const client = new ApiClient(createIpcTransport() ?? new HttpTransport());

export type { ApiClient } from './client';
