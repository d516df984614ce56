// The fake browser has no i18n: answer getMessage from the English messages.json, with Chrome's
// placeholder rules, so tests read the strings a reader sees.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const en = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
) as Messages;

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = en[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const fill = (text: string) => text.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z_]\w*)\$/g, (_m, name: string) => fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''))
    .replace(/\$\$/g, '$');
}

Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
