// utils/ui: what the pages share: hooks, formatters (time, status, errors, badge), words, the first-screen cache.
import { browser } from 'wxt/browser';
import { remember } from './remember';
import type en from '../../public/_locales/en/messages.json';

/** Every message name in public/_locales/en/messages.json (the reference locale). */
export type MessageKey = keyof typeof en;

export type Substitution = string | number | undefined;

/**
 * A user-facing string in the browser's language, from public/_locales. The one browser call
 * components make: strings are part of rendering, not behaviour.
 */
export function t(key: MessageKey, substitutions?: Substitution | Substitution[]): string {
  // A value a stored error lacks leaves its place empty rather than reading "undefined".
  const subs = [substitutions].flat().map((s) => (s === undefined ? '' : String(s)));
  return remember(said, [key, ...subs].join('\u0000'), () => browser.i18n.getMessage(key, subs) || key);
}

// A page's language cannot change while it is open: each string is asked of the browser once (a
// list's rows ask for the same dozen labels each, and a keystroke draws them all again).
const said = new Map<string, string>();

/** Forgets the strings asked so far: for tests, which switch the language a page cannot. */
export function forgetMessages(): void {
  said.clear();
}

/** The UI language, for Intl formatting (dates, relative times); English when the browser cannot say. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
