import { describe, expect, it, vi } from 'vitest';
import { decode, fetchFeed, parseRetryAfter } from '@/utils/feed/fetch-feed';

const URL_ = 'https://www.smileband.co.uk/feeds/posts/default';
const NOW = Date.parse('2026-02-02T16:00:00Z');
const base = { timeoutMs: 1000, maxBytes: 1024, now: NOW };

function respondWith(response: Response) {
  return vi.fn<typeof fetch>(() => Promise.resolve(response));
}

describe('fetchFeed', () => {
  it('sends the stored validators and reads a 200 with its new validators', async () => {
    const fetch = respondWith(
      new Response('<feed/>', { headers: { ETag: '"v2"', 'Last-Modified': 'Tue, 03 Feb 2026 00:00:00 GMT' } }),
    );
    const result = await fetchFeed(URL_, {
      ...base,
      fetch,
      etag: '"v1"',
      lastModified: 'Mon, 02 Feb 2026 00:00:00 GMT',
    });
    expect(result).toEqual({
      kind: 'ok',
      text: '<feed/>',
      etag: '"v2"',
      lastModified: 'Tue, 03 Feb 2026 00:00:00 GMT',
    });
    const init = fetch.mock.calls[0]![1]!;
    expect(init.headers).toMatchObject({
      'If-None-Match': '"v1"',
      'If-Modified-Since': 'Mon, 02 Feb 2026 00:00:00 GMT',
    });
    expect(init).toMatchObject({ cache: 'no-store', credentials: 'omit' });
  });

  it('sends no validators on a first poll', async () => {
    const fetch = respondWith(new Response('<feed/>'));
    await fetchFeed(URL_, { ...base, fetch });
    expect(Object.keys(fetch.mock.calls[0]![1]!.headers!)).toEqual(['Accept']);
  });

  it('reports 304 as not modified', async () => {
    expect(await fetchFeed(URL_, { ...base, fetch: respondWith(new Response(null, { status: 304 })) })).toEqual({
      kind: 'not-modified',
      lastModified: null,
    });
  });

  it.each([
    [500, 'Internal Server Error', null, undefined],
    [503, 'Service Unavailable', '120', 120_000],
    [429, 'Too Many Requests', 'Mon, 02 Feb 2026 16:05:00 GMT', 300_000],
    [404, '', null, undefined],
  ])('reports HTTP %i as an error a reader can read', async (status, statusText, retryAfter, retryAfterMs) => {
    const headers = retryAfter ? { 'Retry-After': retryAfter } : undefined;
    const result = await fetchFeed(URL_, {
      ...base,
      fetch: respondWith(new Response('oops', { status, statusText, headers })),
    });
    expect(result).toEqual({
      kind: 'error',
      error: {
        kind: 'http',
        status,
        host: 'www.smileband.co.uk',
        ...(statusText ? { detail: statusText } : {}),
        message: `www.smileband.co.uk answered ${status}${statusText ? ` (${statusText})` : ''}.`,
      },
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  });

  it('reports a refused connection as a network error', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetchFeed(URL_, { ...base, fetch })).toEqual({
      kind: 'error',
      error: {
        kind: 'network',
        host: 'www.smileband.co.uk',
        message: 'Could not reach www.smileband.co.uk. Check your connection.',
      },
    });
  });

  it('names an address that is no URL as written', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() => Promise.reject(new TypeError('Failed to parse URL')));
    expect(await fetchFeed('feeds/posts', { ...base, fetch })).toMatchObject({
      error: { kind: 'network', host: 'feeds/posts', message: 'Could not reach feeds/posts. Check your connection.' },
    });
  });

  it('gives up on a server that hangs, after the timeout', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason as Error)),
        ),
    );
    expect(await fetchFeed(URL_, { ...base, timeoutMs: 200, fetch })).toEqual({
      kind: 'error',
      error: {
        kind: 'timeout',
        host: 'www.smileband.co.uk',
        limit: 0.2,
        message: 'www.smileband.co.uk did not answer within 0.2 s.',
      },
    });
  });

  it('stops reading a body past the size cap', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(512));
      },
    });
    const result = await fetchFeed(URL_, { ...base, fetch: respondWith(new Response(endless)) });
    expect(result).toMatchObject({ kind: 'error', error: { kind: 'too-large' } });
    expect(pulled).toBeLessThan(10);
  });

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    const response = new Response('x', { headers: { 'Content-Length': '999999' } });
    expect(await fetchFeed(URL_, { ...base, fetch: respondWith(response) })).toMatchObject({
      error: { kind: 'too-large' },
    });
  });
});

describe('fetchFeed reads a body up to its cap exactly', () => {
  const read = (response: Response, maxBytes = 16) =>
    fetchFeed(URL_, { ...base, maxBytes, fetch: respondWith(response) });

  it('takes a body of exactly the cap, declared or not', async () => {
    expect(await read(new Response('x'.repeat(16)))).toMatchObject({ kind: 'ok', text: 'x'.repeat(16) });
    const declared = new Response('y'.repeat(16), { headers: { 'Content-Length': '16' } });
    expect(await read(declared)).toMatchObject({ kind: 'ok', text: 'y'.repeat(16) });
  });

  it('refuses one byte more', async () => {
    expect(await read(new Response('x'.repeat(17)))).toMatchObject({ kind: 'error', error: { kind: 'too-large' } });
  });

  it('joins a body that arrives in pieces, in order', async () => {
    const pieces = ['<fe', 'ed>caf', 'é</feed>'].map((piece) => new TextEncoder().encode(piece));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(piece);
        controller.close();
      },
    });
    expect(await read(new Response(stream), 1024)).toMatchObject({ kind: 'ok', text: '<feed>café</feed>' });
  });

  it('reads an answer without a body as empty, and an oversized one without a body as too large', async () => {
    expect(await read(new Response(null))).toMatchObject({ kind: 'ok', text: '' });
    const declaredOnly = new Response(null, { headers: { 'Content-Length': '999' } });
    expect(await read(declaredOnly)).toMatchObject({ kind: 'error', error: { kind: 'too-large' } });
  });
});

describe('decode', () => {
  const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  it.each([
    ['UTF-8 by default', new TextEncoder().encode('<feed>café</feed>'), null, '<feed>café</feed>'],
    [
      'a UTF-8 BOM dropped',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<feed/>')]),
      null,
      '<feed/>',
    ],
    [
      'charset from the header',
      latin1('<feed>caf\xe9</feed>'),
      'application/xml; charset=ISO-8859-1',
      '<feed>café</feed>',
    ],
    [
      'encoding from the XML declaration',
      latin1("<?xml version='1.0' encoding='ISO-8859-1'?><f>d\xe9j\xe0</f>"),
      'text/xml',
      "<?xml version='1.0' encoding='ISO-8859-1'?><f>déjà</f>",
    ],
    ['an unknown charset as UTF-8', new TextEncoder().encode('<f>é</f>'), 'text/xml; charset=klingon', '<f>é</f>'],
    [
      'a quoted charset with spaces around =',
      latin1('<f>caf\xe9</f>'),
      'text/xml; charset = "ISO-8859-1"',
      '<f>café</f>',
    ],
    [
      'a declaration with spaces around =',
      latin1('<?xml version="1.0" encoding = "ISO-8859-1"?><f>caf\xe9</f>'),
      null,
      '<?xml version="1.0" encoding = "ISO-8859-1"?><f>café</f>',
    ],
    [
      'a UTF-8 BOM over a declaration that says otherwise (the BOM wins, as in browsers)',
      new Uint8Array([
        0xef,
        0xbb,
        0xbf,
        ...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><f>é</f>'),
      ]),
      null,
      '<?xml version="1.0" encoding="ISO-8859-1"?><f>é</f>',
    ],
    [
      'an encoding named later in the text, not in a declaration, is not the encoding',
      new TextEncoder().encode('<f>é</f><?xml version="1.0" encoding="ISO-8859-1"?>'),
      null,
      '<f>é</f><?xml version="1.0" encoding="ISO-8859-1"?>',
    ],
    ['a BOM only at the start is dropped', new TextEncoder().encode('<f>a\ufeffb</f>'), null, '<f>a\ufeffb</f>'],
  ])('%s', (_case, bytes, contentType, text) => {
    expect(decode(bytes, contentType)).toBe(text);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    [null, undefined],
    ['30', 30_000],
    ['Mon, 02 Feb 2026 16:01:00 GMT', 60_000],
    ['Mon, 02 Feb 2026 15:00:00 GMT', 0],
    ['soon', undefined],
    [' 120 ', 120_000],
    ['12abc', undefined],
    ['abc12', undefined],
    // At most a day, however large the number or late the date.
    ['86400', 86_400_000],
    ['86401', 86_400_000],
    ['99999999999999999999999', 86_400_000],
    ['9'.repeat(400), 86_400_000],
    ['8000000000000', 86_400_000],
    ['Fri, 31 Dec 9999 23:59:59 GMT', 86_400_000],
  ])('%j → %j ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });
});
