import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  MENU_LABELS,
  PRELOAD_FROM_MAIN,
  WINDOW_TITLE,
  denyPermissionRequest,
  denyWindowOpen,
  isAllowedNavigation,
  menuLabelsFor,
  menuLabelsForUi,
  menuTemplate,
  windowOptions,
} from './window-options';

describe('windowOptions', () => {
  const options = windowOptions({ preloadPath: '/app/out/preload/index.cjs', devTools: false });

  it('isolates and sandboxes the renderer, with no Node and no web-security exceptions', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('uses the preload path it is given', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
  });

  it('turns DevTools on only when asked (unpackaged builds)', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    expect(windowOptions({ preloadPath: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('opens hidden at 1440×900 with a minimum size and the Chinese title', () => {
    expect(options).toMatchObject({ width: 1440, height: 900, show: false, title: '信贷工厂工作台' });
    expect(WINDOW_TITLE).toBe('信贷工厂工作台');
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
    expect(options.minWidth).toBeLessThanOrEqual(1440);
    expect(options.minHeight).toBeLessThanOrEqual(900);
  });

  it('points at the CommonJS preload that electron-vite emits', () => {
    expect(PRELOAD_FROM_MAIN).toBe('../preload/index.cjs');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        "form-action 'none'",
    );
  });
});

describe('isAllowedNavigation', () => {
  const appFile = 'file:///opt/workbench/out/renderer/index.html';

  it('allows the app file itself, with any hash or query', () => {
    expect(isAllowedNavigation(appFile, appFile)).toBe(true);
    expect(isAllowedNavigation(`${appFile}#/queues/doc-check`, appFile)).toBe(true);
    expect(isAllowedNavigation(`${appFile}?case=42`, appFile)).toBe(true);
  });

  it('refuses other files, even next to the app or reached through dot segments', () => {
    expect(isAllowedNavigation('file:///etc/passwd', appFile)).toBe(false);
    expect(isAllowedNavigation('file:///opt/workbench/out/renderer/other.html', appFile)).toBe(false);
    expect(isAllowedNavigation('file:///opt/workbench/out/renderer/index.html/../../main/index.js', appFile)).toBe(false);
    expect(isAllowedNavigation('file://evil-host/opt/workbench/out/renderer/index.html', appFile)).toBe(false);
  });

  it('refuses the web, script URLs and garbage', () => {
    expect(isAllowedNavigation('https://example.com/', appFile)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', appFile)).toBe(false);
    expect(isAllowedNavigation('data:text/html,<h1>x</h1>', appFile)).toBe(false);
    expect(isAllowedNavigation('not a url', appFile)).toBe(false);
    expect(isAllowedNavigation(appFile, 'not a url')).toBe(false);
  });

  it('allows only the dev server origin when the app is served from it', () => {
    const dev = 'http://localhost:5173/';
    expect(isAllowedNavigation('http://localhost:5173/#/cases/7', dev)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedNavigation('http://localhost.evil.com:5173/', dev)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', dev)).toBe(false);
  });

  it('trusts no app URL of another scheme', () => {
    expect(isAllowedNavigation('about:blank', 'about:blank')).toBe(false);
  });
});

describe('window and permission handlers', () => {
  it('denies every new window', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  it('refuses every permission request', () => {
    const callback = vi.fn();
    denyPermissionRequest({}, 'media', callback);
    denyPermissionRequest({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
  });
});

describe('menuTemplate', () => {
  const labels = MENU_LABELS['zh-CN'];
  const submenuOf = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
    Array.isArray(item?.submenu) ? item.submenu : [];
  const roles = (items: MenuItemConstructorOptions[]): unknown[] => items.filter((i) => i.role).map((i) => i.role);

  it('has File (quit), View (reload, zoom) and Help (about), in that order', () => {
    const onAbout = vi.fn();
    const menu = menuTemplate(labels, { devTools: false, isMac: false, onAbout });
    expect(menu.map((m) => m.label)).toEqual(['文件', '视图', '帮助']);
    expect(submenuOf(menu[0])).toEqual([{ role: 'quit', label: '退出' }]);
    expect(roles(submenuOf(menu[1]))).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut']);

    const about = submenuOf(menu[2])[0];
    expect(about?.label).toBe('关于信贷工厂工作台');
    (about?.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('offers DevTools only when they are enabled', () => {
    const menu = menuTemplate(labels, { devTools: true, isMac: false, onAbout: () => {} });
    expect(roles(submenuOf(menu[1]))).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut']);
  });

  it('adds the macOS app and edit menus only on macOS', () => {
    const menu = menuTemplate(labels, { devTools: false, isMac: true, onAbout: () => {} });
    expect(menu.map((m) => m.role ?? m.label)).toEqual(['appMenu', '文件', 'editMenu', '视图', '帮助']);
  });

  it('speaks Chinese unless the system locale is another language', () => {
    expect(menuLabelsFor('zh-CN')).toBe(MENU_LABELS['zh-CN']);
    expect(menuLabelsFor('zh-TW')).toBe(MENU_LABELS['zh-CN']);
    expect(menuLabelsFor('')).toBe(MENU_LABELS['zh-CN']);
    expect(menuLabelsFor('en-US')).toBe(MENU_LABELS['en-US']);
  });

  it("follows the UI's language switch, and ignores anything else a page may send", () => {
    expect(menuLabelsForUi('en-US')).toBe(MENU_LABELS['en-US']);
    expect(menuLabelsForUi('zh-CN')).toBe(MENU_LABELS['zh-CN']);
    for (const other of ['fr-FR', 'en', '', null, undefined, 1, { toString: () => 'en-US' }, ['en-US']]) expect(menuLabelsForUi(other)).toBeNull();
  });
});
