import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { loggableError, maskPersonalDataIn } from '../../shared/domain/masking';
import { defaultDataDir } from '../host/data-dir';
import { centralFromEnv, startWorkbench, type Workbench } from '../host/start-workbench';
import { bindApi, bindMenuLanguage, forwardHostEvents } from './ipc';
import {
  CONTENT_SECURITY_POLICY,
  PRELOAD_FROM_MAIN,
  RENDERER_INDEX_FROM_MAIN,
  WINDOW_TITLE,
  denyPermissionRequest,
  denyWindowOpen,
  isAllowedNavigation,
  menuLabelsFor,
  menuTemplate,
  windowOptions,
  type MenuLabels,
} from './window-options';

/*
 * Wiring only: lifecycle, one window, menu, security policy. Everything the workbench does lives in the host.
 */

// A packaged app must never load whatever URL an environment variable names.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const devTools = !app.isPackaged;
const rendererIndex = join(import.meta.dirname, RENDERER_INDEX_FROM_MAIN);
const appUrl = devServerUrl ?? pathToFileURL(rendererIndex).href;

app.enableSandbox();
// The browser-mode host uses the same folder (and honours WORKBENCH_DATA_DIR), so both modes share one store.
// Set before the single-instance lock, which lives in this folder: one running app per store.
app.setPath('userData', defaultDataDir());

// A second instance would open the same SQLite store; it hands over to the first and leaves.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  let workbench: Workbench;
  try {
    // The same start-up as browser mode (an embedded central server unless WORKBENCH_CENTRAL_URL or
    // WORKBENCH_STANDALONE=1 says otherwise); the decision lives in the host.
    workbench = await startWorkbench({ dataDir: app.getPath('userData'), central: centralFromEnv(process.env), demo: true });
  } catch (error) {
    fatal(error);
    return;
  }
  const { host } = workbench;
  // Calls wait for the demo seed by themselves; a failed seed must still be reported, not left unhandled.
  host.ready.catch(fatal);

  applySessionPolicy();
  const binding = bindApi(ipcMain, host, (url) => isAllowedNavigation(url, appUrl));
  const setMenu = (labels: MenuLabels) =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(labels, { devTools, isMac: process.platform === 'darwin', onAbout: showAbout })));
  // The system's language until the page says which one the user chose.
  setMenu(menuLabelsFor(app.getLocale()));
  const stopMenuLanguage = bindMenuLanguage(ipcMain, (url) => isAllowedNavigation(url, appUrl), setMenu);

  const window = createWindow();
  const stopEvents = forwardHostEvents(host, () => (window.isDestroyed() ? null : window.webContents), binding);

  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // One window: closing it ends the app on every platform, so the store is closed cleanly.
  app.on('window-all-closed', () => app.quit());
  app.once('will-quit', (event) => {
    stopEvents();
    stopMenuLanguage();
    binding.dispose();
    // The embedded central server's database is closed before the process ends.
    event.preventDefault();
    workbench
      .close()
      .catch((error: unknown) => console.error(`[main] closing failed: ${loggableError(error)}`))
      .finally(() => app.exit(0));
  });
}

function applySessionPolicy(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptions({ preloadPath: join(import.meta.dirname, PRELOAD_FROM_MAIN), devTools }));
  const contents = window.webContents;

  contents.setWindowOpenHandler(denyWindowOpen);
  const blockForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  // will-navigate covers the main frame only; iframes of the app's own origin are allowed by CSP.
  contents.on('will-frame-navigate', (details) => blockForeign(details, details.url));
  contents.on('render-process-gone', (_event, details) => {
    console.error(`[main] renderer gone: ${details.reason} (exit ${details.exitCode})`);
  });

  window.once('ready-to-show', () => window.show());
  const loaded = devServerUrl ? window.loadURL(devServerUrl) : window.loadFile(rendererIndex);
  loaded.catch((error: unknown) => console.error(`[main] failed to load the renderer: ${loggableError(error)}`));
  return window;
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: WINDOW_TITLE,
    message: `${WINDOW_TITLE} Credit Factory Workbench`,
    detail: `版本 Version ${app.getVersion()}\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome}`,
  };
  const owner = BrowserWindow.getFocusedWindow();
  void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
}

/** Start-up failed (e.g. the local store is newer than this app): say so instead of showing a blank window. */
function fatal(error: unknown): void {
  // The whole error object would print what a database attaches to it (the statement, its parameters).
  const detail = error instanceof Error ? maskPersonalDataIn(error.message) : String(error);
  console.error(`[main] start-up failed: ${loggableError(error)}`);
  dialog.showErrorBox('工作台无法启动 / The workbench could not start', detail);
  app.exit(1);
}
