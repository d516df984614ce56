// The fake browser has no i18n: answer getMessage from the extension's own messages.json, with
// Chrome's placeholder rules, so tests read the strings a reader sees. English unless a test asks
// for another of the shipped locales with `useUiLocale`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetMessages } from '@/utils/ui/i18n';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function load(locale: string): Messages {
  const file = resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

let locale = 'en';
let messages = load(locale);

/** Answer as a browser set to `next` would (a locale under public/_locales); back with 'en'. */
export function useUiLocale(next: string): void {
  locale = next;
  messages = load(next);
  forgetMessages();
}

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const fill = (text: string) => text.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z_]\w*)\$/g, (_m, name: string) => fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''))
    .replace(/\$\$/g, '$');
}

Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => locale });
