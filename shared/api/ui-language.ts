/** The languages the UI speaks (the in-app switch). */
export const UI_LANGUAGES = ['zh-CN', 'en-US'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Whether a value (from storage, from a page across the bridge) names one of them. */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return (UI_LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * Electron IPC message (renderer → main, no answer) naming the language the UI switched to, so the native
 * menu follows the in-app switch rather than the operating system's language.
 */
export const MENU_LANGUAGE_CHANNEL = 'workbench:menu-language';
