// A feed built to hurt, in the real browser: updates go on, the poll ends promptly, a storage-heavy
// feed leaves room for ordinary stories, and no story can fake the page or fetch a tracker.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtureXml, serveFeed, type FeedServer } from './support/feed-server';
import { type LoadedExtension, startServedExtension, stopAll } from './support/extension';

const POLL = { timeout: 20_000, interval: 100 };
const atom = fixtureXml('smileband-atom.xml');
type Story = { id: string; headline: string; read: boolean; bodyDropped?: boolean; published: string };

const escape = (html: string) => html.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const entry = (id: string, inner: string, published = '<published>2026-02-05T10:00:00Z</published>') =>
  `<entry><id>urn:hostile:${id}</id>${published}<title>Smileband News</title>` +
  `<link rel="alternate" type="text/html" href="https://www.smileband.co.uk/2026/02/${id}.html"/>${inner}</entry>`;
const body = (html: string) => `<content type="html">${escape(html)}</content>`;

/** The site's feed with hostile entries on top. */
function hostileFeed(origin: string): string {
  const lookAlike = [
    '<p>Dear 222 News viewers, sponsored by smileband,</p><p>Look-alike story</p>',
    '<a class="source" href="https://evil.test/">Read on smileband.co.uk</a>',
    '<dialog open><p>Pay the fee here</p></dialog>',
    '<div popover="manual" id="pop">Popover text</div>',
    '<map name="m"><area shape="rect" coords="0,0,500,500" href="https://evil.test/area"></map>',
    `<img src="${origin}/tracker-1px.gif" width="1px" height="1px">`,
    `<img src="${origin}/tracker-style.gif" style="width:0;height:0">`,
    `<img src="${origin}/tracker-01.gif" width="01">`,
    `<video poster="${origin}/poster.jpg" src="${origin}/video.mp4"></video>`,
    `<img src="${origin}/real-picture.jpg" width="320" height="200">`,
    // Not the first picture, so no thumbnail fetched it before the story opened.
    `<img src="${origin}/second-picture.jpg" width="320" height="200">`,
    '<p id="cookie" name="location">Clobber attempt</p>',
  ].join('');
  const entries = [
    entry('xhtml', '<content type="html">&lt;p&gt;Body&lt;/p&gt;</content>').replace(
      '<title>Smileband News</title>',
      '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Rates <em>held</em> again</div></title>',
    ),
    '<entry>only text, no fields</entry>',
    entry('entity', body('<p>An odd &constructor; entity</p><p>Body</p>')),
    entry('slow', body(`<p>Slow body story</p>${'<a "'.repeat(80_000)}`)),
    entry('undated', body('<p>A story with no date</p>'), ''),
    entry('lookalike', body(lookAlike)),
  ];
  return atom.replace('<entry>', `${entries.join('')}<entry>`);
}

/** A feed of `count` posts whose bodies Chrome stores at 6 bytes a character. */
function heavyFeed(round: number, count = 60): string {
  const posts = Array.from({ length: count }, (_, n) => {
    const published = new Date(Date.UTC(2026, 2, round, 0, n)).toISOString();
    return entry(
      `heavy-${round}-${n}`,
      body(`<p>Heavy ${round}-${n}</p>${'<'.repeat(16_000)}`),
      `<published>${published}</published>`,
    );
  });
  return `<feed xmlns="http://www.w3.org/2005/Atom"><title>Smileband News</title>${posts.join('')}</feed>`;
}

describe('a hostile feed in Chromium', () => {
  let server: FeedServer;
  let extension: LoadedExtension;
  let popup: Page;
  let version = 1;
  const origin = `http://127.0.0.1:${inject('feedPort')}`;
  const stories = async () => (await extension.storage<{ stories: Story[] }>('stories')).stories;

  /** Serves `xml` as a new version of the feed (a fresh ETag) and presses Refresh. */
  async function refreshWith(xml: string): Promise<void> {
    version += 1;
    server.respond(serveFeed(xml, `"v${version}"`, new Date(Date.UTC(2026, 2, 1) + version * 60e3).toUTCString()), {
      anyPath: true,
    });
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Refresh' }).isEnabled(), POLL).toBe(true);
  }

  beforeAll(async () => {
    ({ server, extension } = await startServedExtension({ xml: atom }));
    popup = await extension.open('popup.html');
    await popup.getByRole('listitem').first().waitFor();
  });
  afterAll(() => stopAll(extension, server));

  it('reads every entry it can, skips the unreadable one, and ends the poll promptly', async () => {
    const started = Date.now();
    await refreshWith(hostileFeed(origin));
    const seconds = (Date.now() - started) / 1000;
    // 80,000 unclosed tags took minutes when scans were quadratic; linear work takes well under this.
    expect(seconds).toBeLessThan(15);
    await expect.poll(async () => (await extension.badge()).text, POLL).toBe('30');
    const headlines = (await stories()).map((story) => story.headline);
    expect(headlines).toEqual(
      expect.arrayContaining([
        'Rates held again',
        'An odd &constructor; entity',
        'Slow body story',
        'A story with no date',
        'Look-alike story',
      ]),
    );
    const { pollStatus } = await extension.storage<{ pollStatus: { error: unknown; skipped: number } }>('pollStatus');
    expect(pollStatus).toMatchObject({ error: null, skipped: 1 });
    await expect.poll(() => popup.getByRole('status').first().innerText(), POLL).toMatch(/^Updated now/);
  });

  it('the options page says an entry was left out', async () => {
    const options = await extension.open('options.html');
    await expect
      .poll(() => options.getByText(/left out 1 entries of the feed that could not be read/).count(), POLL)
      .toBe(1);
    await options.close();
  });

  it('the side panel shows the undated story without failing', async () => {
    const undated = (await stories()).find((story) => story.id === 'urn:hostile:undated')!;
    expect(Number.isNaN(Date.parse(undated.published))).toBe(false);
    const panel = await extension.open(`sidepanel.html?item=${encodeURIComponent(undated.id)}`);
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).innerText(), POLL).toBe('A story with no date');
    expect(await panel.getByRole('alert').count()).toBe(0);
    await panel.close();
  });

  it('story markup cannot look like the page, float over it, or fetch a tracker', async () => {
    const panel = await extension.open(`sidepanel.html?item=${encodeURIComponent('urn:hostile:lookalike')}`);
    await panel.locator('.body').waitFor();
    // A real picture loads: proof that the requests are watched.
    await expect.poll(() => server.served.some((s) => s.path === '/second-picture.jpg'), POLL).toBe(true);
    // Neither the popup's thumbnail nor the story ever asked for a tracker, poster or video.
    const fetched = server.served.map((s) => s.path);
    expect(fetched.filter((path) => /tracker|poster|video/.test(path))).toEqual([]);

    const body = panel.locator('.body');
    expect(await body.locator('dialog, [popover], map, area, video, [id], [name], .source').count()).toBe(0);
    const fake = body.getByRole('link', { name: 'Read on smileband.co.uk' });
    const real = panel.locator('.story > .source');
    expect(await real.count()).toBe(1);
    const look = (link: typeof real) =>
      link.evaluate((a) => {
        const style = getComputedStyle(a);
        return { background: style.backgroundColor, display: style.display, padding: style.paddingTop };
      });
    const [fakeLook, realLook] = await Promise.all([look(fake), look(real)]);
    expect(fakeLook).not.toEqual(realLook);
    expect(fakeLook.display).toBe('inline');
    expect(await panel.evaluate(() => typeof (window as unknown as Record<string, unknown>).cookie)).toBe('undefined');
    await panel.close();
  });

  it('a storage-heavy feed leaves room: ordinary new stories still save with their bodies', async () => {
    for (const round of [1, 2, 3]) {
      await refreshWith(heavyFeed(round));
      const { pollStatus } = await extension.storage<{ pollStatus: { error: unknown } }>('pollStatus');
      expect(pollStatus.error, `round ${round}`).toBeNull();
      const used = await extension.worker.evaluate(() => chrome.storage.local.getBytesInUse(null));
      expect(used, `round ${round}`).toBeLessThanOrEqual(10 * 1024 * 1024 - 1024 * 1024);
      // The budget made room by dropping older bodies; the newest poll's stories keep theirs.
      const fresh = (await stories()).filter((story) => story.id.startsWith(`urn:hostile:heavy-${round}-`));
      expect(fresh, `round ${round}`).toHaveLength(60);
      expect(fresh.filter((story) => story.bodyDropped).length, `round ${round}`).toBe(0);
    }
    await refreshWith(
      atom.replace('<entry>', entry('ordinary', body('<p>An ordinary new story</p><p>Its body.</p>')) + '<entry>'),
    );
    const saved = await stories();
    const ordinary = saved.find((story) => story.id === 'urn:hostile:ordinary')!;
    expect(ordinary.bodyDropped).toBeUndefined();
    const stored = await extension.storage<Record<string, string>>(`body:${ordinary.id}`);
    expect(stored[`body:${ordinary.id}`]).toContain('Its body.');
    // The list is whole up to the retention (200 by default); only old bodies gave way.
    expect(saved).toHaveLength(200);
    const older = saved.find((story) => story.id === 'urn:hostile:heavy-1-0')!;
    expect(older.bodyDropped).toBe(true);
    const panel = await extension.open(`sidepanel.html?item=${encodeURIComponent(older.id)}`);
    await expect
      .poll(() => panel.getByText(/Only the headline of this older story is kept here/).count(), POLL)
      .toBe(1);
    await panel.close();
  });
});
