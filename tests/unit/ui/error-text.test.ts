import { describe, expect, it } from 'vitest';
import { describeError } from '@/utils/ui/error-text';
import { fetchFeed } from '@/utils/feed/fetch-feed';
import { FeedParseError, parseFeed } from '@/utils/feed/parse-feed';
import type { PollError } from '@/utils/feed/types';

const URL_ = 'https://www.smileband.co.uk/feeds/posts/default';
const base = { timeoutMs: 50, maxBytes: 16, now: 0 };

async function fetchError(fetch: typeof globalThis.fetch): Promise<PollError> {
  const result = await fetchFeed(URL_, { ...base, fetch });
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

describe('describeError says in the reader’s language what the English log message says', () => {
  it.each<[string, () => Promise<PollError>]>([
    ['refused', () => fetchError(async () => Promise.reject(new TypeError('Failed to fetch')))],
    [
      'timeout',
      () =>
        fetchError(
          (_u, init) => new Promise((_r, reject) => init!.signal!.addEventListener('abort', () => reject(new Error()))),
        ),
    ],
    [
      '500 with text',
      () => fetchError(() => Promise.resolve(new Response('', { status: 500, statusText: 'Internal Server Error' }))),
    ],
    ['404 without text', () => fetchError(() => Promise.resolve(new Response('', { status: 404 })))],
    ['too large', () => fetchError(() => Promise.resolve(new Response('x'.repeat(64))))],
    ['empty', () => parseError('')],
    ['web page', () => parseError('<!doctype html><p>hi')],
    ['not XML', () => parseError('{}')],
    ['not a feed', () => parseError('<?xml version="1.0"?><note/>')],
    ['malformed', () => parseError('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>')],
    ['offline', () => Promise.resolve({ kind: 'offline', message: 'You are offline.' })],
    [
      'storage',
      () =>
        Promise.resolve({
          kind: 'storage',
          detail: 'QUOTA_BYTES quota exceeded',
          message: 'New stories could not be saved: QUOTA_BYTES quota exceeded',
        }),
    ],
  ])('%s', async (_case, make) => {
    const error = await make();
    expect(describeError(error)).toBe(error.message);
  });
});
