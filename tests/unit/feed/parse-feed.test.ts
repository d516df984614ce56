import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '@/utils/feed/parse-feed';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const expected = JSON.parse(fixture('smileband-expected.json')) as {
  entries: {
    fixture: string;
    id: string;
    title: string;
    headline: string;
    sponsor: string | null;
    link: string;
    published: string;
    updated: string;
    author: string;
    labels: string[];
    thumbnail: string | null;
  }[];
};
const FEED_URL = 'https://www.smileband.co.uk/feeds/posts/default';

describe.each([
  ['Atom', 'smileband-atom.xml'],
  ['RSS', 'smileband-rss.xml'],
])('parseFeed on the %s fixture', (_format, file) => {
  const xml = fixture(file);
  // Parsed inside each test, not once for all: mutation testing runs only the tests that ran a
  // line, and a parse outside any test is credited to none of them.
  const parsed = () => parseFeed(xml, FEED_URL);

  it('reads the feed title and site link', async () => {
    const feed = await parsed();
    expect(feed.title).toBe('Smileband News');
    expect(feed.link).toBe('https://www.smileband.co.uk/');
  });

  it('returns all 25 posts in feed order', async () => {
    const feed = await parsed();
    expect(feed.items.map((item) => item.id)).toEqual(expected.entries.map((entry) => entry.id));
  });

  it.each(expected.entries.map((entry, index) => [index, entry.fixture, entry] as const))(
    'entry %i (%s): real headline, sponsor, link, dates, author, labels, image',
    async (index, _name, entry) => {
      const item = (await parsed()).items[index]!;
      expect(item).toMatchObject({
        id: entry.id,
        title: entry.title,
        headline: entry.headline,
        sponsor: entry.sponsor,
        link: entry.link,
        published: entry.published,
        updated: entry.updated,
        author: entry.author,
        labels: entry.labels,
        image: entry.thumbnail,
      });
      expect(item.contentHtml.length).toBeGreaterThan(100);
    },
  );

  it('never shows the blog name as a headline', async () => {
    const feed = await parsed();
    expect(feed.items.filter((item) => item.headline === 'Smileband News')).toEqual([]);
  });
});

describe('parseFeed limits', () => {
  it('normalizes at most maxItems items, the newest', async () => {
    const feed = await parseFeed(fixture('smileband-atom.xml'), FEED_URL, { maxItems: 3 });
    expect(feed.items.map((item) => item.id)).toEqual(expected.entries.slice(0, 3).map((entry) => entry.id));
  });

  it('keeps the first of two entries with the same id', async () => {
    const xml = fixture('smileband-atom.xml');
    const first = xml.indexOf('<entry>');
    const entry = xml.slice(first, xml.indexOf('</entry>') + 8);
    const feed = await parseFeed(xml.replace(entry, entry + entry.replace('Jamaica', 'Duplicate')), FEED_URL);
    expect(feed.items).toHaveLength(25);
    expect(feed.items[0]!.headline).toMatch(/^Jamaica/);
  });
});

describe('parseFeed on what is not a feed', () => {
  it.each([
    ['an empty body', '', /empty/],
    ['a captive-portal page', '<!DOCTYPE html><html><body>Sign in to Wi-Fi</body></html>', /web page/],
    ['JSON', '{"error":"nope"}', /not XML/],
    ['XML that is not a feed', '<?xml version="1.0"?><note><to>you</to></note>', /neither RSS nor Atom/],
    ['truncated XML', fixture('smileband-atom.xml').slice(0, 5000), /could not be read/],
    ['a page without a doctype, after blank lines', '\n\n  <HTML lang="en"><body>Sign in</body></HTML>', /web page/],
    ['only white space', '  \n\t ', /empty/],
  ])('rejects %s with a clear FeedParseError', async (_name, body, message) => {
    const result = parseFeed(body, FEED_URL);
    await expect(result).rejects.toBeInstanceOf(FeedParseError);
    await expect(result).rejects.toThrow(message);
  });
});

describe('parseFeed details', () => {
  const atomFeed = (head: string, entries = '') =>
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${head}${entries}</feed>`;

  it('takes a date up to a day ahead of the clock, and a later one as no date (it would sit on top for years)', async () => {
    const now = Date.parse('2026-02-03T09:00:00Z');
    const entry = (id: number, date: string) =>
      `<entry><id>urn:${id}</id><title>T</title><published>${date}</published><updated>${date}</updated></entry>`;
    const feed = await parseFeed(
      atomFeed(
        '<title>S</title><updated>9999-12-31T23:59:59Z</updated>',
        entry(1, '2026-02-04T08:59:00Z') + entry(2, '9999-12-31T23:59:59Z') + entry(3, '2026-02-04T09:01:00Z'),
      ),
      FEED_URL,
      { now },
    );
    expect(feed.items.map((item) => [item.published, item.updated, item.undated])).toEqual([
      ['2026-02-04T08:59:00.000Z', '2026-02-04T08:59:00.000Z', undefined],
      ['2026-02-03T09:00:00.000Z', '2026-02-03T09:00:00.000Z', true],
      ['2026-02-03T09:00:00.000Z', '2026-02-03T09:00:00.000Z', true],
    ]);
  });

  it('reads a feed after a byte order mark, and tidies its title', async () => {
    const feed = await parseFeed(`\ufeff${atomFeed('<title>  Smileband \n   News </title>')}`, FEED_URL);
    expect(feed.title).toBe('Smileband News');
  });

  it('drops only a byte order mark in front, never the same character inside a story', async () => {
    const entry = '<entry><id>urn:1</id><title>T</title><content type="html">a\ufeffb</content></entry>';
    for (const bom of ['\ufeff', '']) {
      const feed = await parseFeed(`${bom}${atomFeed('<title>S</title>', entry)}`, FEED_URL);
      expect(feed.items[0]!.contentHtml, JSON.stringify(bom)).toBe('a\ufeffb');
    }
  });

  it('resolves a relative site link against the feed’s address, and entries against the site', async () => {
    const entry = '<entry><id>urn:1</id><title>T</title><link rel="alternate" href="2026/01/a.html"/></entry>';
    const feed = await parseFeed(atomFeed('<title>S</title><link rel="alternate" href="/blog/"/>', entry), FEED_URL);
    expect(feed.link).toBe('https://www.smileband.co.uk/blog/');
    expect(feed.items[0]!.link).toBe('https://www.smileband.co.uk/blog/2026/01/a.html');
  });

  it('says in one sentence what was malformed, from the parser’s first line', async () => {
    const error = await parseFeed(
      '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>',
      FEED_URL,
    ).then(
      () => null,
      (e: unknown) => e as FeedParseError,
    );
    expect(error).toBeInstanceOf(FeedParseError);
    expect(error!.name).toBe('FeedParseError');
    expect(error!.reason).toBe('malformed');
    expect(error!.detail).toBe('Unclosed root tag.');
    expect(error!.message).toBe(`The feed could not be read: ${error!.detail}`);
  });
});
