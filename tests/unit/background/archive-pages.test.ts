import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { loadOlderStories, pauseUntil, searchBlog } from '@/entrypoints/background/archive-pages';
import { pollFeed } from '@/entrypoints/background/poll';
import { createHandlers, handleRequest } from '@/entrypoints/background/requests';
import { unreadCount } from '@/utils/stories/read-state';
import { archivePagesItem, bodyKey, pollStatusItem, settingsItem, storiesItem } from '@/utils/storage';
import { bloggerPage, feedEntries } from '../../support/big-feed';
import { SEARCH_PAGE_SIZE } from '@/utils/feed/blogger-pages';
import { updatedStatus } from '../../support/stories';

const FEED_URL = 'https://www.smileband.co.uk/feeds/posts/default';
const NOW = Date.parse('2026-02-03T09:00:00Z');
/** A blog of 160 posts: the fixture's 25, then older rounds of them. */
const BLOG = feedEntries(160);
const idOf = (post: string) => /<id>([^<]+)</.exec(post)![1]!;

/** A fetch that answers like Blogger, recording what was asked; `reply` stands in for the blog. */
function blogger(reply?: (url: URL) => Response | undefined) {
  const asked: URL[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>((input) => {
    const url = new URL(input as string);
    asked.push(url);
    const staged = reply?.(url);
    if (staged) return Promise.resolve(staged);
    return Promise.resolve(
      new Response(bloggerPage(BLOG, url), { headers: { 'Content-Type': 'application/atom+xml; charset=UTF-8' } }),
    );
  });
  return {
    asked,
    deps: { fetch, now: () => NOW, online: () => true, random: () => 0.5, announce: vi.fn(async () => {}) },
  };
}

async function firstPoll() {
  const { deps } = blogger();
  await pollFeed(deps);
  return storiesItem.getValue();
}

describe('Older stories', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('asks for the 100 posts after the 25 stored, and stores them read, archived and unannounced', async () => {
    const before = await firstPoll();
    expect(before).toHaveLength(25);
    const { asked, deps } = blogger();
    expect(await loadOlderStories(null, deps)).toEqual({ added: 100, done: false, error: null });
    expect(asked.map((url) => url.search)).toEqual(['?orderby=published&start-index=26&max-results=100']);
    const stories = await storiesItem.getValue();
    expect(stories).toHaveLength(125);
    expect(unreadCount(stories)).toBe(25);
    expect(stories.slice(25).every((story) => story.read && story.archived)).toBe(true);
    expect(stories.slice(0, 25).some((story) => story.archived)).toBe(false);
    expect(deps.announce).not.toHaveBeenCalled();
    // Their bodies within the budget: 125 stories are within the 150 kept.
    expect(await storage.getItem<string>(bodyKey(stories[124]!.id))).toBeTruthy();
  });

  it('pages on from where it stopped, and says when the oldest post is stored', async () => {
    await firstPoll();
    const { asked, deps } = blogger();
    await loadOlderStories(null, deps);
    expect(await loadOlderStories(null, deps)).toEqual({ added: 35, done: true, error: null });
    expect(asked[1]!.searchParams.get('start-index')).toBe('126');
    expect(await storiesItem.getValue()).toHaveLength(160);
    // Nothing older: a press asks nothing.
    expect(await loadOlderStories(null, deps)).toEqual({ added: 0, done: true, error: null });
    expect(asked).toHaveLength(2);
  });

  it('pages a label’s own feed, after the stories of that label already stored', async () => {
    await firstPoll();
    const space = (await storiesItem.getValue()).filter((story) => story.labels.includes('Space')).length;
    const { asked, deps } = blogger();
    const reply = await loadOlderStories('Space', deps);
    expect(asked[0]!.pathname).toBe('/feeds/posts/default/-/Space');
    expect(asked[0]!.searchParams.get('start-index')).toBe(String(space + 1));
    const labelled = BLOG.filter((post) => post.includes("term='Space'")).length;
    expect(reply).toEqual({ added: labelled - space, done: true, error: null });
    const stored = await storiesItem.getValue();
    expect(stored.filter((story) => story.labels.includes('Space'))).toHaveLength(labelled);
    expect((await archivePagesItem.getValue()).pages['label:Space']).toMatchObject({ done: true, total: labelled });
  });

  it.each(['.', '..'])('asks nothing for a label named %j, and files no stories under it', async (label) => {
    await firstPoll();
    const before = await storiesItem.getValue();
    const { asked, deps } = blogger();
    expect(await loadOlderStories(label, deps)).toEqual({ added: 0, done: true, error: null });
    expect(asked).toHaveLength(0);
    expect(await storiesItem.getValue()).toEqual(before);
    expect(await archivePagesItem.getValue()).toEqual({ feed: null, pages: {} });
  });

  it('asks nothing inside the server’s Retry-After or a backoff, and says until when', async () => {
    await firstPoll();
    const status = await pollStatusItem.getValue();
    const { asked, deps } = blogger();
    await pollStatusItem.setValue({ ...status, serverRetryAt: '2026-02-03T09:10:00.000Z' });
    expect(await loadOlderStories(null, deps)).toEqual({
      added: 0,
      done: false,
      error: null,
      waitUntil: '2026-02-03T09:10:00.000Z',
    });
    await pollStatusItem.setValue({ ...status, retryAt: '2026-02-03T09:20:00.000Z' });
    expect((await loadOlderStories(null, deps)).waitUntil).toBe('2026-02-03T09:20:00.000Z');
    expect(asked).toHaveLength(0);
    // A pause that has passed holds nothing back.
    await pollStatusItem.setValue({ ...status, retryAt: '2026-02-03T08:59:00.000Z' });
    expect((await loadOlderStories(null, deps)).added).toBe(100);
  });

  it('remembers a 429’s Retry-After for every later request, keeping what is stored', async () => {
    const before = await firstPoll();
    const { deps } = blogger(() => new Response('slow down', { status: 429, headers: { 'Retry-After': '600' } }));
    const reply = await loadOlderStories(null, deps);
    expect(reply).toMatchObject({ added: 0, done: false, error: { kind: 'http', status: 429 } });
    expect((await pollStatusItem.getValue()).serverRetryAt).toBe(new Date(NOW + 600e3).toISOString());
    expect(await storiesItem.getValue()).toEqual(before);
    // The poll's own status line stays as it was: an archive page is not an update.
    expect((await pollStatusItem.getValue()).error).toBeNull();
    // The cursor did not move.
    expect(await archivePagesItem.getValue()).toEqual({ feed: null, pages: {} });
  });

  it('takes an absurd Retry-After as a day, and says the failure instead of failing silently', async () => {
    await firstPoll();
    const { deps } = blogger(
      () => new Response('slow down', { status: 429, headers: { 'Retry-After': '99999999999999999999999' } }),
    );
    expect(await loadOlderStories(null, deps)).toMatchObject({
      added: 0,
      done: false,
      error: { kind: 'http', status: 429 },
    });
    expect((await pollStatusItem.getValue()).serverRetryAt).toBe(new Date(NOW + 86_400e3).toISOString());
  });

  it('says offline and a broken page without asking or storing', async () => {
    await firstPoll();
    const offline = blogger();
    expect(await loadOlderStories(null, { ...offline.deps, online: () => false })).toMatchObject({
      error: { kind: 'offline' },
    });
    expect(offline.asked).toHaveLength(0);
    const broken = blogger(() => new Response('<html><body>Oops</body></html>', { status: 200 }));
    expect(await loadOlderStories(null, broken.deps)).toMatchObject({ error: { kind: 'not-a-feed', reason: 'html' } });
    expect(await storiesItem.getValue()).toHaveLength(25);
  });

  it('pages all posts after a label’s pages without skipping a post: the label’s stories lie behind the run', async () => {
    await firstPoll();
    const { asked, deps } = blogger();
    await loadOlderStories('Space', deps);
    await loadOlderStories(null, deps);
    expect(asked[1]!.searchParams.get('start-index')).toBe('26');
    await loadOlderStories(null, deps);
    expect((await storiesItem.getValue()).map((story) => story.id)).toEqual(
      BLOG.map((post) => /<id>([^<]+)</.exec(post)![1]),
    );
    // A label first paged after all posts starts after the label's stories those pages stored.
    await archivePagesItem.setValue({ feed: FEED_URL, pages: { '': (await archivePagesItem.getValue()).pages['']! } });
    await loadOlderStories('Space', deps);
    expect(asked.at(-1)!.searchParams.get('start-index')).toBe(
      String(BLOG.filter((post) => post.includes("term='Space'")).length + 1),
    );
  });

  it('starts over for another feed', async () => {
    await firstPoll();
    await archivePagesItem.setValue({
      feed: 'https://other.example/feeds/posts/default',
      pages: { '': { next: 999, total: 1000, done: true } },
    });
    const { asked, deps } = blogger();
    expect((await loadOlderStories(null, deps)).added).toBe(100);
    expect(asked[0]!.searchParams.get('start-index')).toBe('26');
  });

  it('asks one page at a time: a second press waits for the first page to land, then goes on from it', async () => {
    await firstPoll();
    const { asked, deps } = blogger();
    const [a, b] = await Promise.all([loadOlderStories(null, deps), loadOlderStories(null, deps)]);
    expect([a.added, b.added]).toEqual([100, 35]);
    expect(asked.map((url) => url.searchParams.get('start-index'))).toEqual(['26', '126']);
  });

  it('keeps archive stories through later polls, and takes in a story that ages out of retention', async () => {
    await firstPoll();
    const { deps } = blogger();
    await loadOlderStories(null, deps);
    await settingsItem.setValue({ ...(await settingsItem.getValue()), retention: 25 });
    await pollStatusItem.setValue(updatedStatus(NOW, 20));
    // A newer post arrives: retention keeps 25 live stories, the archive keeps its 100 and takes the one pushed out.
    const newer = BLOG[0]!.replace(/\.post-(\d+)</, '.post-$1new<').replace(/<published>2026/, '<published>2027');
    const poll = blogger((url) =>
      url.search ? undefined : new Response(`${bloggerPage([newer, ...BLOG], url)}`, { status: 200 }),
    );
    await pollFeed(poll.deps);
    const stories = await storiesItem.getValue();
    expect(stories).toHaveLength(126);
    expect(stories.filter((story) => !story.archived)).toHaveLength(25);
  });

  it('is what the older-stories request does', async () => {
    await firstPoll();
    // The request's handler runs on the real clock: a pause an hour from now, whatever the date.
    const pause = new Date(Date.now() + 3600e3).toISOString();
    await pollStatusItem.setValue({ ...(await pollStatusItem.getValue()), serverRetryAt: pause });
    expect(await handleRequest(createHandlers(), { type: 'older-stories', label: null })).toMatchObject({
      waitUntil: pause,
    });
  });
});

describe('pauseUntil', () => {
  it('is the later of the backoff and the server’s Retry-After still ahead, else nothing', () => {
    const status = updatedStatus(NOW, 5);
    expect(pauseUntil(status, NOW)).toBeUndefined();
    expect(pauseUntil({ ...status, retryAt: '2026-02-03T09:05:00Z', serverRetryAt: '2026-02-03T09:02:00Z' }, NOW)).toBe(
      '2026-02-03T09:05:00Z',
    );
    expect(pauseUntil({ ...status, retryAt: '2026-02-03T08:05:00Z', serverRetryAt: '2026-02-03T09:02:00Z' }, NOW)).toBe(
      '2026-02-03T09:02:00Z',
    );
    expect(pauseUntil({ ...status, serverRetryAt: '2026-02-03T09:00:00.000Z' }, NOW)).toBeUndefined();
    // Compared as times: a year past 9999 is written with a sign, and sorts first as text.
    expect(
      pauseUntil({ ...status, retryAt: '+010000-01-01T00:00:00.000Z', serverRetryAt: '9999-01-01T00:00:00.000Z' }, NOW),
    ).toBe('+010000-01-01T00:00:00.000Z');
  });
});

describe('Older stories from a feed that does not page', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stops when a page without a total brings nothing new: the server ignored start-index', async () => {
    const plain = readFileSync(new URL('../../fixtures/smileband-rss.xml', import.meta.url), 'utf8');
    const noTotal = plain.replace(/<openSearch:totalResults>\d+<\/openSearch:totalResults>/, '');
    const { asked, deps } = blogger(() => new Response(noTotal, { status: 200 }));
    await pollFeed(deps);
    expect(await loadOlderStories(null, deps)).toEqual({ added: 0, done: true, error: null });
    expect(await loadOlderStories(null, deps)).toEqual({ added: 0, done: true, error: null });
    expect(asked).toHaveLength(2);
  });
});

describe('searching the whole blog', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  /** Posts whose text holds every word, as the blog's search finds them. */
  const matching = (...words: string[]) =>
    BLOG.filter((post) => words.every((word) => post.toLowerCase().includes(word.toLowerCase())));

  it('asks the blog’s search, stores what it finds as known stories, and lists them in the blog’s order', async () => {
    await firstPoll();
    const { asked, deps } = blogger();
    // Two words, matched one by one (not as a phrase): every post greets its viewers from the sponsor.
    const found = matching('viewers', 'smileband');
    expect(found.length).toBeGreaterThan(SEARCH_PAGE_SIZE);
    const reply = await searchBlog('  Viewers   Smileband ', 1, deps);
    expect(asked[0]!.searchParams.get('q')).toBe('Viewers Smileband');
    expect(asked[0]!.searchParams.get('max-results')).toBe(String(SEARCH_PAGE_SIZE));
    expect(reply).toMatchObject({
      ids: found.slice(0, SEARCH_PAGE_SIZE).map(idOf),
      total: found.length,
      next: SEARCH_PAGE_SIZE + 1,
      error: null,
    });
    // No headline says "viewers": each find comes with the stretch of its text that does.
    expect(Object.keys(reply.snippets!).sort()).toEqual([...reply.ids].sort());
    expect(Object.values(reply.snippets!).every((snippet) => /\bviewers\b/i.test(snippet))).toBe(true);
    const stories = await storiesItem.getValue();
    const byId = new Map(stories.map((story) => [story.id, story]));
    expect(reply.ids.every((id) => byId.has(id))).toBe(true);
    // The feed's own stories stay as they were (unread); the others arrive read and archived.
    expect(unreadCount(stories)).toBe(25);
    expect(stories.filter((story) => story.archived).every((story) => story.read)).toBe(true);
    expect(deps.announce).not.toHaveBeenCalled();
    // The next page, then the end.
    const second = await searchBlog('Viewers Smileband', reply.next!, deps);
    expect(second).toMatchObject({ ids: found.slice(SEARCH_PAGE_SIZE, 2 * SEARCH_PAGE_SIZE).map(idOf) });
    const last = await searchBlog('Viewers Smileband', found.length - 2, deps);
    expect(last).toMatchObject({ ids: found.slice(-3).map(idOf), next: null });
  });

  it('says when nothing matches, and asks nothing for empty words', async () => {
    await firstPoll();
    const { asked, deps } = blogger();
    expect(await searchBlog('zebra crossing', 1, deps)).toEqual({
      ids: [],
      total: 0,
      next: null,
      error: null,
      snippets: {},
    });
    expect(await searchBlog('   ', 1, deps)).toEqual({ ids: [], total: 0, next: null, error: null });
    expect(asked).toHaveLength(1);
  });

  it('holds back inside the site’s rest, and says a failure', async () => {
    await firstPoll();
    const status = await pollStatusItem.getValue();
    await pollStatusItem.setValue({ ...status, serverRetryAt: '2026-02-03T09:10:00.000Z' });
    const resting = blogger();
    expect(await searchBlog('ceasefire', 1, resting.deps)).toMatchObject({
      ids: [],
      waitUntil: '2026-02-03T09:10:00.000Z',
    });
    expect(resting.asked).toHaveLength(0);
    await pollStatusItem.setValue(status);
    const down = blogger(() => new Response('down', { status: 503 }));
    expect(await searchBlog('ceasefire', 1, down.deps)).toMatchObject({
      ids: [],
      error: { kind: 'http', status: 503 },
    });
  });

  it('is what the search-blog request does, and cuts a very long query', async () => {
    await firstPoll();
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation((input) =>
        Promise.resolve(new Response(bloggerPage(BLOG, new URL(input as string)), { status: 200 })),
      );
    const reply = await handleRequest(createHandlers(), { type: 'search-blog', query: 'x'.repeat(500), start: 1 });
    expect(reply).toMatchObject({ ids: [], total: 0 });
    expect(new URL(fetch.mock.calls[0]![0] as string).searchParams.get('q')).toHaveLength(200);
  });
});

describe('archive pages at their edges', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  /** A fetch answering from `posts` as Blogger would. */
  const blog = (posts: readonly string[]) => blogger((url) => new Response(bloggerPage(posts, url), { status: 200 }));

  it('stops only past the last post: a page ending one short of the total leaves one to ask for', async () => {
    const posts = feedEntries(126);
    await pollFeed(blog(posts).deps);
    const { asked, deps } = blog(posts);
    expect(await loadOlderStories(null, deps)).toEqual({ added: 100, done: false, error: null });
    expect(await loadOlderStories(null, deps)).toEqual({ added: 1, done: true, error: null });
    expect(asked.map((url) => url.searchParams.get('start-index'))).toEqual(['26', '126']);
  });

  it('counts an entry it could not read in where the next page starts', async () => {
    await firstPoll();
    // The 26th post cannot be read: an entry that is only text.
    const broken = [...BLOG.slice(0, 25), '<entry>just some text</entry>', ...BLOG.slice(26)];
    const { asked, deps } = blog(broken);
    expect((await loadOlderStories(null, deps)).added).toBe(99);
    await loadOlderStories(null, deps);
    expect(asked[1]!.searchParams.get('start-index')).toBe('126');
  });

  it('reads no more than a page from a server that answers more than asked', async () => {
    await firstPoll();
    const { deps } = blogger((url) => {
      url.searchParams.set('max-results', '135');
      return new Response(bloggerPage(BLOG, url), { status: 200 });
    });
    expect((await loadOlderStories(null, deps)).added).toBe(100);
  });

  it('a label’s first page after a page of all posts starts after that label’s stories down to its oldest post', async () => {
    await firstPoll();
    const { asked, deps } = blogger();
    await loadOlderStories(null, deps);
    const stored = await storiesItem.getValue();
    const oldest = stored.at(-1)!.published;
    expect((await archivePagesItem.getValue()).pages['']).toMatchObject({ next: 126, oldest });
    // A search's find older than that does not count.
    const space = stored.filter((story) => story.labels.includes('Space')).length;
    await searchBlog('Space', 140, deps);
    await loadOlderStories('Space', deps);
    expect(asked.at(-1)!.pathname).toBe('/feeds/posts/default/-/Space');
    expect(asked.at(-1)!.searchParams.get('start-index')).toBe(String(space + 1));
  });

  it('keeps the paging of the feed it reads, and drops another feed’s', async () => {
    await firstPoll();
    await archivePagesItem.setValue({
      feed: 'https://other.example/feeds/posts/default',
      pages: { 'label:UK': { next: 50, total: 60, done: false } },
    });
    const { deps } = blogger();
    await loadOlderStories('Space', deps);
    const paging = await archivePagesItem.getValue();
    expect(paging.feed).toBe(FEED_URL);
    expect(Object.keys(paging.pages)).toEqual(['label:Space']);
    await loadOlderStories(null, deps);
    expect(Object.keys((await archivePagesItem.getValue()).pages).sort()).toEqual(['', 'label:Space']);
  });

  it('cannot page a label of a feed that is not Blogger’s: nothing asked, nothing older', async () => {
    await firstPoll();
    await settingsItem.setValue({ ...(await settingsItem.getValue()), feedUrl: 'https://example.org/feed.xml' });
    const { asked, deps } = blogger();
    expect(await loadOlderStories('Space', deps)).toEqual({ added: 0, done: true, error: null });
    expect(asked).toHaveLength(0);
  });

  it('takes a 304 to an unconditional request as a failure, storing nothing', async () => {
    await firstPoll();
    const { deps } = blogger(() => new Response(null, { status: 304 }));
    expect(await loadOlderStories(null, deps)).toMatchObject({ added: 0, done: false, error: { status: 304 } });
    expect(await searchBlog('x', 1, deps)).toMatchObject({ ids: [], error: { status: 304 } });
    expect(await storiesItem.getValue()).toHaveLength(25);
  });

  it('says when the page could not be stored, and keeps what was', async () => {
    await firstPoll();
    const before = await storiesItem.getValue();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('IO error: disk gone'));
    const { deps } = blogger();
    expect(await loadOlderStories(null, deps)).toMatchObject({
      added: 0,
      done: false,
      error: { kind: 'storage', detail: 'IO error: disk gone' },
    });
    expect(await searchBlog('viewers', 1, deps)).toMatchObject({ ids: [], error: { kind: 'storage' } });
    vi.restoreAllMocks();
    expect(await storiesItem.getValue()).toEqual(before);
    expect(await archivePagesItem.getValue()).toEqual({ feed: null, pages: {} });
  });

  it('offers the next search page while one post is left, and none past the total or without one', async () => {
    await firstPoll();
    const { deps } = blogger();
    const total = BLOG.filter((post) => post.toLowerCase().includes('viewers')).length;
    // A page of 25 from total − 24 ends at the last match; one from total − 25 leaves the last.
    expect((await searchBlog('viewers', total - 24, deps)).next).toBeNull();
    expect((await searchBlog('viewers', total - 25, deps)).next).toBe(total);
    const noTotal = blogger(
      (url) =>
        new Response(bloggerPage(BLOG, url).replace(/<openSearch:totalResults>\d+<\/openSearch:totalResults>/, ''), {
          status: 200,
        }),
    );
    expect(await searchBlog('viewers', 1, noTotal.deps)).toMatchObject({ total: null, next: null });
  });
});

describe('archive pages from a server that stops paging', () => {
  beforeEach(() => fakeBrowser.reset());

  /** The feed's head, its total saying more posts exist, and no entry. */
  const emptyPage = (total: number) =>
    bloggerPage(BLOG, new URL(`${FEED_URL}?start-index=9999`)).replace(
      /<openSearch:totalResults>\d+/,
      `<openSearch:totalResults>${total}`,
    );

  it('takes an empty page as the end, whatever total it claims: no endless presses', async () => {
    await firstPoll();
    const { deps } = blogger(() => new Response(emptyPage(1000), { status: 200 }));
    expect(await loadOlderStories(null, deps)).toEqual({ added: 0, done: true, error: null });
    expect(await searchBlog('viewers', 1, deps)).toEqual({
      ids: [],
      total: 1000,
      next: null,
      error: null,
      snippets: {},
    });
  });

  it('counts a search answer it could not read in where the next page starts', async () => {
    await firstPoll();
    const { deps } = blogger((url) =>
      url.searchParams.has('q')
        ? new Response(bloggerPage(['<entry>just some text for viewers</entry>', ...BLOG], url), { status: 200 })
        : undefined,
    );
    const reply = await searchBlog('viewers', 1, deps);
    expect(reply.ids).toHaveLength(24);
    expect(reply.next).toBe(26);
  });
});
