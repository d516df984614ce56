import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { noteServerPause, pollFeed, type PollDeps } from '@/entrypoints/background/poll';
import { createHandlers } from '@/entrypoints/background/requests';
import { parseFeed } from '@/utils/feed/parse-feed';
import { bytesInUse, CHROME_QUOTA_BYTES, enforceChromeQuota } from '../../support/chrome-quota';
import {
  bodyKey,
  feedStateItem,
  lastCheckedItem,
  pollStatusItem,
  readArchiveItem,
  settingsItem,
  storiesItem,
  withLastCheck,
} from '@/utils/storage';

const atom = readFileSync(new URL('../../fixtures/smileband-atom.xml', import.meta.url), 'utf8');
const FEED_URL = 'https://www.smileband.co.uk/feeds/posts/default';
const NOW = Date.parse('2026-02-03T09:00:00Z');

type Reply = { status?: number; body?: string; headers?: Record<string, string> } | Error;

function deps(...replies: Reply[]) {
  const fetch = vi.fn<typeof globalThis.fetch>(() => {
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    if (reply instanceof Error) return Promise.reject(reply);
    return Promise.resolve(new Response(reply.body ?? null, { status: reply.status ?? 200, headers: reply.headers }));
  });
  const announce = vi.fn<PollDeps['announce']>(async () => {});
  return { fetch, now: () => NOW, online: () => true, random: () => 0.5, announce } satisfies PollDeps;
}
const feed = { body: atom, headers: { ETag: '"v1"', 'Last-Modified': 'Mon, 02 Feb 2026 15:40:11 GMT' } };

const parseIds = async () => (await parseFeed(atom)).items.map((item) => item.id);

/** Everything in storage.local, to compare before and after. */
const snapshot = () => fakeBrowser.storage.local.get(null);

describe('pollFeed', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('stores the 25 stories unread, their bodies, the validators and a success status', async () => {
    const outcome = await pollFeed(deps(feed));
    expect(outcome).toMatchObject({ kind: 'updated', error: null });
    expect(outcome.added).toHaveLength(25);
    const stories = await storiesItem.getValue();
    expect(stories).toHaveLength(25);
    expect(stories.every((story) => !story.read)).toBe(true);
    expect(stories[0]!.headline).toMatch(/^Jamaica’s HIV Epidemic/);
    expect(await storage.getItem<string>(bodyKey(stories[0]!.id))).toContain('28,000 to 30,000');
    expect(await feedStateItem.getValue()).toMatchObject({ url: FEED_URL, etag: '"v1"', title: 'Smileband News' });
    expect(await pollStatusItem.getValue()).toEqual({
      lastAttemptAt: new Date(NOW).toISOString(),
      lastSuccessAt: new Date(NOW).toISOString(),
      lastChangeAt: new Date(NOW).toISOString(),
      error: null,
      failures: 0,
      retryAt: null,
      serverRetryAt: null,
      skipped: 0,
    });
  });

  it('asks conditionally next time, and a 304 changes no story', async () => {
    await pollFeed(deps(feed));
    const before = await snapshot();
    const second = deps({ status: 304 });
    expect(await pollFeed(second)).toMatchObject({ kind: 'unchanged', added: [] });
    expect(second.fetch.mock.calls[0]![1]!.headers).toMatchObject({
      'If-None-Match': '"v1"',
      'If-Modified-Since': 'Mon, 02 Feb 2026 15:40:11 GMT',
    });
    const after = await snapshot();
    expect(after.stories).toEqual(before.stories);
    expect(after.feedState).toEqual(before.feedState);
  });

  it('polls the feed the settings name, with no validators when it changed', async () => {
    await pollFeed(deps(feed));
    const other = 'https://example.blogspot.com/feeds/posts/default';
    await settingsItem.setValue({ ...(await settingsItem.getValue()), feedUrl: other });
    const next = deps(feed);
    await pollFeed(next);
    expect(next.fetch.mock.calls[0]![0]).toBe(other);
    expect(next.fetch.mock.calls[0]![1]!.headers).not.toHaveProperty('If-None-Match');
    expect(next.fetch.mock.calls[0]![1]!.headers).not.toHaveProperty('If-Modified-Since');
  });

  it('announces the first poll as the backlog, and later polls with what they added', async () => {
    const first = deps(feed);
    await pollFeed(first);
    expect(first.announce).toHaveBeenCalledWith(expect.objectContaining({ firstRun: true, lastSuccessAt: null }));
    const newer = atom.replace(
      '<entry>',
      `<entry><id>tag:blogger.com,1999:blog-1.post-new</id><published>2026-02-03T08:00:00+00:00</published><updated>2026-02-03T08:00:00+00:00</updated><title type='text'>Smileband News</title><content type='html'>&lt;p&gt;Dear 222 News viewers, sponsored by smileband,&lt;/p&gt;&lt;p&gt;Fresh headline&lt;/p&gt;</content><link rel='alternate' type='text/html' href='https://www.smileband.co.uk/new.html'/></entry><entry>`,
    );
    const second = deps({ ...feed, body: newer, headers: { ETag: '"v2"' } });
    await pollFeed(second);
    const announcement = second.announce.mock.calls[0]![0];
    expect(announcement).toMatchObject({ firstRun: false, lastSuccessAt: new Date(NOW).toISOString() });
    expect(announcement.added.map((story) => story.headline)).toEqual(['Fresh headline']);
  });

  it('keeps bodies for the newest 150 stories only, so storage stays bounded at any retention', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), retention: 1000 });
    const entries = atom.match(/<entry>[\s\S]*?<\/entry>/g)!;
    const many = Array.from({ length: 160 }, (_, i) =>
      entries[i % entries.length]!.replace(/post-(\d+)</, `post-$1${i}<`).replace(
        /<published>[^<]+/,
        `<published>${new Date(Date.UTC(2026, 0, 1) - i * 3600e3).toISOString()}`,
      ),
    );
    const big = atom.replace(/<entry>[\s\S]*<\/entry>/, many.join(''));
    await pollFeed(deps({ ...feed, body: big }));
    const stories = await storiesItem.getValue();
    expect(stories).toHaveLength(160);
    expect(stories.filter((story) => story.bodyDropped)).toHaveLength(10);
    expect(await storage.getItem(bodyKey(stories[149]!.id))).not.toBeNull();
    expect(await storage.getItem(bodyKey(stories[150]!.id))).toBeNull();
  });

  it('brings back read state for a feed the reader returns to', async () => {
    const ids = (await parseIds()).slice(0, 2);
    await readArchiveItem.setValue({ [FEED_URL]: ids });
    await pollFeed(deps(feed));
    const stories = await storiesItem.getValue();
    expect(stories.filter((story) => story.read).map((story) => story.id)).toEqual(ids);
  });

  it.each([
    ['a web page', deps({ body: '<!doctype html><p>Sign in</p>' }), 'not-a-feed', /web page/],
    ['malformed XML', deps({ body: atom.slice(0, 3000) }), 'not-a-feed', /could not be read/],
    ['a 503', deps({ status: 503 }), 'http', /answered 503/],
    ['a refused connection', deps(new TypeError('Failed to fetch')), 'network', /Could not reach/],
  ])('keeps every stored story and read state on %s, and records why', async (_case, failing, kind, message) => {
    await pollFeed(deps(feed));
    await createHandlers()['set-read']({ type: 'set-read', ids: [(await storiesItem.getValue())[3]!.id], read: true });
    const before = await snapshot();
    const outcome = await pollFeed(failing);
    expect(outcome).toMatchObject({ kind: 'failed', error: { kind } });
    const after = await snapshot();
    expect(after.stories).toEqual(before.stories);
    expect(after.feedState).toEqual(before.feedState);
    const status = await pollStatusItem.getValue();
    expect(status.error).toMatchObject({ kind, at: new Date(NOW).toISOString() });
    expect(status.error!.message).toMatch(message);
    expect(status.lastSuccessAt).toBe(new Date(NOW).toISOString());
  });

  it('does not poll while offline', async () => {
    const offline = { ...deps(feed), online: () => false };
    expect(await pollFeed(offline)).toMatchObject({ kind: 'failed', error: { kind: 'offline' } });
    expect(offline.fetch).not.toHaveBeenCalled();
    expect(await storiesItem.getValue()).toEqual([]);
  });

  it('runs one poll at a time: a second call joins the first', async () => {
    const both = deps(feed);
    const [first, second] = await Promise.all([pollFeed(both), pollFeed(both)]);
    expect(both.fetch).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
  });

  it('keeps an edited story read, updated in place', async () => {
    await pollFeed(deps(feed));
    const [story] = await storiesItem.getValue();
    await createHandlers()['set-read']({ type: 'set-read', ids: [story!.id], read: true });
    const edited = atom.replace('Jamaica’s HIV Epidemic: About 28,000', 'Jamaica’s HIV Epidemic: About 29,000');
    const outcome = await pollFeed(deps({ ...feed, body: edited, headers: { ETag: '"v2"' } }));
    expect(outcome).toMatchObject({ added: [], updated: [story!.id] });
    const [after] = await storiesItem.getValue();
    expect(after).toMatchObject({ id: story!.id, read: true });
    expect(after!.headline).toContain('29,000');
  });

  it('does not lose a "mark read" that arrives while a poll is merging', async () => {
    await pollFeed(deps(feed));
    const id = (await storiesItem.getValue())[5]!.id;
    const local = fakeBrowser.storage.local;
    const set = local.set.bind(local);
    let mark: Promise<unknown> | undefined;
    // The poll has read the stories and is about to write its merge: the reader marks one read
    // now, and has every chance to finish before the poll's write lands.
    vi.spyOn(local, 'set').mockImplementationOnce(async (items) => {
      mark = createHandlers()['set-read']({ type: 'set-read', ids: [id], read: true });
      for (let i = 0; i < 5; i++) await new Promise((done) => setTimeout(done));
      return set(items);
    });
    await pollFeed(deps({ ...feed, body: atom.replace('Bank of England', 'The Bank of England'), headers: {} }));
    await mark;
    expect((await storiesItem.getValue()).find((story) => story.id === id)!.read).toBe(true);
  });

  it('backs off after failures: scheduled polls wait longer each time; Refresh does not wait', async () => {
    const failing = () => ({ ...deps({ status: 500 }), random: () => 0.999 });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await pollFeed(failing(), 'manual');
      const status = await pollStatusItem.getValue();
      waits.push(Math.round((Date.parse(status.retryAt!) - NOW) / 60e3));
    }
    expect(waits).toEqual([15, 30, 60, 120]);
    const scheduled = failing();
    expect(await pollFeed(scheduled, 'alarm')).toMatchObject({ kind: 'deferred' });
    expect(scheduled.fetch).not.toHaveBeenCalled();
    const ok = deps(feed);
    await pollFeed(ok, 'manual');
    expect(await pollStatusItem.getValue()).toMatchObject({ failures: 0, retryAt: null, error: null });
    const later = deps({ status: 304 });
    expect(await pollFeed(later, 'alarm')).toMatchObject({ kind: 'unchanged' });
  });

  it('honours Retry-After on a 503', async () => {
    await pollFeed({ ...deps({ status: 503, headers: { 'Retry-After': '7200' } }), random: () => 0 });
    const status = await pollStatusItem.getValue();
    expect(Date.parse(status.retryAt!) - NOW).toBe(7200e3);
    expect(status.error).toMatchObject({ kind: 'http', status: 503 });
  });

  it('remembers when the server will take a request, through later failures, until a success', async () => {
    await pollFeed(deps({ status: 429, headers: { 'Retry-After': '600' } }), 'manual');
    const asked = (await pollStatusItem.getValue()).serverRetryAt;
    expect(Date.parse(asked!) - NOW).toBe(600e3);
    // Backoff alone (no Retry-After) is ours, not the server's word: the time it gave stays.
    await pollFeed(deps({ status: 500 }), 'manual');
    expect((await pollStatusItem.getValue()).serverRetryAt).toBe(asked);
    await pollFeed(deps(feed), 'manual');
    expect((await pollStatusItem.getValue()).serverRetryAt).toBeNull();
  });

  it.each(['99999999999999999999999', '8000000000000'])(
    'takes an absurd Retry-After (%s s) as a day: the failure is recorded and said, updates go on',
    async (seconds) => {
      const outcome = await pollFeed(
        { ...deps({ status: 503, headers: { 'Retry-After': seconds } }), random: () => 0 },
        'alarm',
      );
      expect(outcome).toMatchObject({ kind: 'failed', error: { kind: 'http', status: 503 } });
      const status = await pollStatusItem.getValue();
      expect(status).toMatchObject({ failures: 1, error: { kind: 'http', status: 503 } });
      expect(Date.parse(status.serverRetryAt!) - NOW).toBe(86_400e3);
      expect(Date.parse(status.retryAt!) - NOW).toBeLessThanOrEqual(86_400e3);
      // A Refresh pressed again still asks, and a success clears the pause.
      await pollFeed(deps(feed), 'manual');
      expect(await pollStatusItem.getValue()).toMatchObject({ failures: 0, serverRetryAt: null, retryAt: null });
    },
  );

  it('keeps the later of two server pauses, compared as times (ISO text orders wrongly past 9999)', async () => {
    await pollStatusItem.setValue({
      ...(await pollStatusItem.getValue()),
      serverRetryAt: '+010000-01-01T00:00:00.000Z',
    });
    await noteServerPause('9999-01-01T00:00:00.000Z');
    expect((await pollStatusItem.getValue()).serverRetryAt).toBe('+010000-01-01T00:00:00.000Z');
    await pollStatusItem.setValue({ ...(await pollStatusItem.getValue()), serverRetryAt: '2026-02-03T09:10:00.000Z' });
    await noteServerPause('2026-02-03T09:20:00.000Z');
    expect((await pollStatusItem.getValue()).serverRetryAt).toBe('2026-02-03T09:20:00.000Z');
  });

  it('keeps no server time for a failure that named none', async () => {
    await pollFeed(deps({ status: 503 }), 'manual');
    expect((await pollStatusItem.getValue()).serverRetryAt ?? null).toBeNull();
  });

  it('asks again in full when a 304 says the server changed after our copy', async () => {
    await pollFeed(deps(feed));
    const confused = deps(
      { status: 304, headers: { 'Last-Modified': 'Tue, 03 Feb 2026 08:00:00 GMT' } },
      { ...feed, headers: { ETag: '"v3"', 'Last-Modified': 'Tue, 03 Feb 2026 08:00:00 GMT' } },
    );
    await pollFeed(confused);
    expect(confused.fetch).toHaveBeenCalledTimes(2);
    // The first asked with both validators; the second with neither, or the server would answer 304 again.
    expect(confused.fetch.mock.calls[0]![1]!.headers).toMatchObject({
      'If-None-Match': '"v1"',
      'If-Modified-Since': feed.headers['Last-Modified'],
    });
    expect(confused.fetch.mock.calls[1]![1]!.headers).not.toHaveProperty('If-None-Match');
    expect(confused.fetch.mock.calls[1]![1]!.headers).not.toHaveProperty('If-Modified-Since');
    expect(await feedStateItem.getValue()).toMatchObject({ etag: '"v3"' });
  });

  it("takes a 304 whose Last-Modified is our own copy's at its word: one request", async () => {
    await pollFeed(deps(feed));
    const same = deps({ status: 304, headers: { 'Last-Modified': feed.headers['Last-Modified'] } });
    expect(await pollFeed(same)).toMatchObject({ kind: 'unchanged' });
    expect(same.fetch).toHaveBeenCalledTimes(1);
  });

  it('backs off after an answer that is not a feed (a sign-in page), as after any failure', async () => {
    await pollFeed(deps(feed));
    const portal = () => ({ ...deps({ body: '<!doctype html><title>Sign in to Wi-Fi</title>' }), random: () => 0.999 });
    await pollFeed(portal(), 'manual');
    await pollFeed(portal(), 'manual');
    const status = await pollStatusItem.getValue();
    expect(status).toMatchObject({ failures: 2, error: { kind: 'not-a-feed' } });
    expect(Math.round((Date.parse(status.retryAt!) - NOW) / 60e3)).toBe(30);
    const scheduled = portal();
    expect(await pollFeed(scheduled, 'alarm')).toMatchObject({ kind: 'deferred' });
    expect(scheduled.fetch).not.toHaveBeenCalled();
  });

  it('an idle poll (304) writes nothing to storage.local, yet the reader sees the check', async () => {
    await pollFeed(deps(feed));
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const later = NOW + 15 * 60e3;
    await pollFeed({ ...deps({ status: 304 }), now: () => later });
    expect(writes).not.toHaveBeenCalled();
    const status = withLastCheck(await pollStatusItem.getValue(), await lastCheckedItem.getValue());
    expect(status.lastSuccessAt).toBe(new Date(later).toISOString());
  });

  it('polls on the alarm from the moment the wait is over, not a moment before', async () => {
    await pollFeed(deps(feed));
    const status = await pollStatusItem.getValue();
    await pollStatusItem.setValue({ ...status, failures: 1, retryAt: new Date(NOW + 1).toISOString() });
    const early = deps({ status: 304 });
    expect(await pollFeed(early, 'alarm')).toMatchObject({ kind: 'deferred' });
    expect(early.fetch).not.toHaveBeenCalled();
    await pollStatusItem.setValue({ ...status, failures: 1, retryAt: new Date(NOW).toISOString() });
    const due = deps({ status: 304 });
    expect(await pollFeed(due, 'alarm')).toMatchObject({ kind: 'unchanged' });
    expect(due.fetch).toHaveBeenCalledTimes(1);
  });

  it('being offline keeps the wait the server asked for', async () => {
    await pollFeed({ ...deps({ status: 503, headers: { 'Retry-After': '7200' } }), random: () => 0 });
    const { retryAt } = await pollStatusItem.getValue();
    await pollFeed({ ...deps(feed), online: () => false });
    expect(await pollStatusItem.getValue()).toMatchObject({ retryAt, error: { kind: 'offline' } });
  });

  it('a 304 after failures whose error was already cleared ends the backoff', async () => {
    await pollFeed(deps(feed));
    const status = await pollStatusItem.getValue();
    await pollStatusItem.setValue({ ...status, failures: 2, retryAt: new Date(NOW - 1).toISOString() });
    await pollFeed(deps({ status: 304 }));
    expect(await pollStatusItem.getValue()).toMatchObject({ error: null, failures: 0, retryAt: null });
  });

  it('takes a 304 without a Last-Modified at its word: one request', async () => {
    await pollFeed(deps(feed));
    const bare = deps({ status: 304 });
    expect(await pollFeed(bare)).toMatchObject({ kind: 'unchanged' });
    expect(bare.fetch).toHaveBeenCalledTimes(1);
  });

  it('gives a digest held through quiet hours even when the feed has not changed', async () => {
    await pollFeed(deps(feed));
    const previous = (await pollStatusItem.getValue()).lastSuccessAt;
    const unchanged = deps({ status: 304 });
    await pollFeed(unchanged);
    expect(unchanged.announce).toHaveBeenCalledWith({ added: [], firstRun: false, lastSuccessAt: previous, now: NOW });
  });

  it('a 304 after a failure clears the error', async () => {
    await pollFeed(deps(feed));
    await pollFeed(deps({ status: 500 }));
    await pollFeed(deps({ status: 304 }));
    expect(await pollStatusItem.getValue()).toMatchObject({ error: null, failures: 0 });
  });

  it('reports a storage failure that is not the quota and keeps what was stored', async () => {
    await pollFeed(deps(feed));
    const before = await snapshot();
    const broken = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error: disk'));
    const outcome = await pollFeed(deps({ ...feed, body: atom.replace('Bank of England', 'The Bank'), headers: {} }));
    expect(outcome).toMatchObject({ kind: 'failed', error: { kind: 'storage', detail: 'IO error: disk' } });
    broken.mockRestore();
    const after = await snapshot();
    expect(after.stories).toEqual(before.stories);
    expect((await pollStatusItem.getValue()).error?.message).toBe('New stories could not be saved: IO error: disk');
  });

  it('reports a full store that refuses even the headlines, and keeps what was stored', async () => {
    await pollFeed(deps(feed));
    const before = await snapshot();
    // Every write of stories is refused; the small status write still goes through.
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const full = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockImplementation(async (items: Record<string, unknown>) => {
        if ('stories' in items) throw new Error('QUOTA_BYTES quota exceeded');
        return set(items);
      });
    const outcome = await pollFeed(deps({ ...feed, body: atom.replace('Bank of England', 'The Bank'), headers: {} }));
    full.mockRestore();
    expect(outcome).toMatchObject({ kind: 'failed', error: { kind: 'storage', detail: 'QUOTA_BYTES quota exceeded' } });
    expect((await snapshot()).stories).toEqual(before.stories);
  });

  it('records how many entries it could not read', async () => {
    const first = atom.indexOf('<entry>');
    await pollFeed(deps({ body: atom.slice(0, first) + '<entry>text only</entry><entry/>' + atom.slice(first) }));
    expect(await storiesItem.getValue()).toHaveLength(25);
    expect(await pollStatusItem.getValue()).toMatchObject({ error: null, skipped: 2 });
    await pollFeed(deps({ body: atom.replace('Bank of England', 'The Bank') }));
    expect(await pollStatusItem.getValue()).toMatchObject({ skipped: 0 });
  });
});

describe('pollFeed, what it tells its caller and the worker’s log', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('answers a 304 and a failure with no stories at all', async () => {
    await pollFeed(deps(feed));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await pollFeed(deps({ status: 304 }))).toEqual({ kind: 'unchanged', added: [], updated: [], error: null });
    const failed = await pollFeed(deps({ status: 500 }));
    expect(failed).toEqual({ kind: 'failed', added: [], updated: [], error: failed.error });
    expect(failed.error).toMatchObject({ kind: 'http' });
  });

  it('logs one line naming a failure and its message', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await pollFeed({ ...deps(feed), online: () => false });
    expect(warn).toHaveBeenCalledWith('Smileband News: poll failed (offline): You are offline.');
    expect((await pollStatusItem.getValue()).error?.message).toBe('You are offline.');
  });

  it('keeps the parser’s detail of a broken feed for the reader', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await pollFeed(deps({ body: '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry></feed>' }));
    const error = (await pollStatusItem.getValue()).error;
    expect(error).toMatchObject({ kind: 'not-a-feed', reason: 'malformed' });
    expect(error?.detail).toMatch(/\S/);
  });

  it.each([
    ['a new story', (d: ReturnType<typeof deps>) => d],
    ['nothing new', (d: ReturnType<typeof deps>) => ({ ...d, fetch: deps({ status: 304 }).fetch })],
  ])('logs a notification that fails after %s, and still counts the poll a success', async (_case, variant) => {
    await pollFeed(deps(feed));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = variant(deps({ body: atom.replace('Bank of England', 'The Bank') }));
    failing.announce.mockRejectedValue(new Error('no permission'));
    expect((await pollFeed(failing)).kind).not.toBe('failed');
    expect(error).toHaveBeenCalledWith('Smileband News: notifications', expect.any(Error));
    expect((await pollStatusItem.getValue()).error).toBeNull();
  });

  it('asks once when a full response carries a newer Last-Modified than ours', async () => {
    await pollFeed(deps(feed));
    const newer = deps({ body: atom, headers: { 'Last-Modified': 'Tue, 03 Feb 2026 08:00:00 GMT' } });
    await pollFeed(newer);
    expect(newer.fetch).toHaveBeenCalledTimes(1);
  });

  it('dates an undated entry at the poll’s own clock', async () => {
    const undated =
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>Smileband News</title><entry><id>u-1</id><title>Undated</title></entry></feed>';
    await pollFeed(deps({ body: undated }));
    expect((await storiesItem.getValue())[0]).toMatchObject({ id: 'u-1', published: new Date(NOW).toISOString() });
  });

  it('reads at most the newest 500 entries of a runaway feed', async () => {
    await pollFeed(deps({ body: feedOf(501, () => '<p>x</p>') }));
    expect((await storiesItem.getValue()).map((story) => story.id)).not.toContain('p-500');
  });

  it('removes nothing when nothing has gone stale', async () => {
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove');
    await pollFeed(deps(feed));
    expect(remove).not.toHaveBeenCalled();
  });

  it('says in the log when a full store made it save headlines without bodies', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (Object.keys(items).some((key) => key.startsWith('body:'))) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    expect((await pollFeed(deps(feed))).kind).toBe('updated');
    expect(warn).toHaveBeenCalledWith(
      'Smileband News: storage full; saving headlines without bodies',
      expect.any(Error),
    );
  });

  it('leaves the poll to the context that holds the lock', async () => {
    const request = vi.fn((_name: string, _options: unknown, run: (lock: unknown) => unknown) =>
      Promise.resolve(run(null)),
    );
    vi.stubGlobal('navigator', { onLine: true, locks: { request } });
    const held = deps(feed);
    expect(await pollFeed(held)).toMatchObject({ kind: 'deferred' });
    expect(held.fetch).not.toHaveBeenCalled();
    expect(request).toHaveBeenCalledWith('smileband-news-poll', { ifAvailable: true }, expect.any(Function));
  });
});

/** An Atom feed of `count` posts, each with `body` (HTML) as its content. */
function feedOf(count: number, body: (n: number) => string, idPrefix = 'p'): string {
  const escape = (html: string) => html.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const entries = Array.from({ length: count }, (_, n) => {
    // Before NOW: a post dated ahead of the clock counts as undated (parseFeed's `latest`).
    const published = new Date(Date.UTC(2025, 6, 1) + idPrefix.charCodeAt(0) * 86400e3 + n * 3600e3).toISOString();
    return `<entry><id>${idPrefix}-${n}</id><published>${published}</published><title>Story ${idPrefix} ${n}</title><link rel="alternate" href="https://www.smileband.co.uk/${idPrefix}/${n}.html"/><content type="html">${escape(body(n))}</content></entry>`;
  });
  return `<feed xmlns="http://www.w3.org/2005/Atom"><title>Smileband News</title>${entries.join('')}</feed>`;
}

describe('pollFeed within Chrome’s storage quota (counted as Chrome counts it)', () => {
  let undo: () => void = () => {};
  beforeEach(async () => {
    fakeBrowser.reset();
    await settingsItem.setValue({ ...(await settingsItem.getValue()), retention: 1000 });
  });
  afterEach(() => undo());

  // 16,000 characters that Chrome stores as 96,000 bytes; 64 KB each in the feed's XML.
  const markupHeavy = (n: number) => `<p>Story ${n}</p>` + '<'.repeat(16_000);
  const ordinary = (n: number) => `<p>Ordinary story ${n}</p><p>${'Plain words. '.repeat(300)}</p>`;

  it('a feed of markup-heavy bodies stays inside the quota, and ordinary new stories still save with bodies', async () => {
    undo = enforceChromeQuota();
    // Two polls of 60 such posts: 11.5 MB if every body were kept, past the 10 MB quota. (A third
    // poll added nothing the second does not test, and took a third of a slow machine's budget.)
    for (const prefix of ['a', 'b']) {
      const heavy = await pollFeed(deps({ body: feedOf(60, markupHeavy, prefix) }));
      expect(heavy).toMatchObject({ kind: 'updated', error: null });
      expect(await bytesInUse()).toBeLessThanOrEqual(CHROME_QUOTA_BYTES - 1024 * 1024);
    }
    const kept = await storiesItem.getValue();
    expect(kept).toHaveLength(120);
    // The budget, not the emergency path, made the room: the newest poll's bodies are all kept.
    expect(kept.slice(0, 60).filter((story) => story.bodyDropped)).toEqual([]);

    const next = await pollFeed(deps({ body: feedOf(25, ordinary, 'q') }));
    expect(next).toMatchObject({ kind: 'updated', error: null });
    expect(next.added).toHaveLength(25);
    const stories = await storiesItem.getValue();
    expect(stories).toHaveLength(145);
    for (const story of stories.filter((s) => s.id.startsWith('q-'))) {
      expect(await storage.getItem<string>(bodyKey(story.id)), story.id).toContain('Ordinary story');
    }
    // Bodies the index calls dropped are really gone; the rest are there.
    for (const story of stories) {
      const body = await storage.getItem<string>(bodyKey(story.id));
      expect(body === null, story.id).toBe(story.bodyDropped === true);
    }
  });

  it('a store already filled by something else makes room by dropping the oldest bodies', async () => {
    undo = enforceChromeQuota();
    await pollFeed(deps({ body: feedOf(60, ordinary) }));
    await fakeBrowser.storage.local.set({ other: 'x'.repeat(8 * 1024 * 1024) });
    const outcome = await pollFeed(deps({ body: feedOf(25, markupHeavy, 'q') }));
    expect(outcome).toMatchObject({ kind: 'updated', error: null });
    const stories = await storiesItem.getValue();
    expect(stories).toHaveLength(85);
    expect(stories[0]!.bodyDropped).toBeUndefined();
    expect(stories.at(-1)!.bodyDropped).toBe(true);
  });

  it('where the browser cannot measure, a refused write still saves every headline', async () => {
    undo = enforceChromeQuota({ quota: 3 * 1024 * 1024, measure: false });
    const outcome = await pollFeed(deps({ body: feedOf(60, markupHeavy) }));
    expect(outcome).toMatchObject({ kind: 'updated', error: null });
    expect(outcome.added).toHaveLength(60);
    expect(await storiesItem.getValue()).toHaveLength(60);
    expect(await pollStatusItem.getValue()).toMatchObject({ error: null });
  });
});
