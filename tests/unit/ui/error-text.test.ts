import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useUiLocale } from '../../support/i18n';
import { describeError } from '@/utils/ui/error-text';
import { fetchFeed } from '@/utils/feed/fetch-feed';
import { FeedParseError, parseFeed } from '@/utils/feed/parse-feed';
import type { PollError } from '@/utils/feed/types';

const URL_ = 'https://www.smileband.co.uk/feeds/posts/default';
const base = { timeoutMs: 50, maxBytes: 16, now: 0 };

async function fetchError(fetch: typeof globalThis.fetch, maxBytes = base.maxBytes): Promise<PollError> {
  const result = await fetchFeed(URL_, { ...base, maxBytes, fetch });
  if (result.kind !== 'error') throw new Error('expected an error');
  return result.error;
}

async function parseError(xml: string): Promise<PollError> {
  try {
    await parseFeed(xml);
  } catch (error) {
    const e = error as FeedParseError;
    return { kind: 'not-a-feed', message: e.message, reason: e.reason, ...(e.detail ? { detail: e.detail } : {}) };
  }
  throw new Error('expected a parse error');
}

// Each kind of failure as the worker records it, with what a German reader is told.
const CASES: [string, () => Promise<PollError>, string][] = [
  [
    'refused',
    () => fetchError(async () => Promise.reject(new TypeError('Failed to fetch'))),
    'www.smileband.co.uk ist nicht erreichbar. Bitte die Verbindung prüfen.',
  ],
  [
    'timeout',
    () =>
      fetchError(
        (_u, init) => new Promise((_r, reject) => init!.signal!.addEventListener('abort', () => reject(new Error()))),
      ),
    'www.smileband.co.uk hat nicht innerhalb von 0.1 s geantwortet.',
  ],
  [
    '500 with text',
    () => fetchError(() => Promise.resolve(new Response('', { status: 500, statusText: 'Internal Server Error' }))),
    'www.smileband.co.uk antwortete mit 500 (Internal Server Error).',
  ],
  [
    '404 without text',
    () => fetchError(() => Promise.resolve(new Response('', { status: 404 }))),
    'www.smileband.co.uk antwortete mit 404.',
  ],
  [
    'too large',
    () => fetchError(() => Promise.resolve(new Response(new Uint8Array(3 * 1024 * 1024 + 1))), 3 * 1024 * 1024),
    'Der Feed ist größer als 3 MB und wurde nicht gelesen.',
  ],
  ['empty', () => parseError(''), 'Der Feed war leer.'],
  [
    'web page',
    () => parseError('<!doctype html><p>hi'),
    'Der Server schickte eine Webseite statt eines Feeds (eine Anmelde- oder WLAN-Seite?).',
  ],
  ['not XML', () => parseError('{}'), 'Der Server schickte etwas, das kein XML und damit kein Feed ist.'],
  [
    'not a feed',
    () => parseError('<?xml version="1.0"?><note/>'),
    'Der Feed konnte nicht gelesen werden: Es ist XML, aber weder RSS noch Atom.',
  ],
  ['offline', () => Promise.resolve({ kind: 'offline', message: 'You are offline.' }), 'Sie sind offline.'],
  [
    'storage',
    () =>
      Promise.resolve({
        kind: 'storage',
        detail: 'QUOTA_BYTES quota exceeded',
        message: 'New stories could not be saved: QUOTA_BYTES quota exceeded',
      }),
    'Neue Meldungen konnten nicht gespeichert werden: QUOTA_BYTES quota exceeded',
  ],
];
const MALFORMED = () => parseError('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>');

describe('describeError says in the reader’s language what the English log message says', () => {
  it.each([...CASES, ['malformed', MALFORMED, ''] as const])('%s', async (_case, make) => {
    const error = await make();
    expect(describeError(error)).toBe(error.message);
  });
});

describe('describeError in another language: the reader never meets the English log line', () => {
  beforeEach(() => useUiLocale('de'));
  afterEach(() => useUiLocale('en'));

  it.each(CASES)('%s', async (_case, make, german) => {
    expect(describeError(await make())).toBe(german);
  });

  it('a malformed feed keeps the parser’s own words after the German lead-in', async () => {
    const error = await MALFORMED();
    expect(error.detail).toBeTruthy();
    expect(describeError(error)).toBe(`Der Feed konnte nicht gelesen werden: ${error.detail}`);
  });
});

describe('describeError for an error stored without its details', () => {
  it('leaves the missing words out rather than saying “undefined”', () => {
    expect(describeError({ kind: 'storage', message: 'New stories could not be saved' })).toBe(
      'New stories could not be saved: ',
    );
    expect(describeError({ kind: 'http', host: 'example.org', message: 'example.org answered.' })).toBe(
      'example.org answered .',
    );
  });
});
