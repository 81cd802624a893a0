import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isUiLanguage, type UiLanguage } from '../../../shared/api/ui-language';
import type { AppError } from '../../../shared/errors';
import { enUS } from './en-US';
import { zhCN, type MessageKey, type Messages } from './zh-CN';
import type { Label } from '../../../shared/domain/label';

export type Lang = UiLanguage;
type Bilingual = Label | { message: string; messageEn: string };

const STORAGE_KEY = 'cfw.lang';
const DICTIONARIES: Record<Lang, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** Dictionary text with `{name}` parameters filled in. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Pick the current language's side of a text from shared/ or the host: a `{ zh, en }` label or a `{ message, messageEn }` text. */
  pick(text: Bilingual): string;
  /** The host's error text in the current language. */
  errorText(error: AppError): string;
}

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage can be disabled; Chinese is the default anyway
  }
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; the switch still applies to this window
    }
  }, []);

  useEffect(() => {
    // The window title stays 信贷工厂工作台 (index.html); only the document language follows the switch —
    // and in Electron the native menu (文件/视图/帮助), which otherwise follows the system's language.
    document.documentElement.lang = lang;
    window.workbench?.setMenuLanguage?.(lang);
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang];
    return {
      lang,
      setLang,
      t: (key, params) => {
        const text = dict[key];
        if (!params) return text;
        return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
      },
      pick: (text) => ('zh' in text ? (lang === 'en-US' ? text.en : text.zh) : lang === 'en-US' ? text.messageEn : text.message),
      errorText: (error) => (lang === 'en-US' ? error.messageEn || error.message : error.message),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
