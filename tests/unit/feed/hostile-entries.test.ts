// Entries as a careless editor or an attacker writes them: none may sink the feed, and what each
// brings in is capped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '@/utils/feed/parse-feed';

const fixture = readFileSync(new URL('../../fixtures/smileband-atom.xml', import.meta.url), 'utf8');
const FEED_URL = 'https://www.smileband.co.uk/feeds/posts/default';
const firstEntryAt = fixture.indexOf('<entry>');
const NOW = Date.parse('2026-03-01T12:00:00Z');

/** The site's feed with `entry` inserted as its newest entry. */
const withEntry = (entry: string) => fixture.slice(0, firstEntryAt) + entry + fixture.slice(firstEntryAt);
const entry = (inner: string, id = 'urn:hostile:1') =>
  `<entry><id>${id}</id><published>2026-02-01T00:00:00Z</published><title>Smileband News</title>${inner}</entry>`;
const html = (markup: string) =>
  `<content type="html">${markup.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content>`;

describe('one entry never sinks the feed', () => {
  it.each([
    ['an entry that is only text', '<entry>just some text</entry>'],
    ['an empty entry element', '<entry/>'],
  ])('%s is skipped and counted; the other 25 are read', async (_case, bad) => {
    const feed = await parseFeed(withEntry(bad), FEED_URL);
    expect(feed.skipped).toBe(1);
    expect(feed.items).toHaveLength(25);
  });

  it('an entry that is only text is skipped also where the document keeps element order (XHTML)', async () => {
    const xhtml = entry('').replace(
      '<title>Smileband News</title>',
      '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">T</div></title>',
    );
    const feed = await parseFeed(withEntry('<entry>only text</entry>' + xhtml), FEED_URL);
    expect(feed.skipped).toBe(1);
    expect(feed.items).toHaveLength(26);
  });

  it('an XHTML title among the site posts is read, and the site posts read as before', async () => {
    const plain = await parseFeed(fixture, FEED_URL);
    const xhtml = entry('').replace(
      '<title>Smileband News</title>',
      '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Rates <em>held</em> again</div></title>',
    );
    const feed = await parseFeed(withEntry(xhtml), FEED_URL);
    expect(feed.items).toHaveLength(26);
    expect(feed.items[0]!.headline).toBe('Rates held again');
    expect(feed.items.slice(1).map((i) => [i.id, i.headline, i.sponsor, i.image, i.contentHtml])).toEqual(
      plain.items.map((i) => [i.id, i.headline, i.sponsor, i.image, i.contentHtml]),
    );
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('&%s; in a body stays text', async (name) => {
    const feed = await parseFeed(withEntry(entry(html(`<p>Odd &${name}; text</p><p>More</p>`))), FEED_URL);
    expect(feed.items).toHaveLength(26);
    expect(feed.items[0]!.headline).toBe(`Odd &${name}; text`);
  });

  it('elements named like Object.prototype members neither fail nor pollute', async () => {
    const odd = entry(
      '<constructor>x</constructor><__proto__><polluted>yes</polluted></__proto__><toString>1</toString>',
    );
    const feed = await parseFeed(withEntry(odd), FEED_URL);
    expect(feed.items).toHaveLength(26);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('undated entries', () => {
  const undated = '<entry><id>urn:undated</id><title>No date here</title></entry>';

  it('take the feed’s own date and are marked undated', async () => {
    const feed = await parseFeed(withEntry(undated), FEED_URL, { now: NOW });
    expect(feed.items[0]).toMatchObject({ id: 'urn:undated', undated: true });
    expect(Number.isNaN(Date.parse(feed.items[0]!.published))).toBe(false);
    expect(feed.items[0]!.updated).toBe(feed.items[0]!.published);
  });

  it('take the time of reading when the feed has no date either', async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>${undated}</feed>`;
    const feed = await parseFeed(xml, FEED_URL, { now: NOW });
    expect(feed.items[0]!.published).toBe(new Date(NOW).toISOString());
  });

  it('an entry with no id, link or date keeps the same id from poll to poll', async () => {
    const bare = '<entry><title>Only a title</title><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry>';
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>${bare}</feed>`;
    const [first, later] = await Promise.all([
      parseFeed(xml, FEED_URL, { now: NOW }),
      parseFeed(xml, FEED_URL, { now: NOW + 3600e3 }),
    ]);
    expect(first.items[0]!.id).toBe(later.items[0]!.id);
  });

  it('a dated entry is not marked', async () => {
    const feed = await parseFeed(fixture, FEED_URL);
    expect(feed.items.some((item) => item.undated)).toBe(false);
  });
});

describe('caps on what an entry brings in', () => {
  it('a 300,000-character title is stored cut, and the headline shorter still', async () => {
    const words = 'word '.repeat(60_000);
    const feed = await parseFeed(withEntry(entry('').replace('Smileband News', words)), FEED_URL);
    const item = feed.items[0]!;
    expect(item.title.length).toBeLessThanOrEqual(301);
    expect(item.headline.length).toBeLessThanOrEqual(201);
    expect(item.headline.endsWith('…')).toBe(true);
  });

  it('labels: at most 20, each at most 60 characters, no duplicates or blanks', async () => {
    const categories = Array.from({ length: 100 }, (_, i) => `<category term="Label ${i % 50}"/>`).join('');
    const long = `<category term="${'L'.repeat(5000)}"/><category term="  "/>`;
    const item = (await parseFeed(withEntry(entry(long + categories)), FEED_URL)).items[0]!;
    expect(item.labels).toHaveLength(20);
    expect(new Set(item.labels).size).toBe(20);
    expect(Math.max(...item.labels.map((l) => l.length))).toBeLessThanOrEqual(61);
  });

  it('an author of 10,000 characters is cut to 100', async () => {
    const item = (await parseFeed(withEntry(entry(`<author><name>${'A'.repeat(10_000)}</name></author>`)), FEED_URL))
      .items[0]!;
    expect(item.author!.length).toBeLessThanOrEqual(101);
  });

  it('a picture URL of 5,000 characters is dropped, not cut', async () => {
    const url = `https://img.example/${'p'.repeat(5000)}.jpg`;
    const item = (
      await parseFeed(
        withEntry(entry(`<media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="${url}"/>`)),
        FEED_URL,
      )
    ).items[0]!;
    expect(item.image).toBeNull();
  });
});

describe('headline and picture past captions and trackers', () => {
  const picture = '<a href="https://img.example/big.jpg"><img src="https://img.example/lead.jpg" width="320"/></a>';
  it.each([
    [
      'Blogger caption table above the headline',
      `<table class="tr-caption-container"><tbody><tr><td>${picture}</td></tr><tr><td class="tr-caption" style="text-align:center">Crowds at the rally on Sunday</td></tr></tbody></table><p>Thousands march for climate action</p>`,
    ],
    [
      'a figure with figcaption',
      `<figure>${picture}<figcaption>Photo of the <b>crowd</b></figcaption></figure><p>Thousands march for climate action</p>`,
    ],
    ['a credit line', `${picture}<div>Image credit: Reuters</div><p>Thousands march for climate action</p>`],
    ['a © line', `${picture}<br>© Associated Press<br><p>Thousands march for climate action</p>`],
    [
      'greeting, then caption, then headline',
      `<p>Dear 222 News viewers, sponsored by smileband,</p><table class="tr-caption-container"><tr><td>${picture}</td></tr><tr><td class="tr-caption">Caption</td></tr></table><p>Thousands march for climate action</p>`,
    ],
  ])('%s', async (_case, body) => {
    const item = (await parseFeed(withEntry(entry(html(body))), FEED_URL)).items[0]!;
    expect(item.headline).toBe('Thousands march for climate action');
    expect(item.image).toBe('https://img.example/lead.jpg');
  });

  it.each([
    ['width="1px"', 'width="1px"'],
    ['height="0"', 'height="0"'],
    ['width="01"', 'width="01"'],
    ['inline style width', 'style="width: 1px; height: 1px"'],
    ['inline style height 0', 'style="border:0;height:0"'],
    ['display:none', 'style="display:none"'],
  ])('a tracker sized %s is not the story picture', async (_case, size) => {
    const body = `<img src="https://track.example/p.gif" ${size}/><p>Headline</p><img src="https://img.example/real.jpg"/>`;
    const item = (await parseFeed(withEntry(entry(html(body))), FEED_URL)).items[0]!;
    expect(item.image).toBe('https://img.example/real.jpg');
  });
});

describe('bodies built to be slow', () => {
  it.each([
    ['300 KB of unclosed tags', '<a "'.repeat(75_000)],
    ['300 KB of lone <', '< x'.repeat(100_000)],
    ['unclosed comment', `<p>Kept headline</p><!--${'x'.repeat(300_000)}`],
    ['50,000 nested divs', '<div>'.repeat(50_000)],
    ['100,000 entities', '&amp;'.repeat(100_000)],
  ])('%s: the entry is read', async (_case, body) => {
    const feed = await parseFeed(withEntry(entry(html(body))), FEED_URL);
    expect(feed.items).toHaveLength(26);
    expect(feed.items[0]!.contentHtml.length).toBeGreaterThan(1000);
  });
});
