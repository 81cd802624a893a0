import { UserInputClock } from '../session/user-input';
import { ApiClient } from './client';
import { HttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';

/** The user's keyboard and mouse input, watched for the page's whole life. */
export const userInput = new UserInputClock();
userInput.watch(window);

/** Electron when the preload exposed `window.workbench`, otherwise the browser-mode HTTP host. */
export const client = new ApiClient(createIpcTransport() ?? new HttpTransport(), () => userInput.recentlyActive());

export type { ApiClient } from './client';
