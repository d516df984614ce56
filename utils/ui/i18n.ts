// utils/ui: what the pages share: hooks, formatters (time, status, errors, badge), words, the first-screen cache.
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

/** Every message name in public/_locales/en/messages.json (the reference locale). */
export type MessageKey = keyof typeof en;

/**
 * A user-facing string in the browser's language, from public/_locales. The one browser call
 * components make: strings are part of rendering, not behaviour.
 */
export function t(key: MessageKey, substitutions?: string | number | (string | number)[]): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  return browser.i18n.getMessage(key, subs) || key;
}

/** The UI language, for Intl formatting (dates, relative times). */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
