// Only type imports from 'electron': this module must load in plain Node, where the Electron binary may not exist.
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { isUiLanguage, type UiLanguage } from '../../shared/api/ui-language';

import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

export const WINDOW_TITLE = '信贷工厂工作台';

/** Built file locations relative to `out/main/` (electron-vite's layout, see electron.vite.config.ts). */
export const PRELOAD_FROM_MAIN = '../preload/index.cjs';
export const RENDERER_INDEX_FROM_MAIN = '../renderer/index.html';

export interface WindowOptionsInput {
  /** Absolute path of the bundled CommonJS preload. */
  preloadPath: string;
  /** DevTools are for developers; a packaged bank app must not let a user inspect other people's data through them. */
  devTools: boolean;
}

export function windowOptions({ preloadPath, devTools }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1440,
    height: 900,
    // Narrower than this and the queue grid plus case panel stop fitting a 1366×768 branch laptop.
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Spellcheck would send typed customer names to the OS dictionary service and underline every ID number.
      spellcheck: false,
      devTools,
    },
  };
}

/**
 * Sent as a header on every response (one policy for Electron and browser mode, kept in shared/).
 * renderer/index.html repeats it in a <meta> element (minus frame-ancestors, which only works as a header)
 * because header delivery for file:// pages has not always been honoured by Electron.
 */
export { CONTENT_SECURITY_POLICY };

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * May the window (or a frame in it) go to `target`? Only to the app itself: for a `file:` app the very same
 * file (any file:// URL is "same origin", so comparing origins would let the page open any file on disk);
 * for the dev server its origin. Query and hash may differ, so in-app routing keeps working.
 */
export function isAllowedNavigation(target: string, appUrl: string): boolean {
  const to = parseUrl(target);
  const app = parseUrl(appUrl);
  if (!to || !app) return false;
  if (app.protocol === 'file:') {
    return to.protocol === 'file:' && to.host === app.host && to.pathname === app.pathname;
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return to.origin === app.origin;
  }
  return false;
}

/** For `setWindowOpenHandler`: the workbench has one window; links never open another, not even externally. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** For `setPermissionRequestHandler`: camera, geolocation, notifications… none is needed, all are refused. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export interface MenuLabels {
  file: string;
  quit: string;
  view: string;
  reload: string;
  toggleDevTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  help: string;
  about: string;
}

export const MENU_LABELS: Readonly<Record<UiLanguage, MenuLabels>> = {
  'zh-CN': {
    file: '文件',
    quit: '退出',
    view: '视图',
    reload: '重新加载',
    toggleDevTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    help: '帮助',
    about: '关于信贷工厂工作台',
  },
  'en-US': {
    file: 'File',
    quit: 'Quit',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    help: 'Help',
    about: 'About Credit Factory Workbench',
  },
};

/** Chinese unless the system locale is clearly not Chinese: the workbench is used in Chinese branches. */
export function menuLabelsFor(locale: string): MenuLabels {
  return locale === '' || locale.toLowerCase().startsWith('zh') ? MENU_LABELS['zh-CN'] : MENU_LABELS['en-US'];
}

/**
 * The menu for the language the UI switched to (MENU_LANGUAGE_CHANNEL); null for anything else the page
 * may send, which leaves the menu as it is.
 */
export function menuLabelsForUi(lang: unknown): MenuLabels | null {
  return isUiLanguage(lang) ? MENU_LABELS[lang] : null;
}

export interface MenuOptions {
  devTools: boolean;
  /** macOS needs its app menu and an Edit menu, or Cmd+C / Cmd+V stop working in text fields. */
  isMac: boolean;
  onAbout: () => void;
}

export function menuTemplate(labels: MenuLabels, { devTools, isMac, onAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: labels.reload },
    ...(devTools ? [{ role: 'toggleDevTools', label: labels.toggleDevTools } as const] : []),
    { type: 'separator' },
    { role: 'resetZoom', label: labels.resetZoom },
    { role: 'zoomIn', label: labels.zoomIn },
    { role: 'zoomOut', label: labels.zoomOut },
  ];
  // macOS names its app and Edit menus itself, in the system's language.
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: labels.file, submenu: [{ role: 'quit', label: labels.quit }] },
    ...(isMac ? [{ role: 'editMenu' } as const] : []),
    { label: labels.view, submenu: view },
    { label: labels.help, submenu: [{ label: labels.about, click: onAbout }] },
  ];
}
