import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FETCH_TIMEOUT_MS } from './global-setup';
import { fixtureXml, serveFeed, startFeedServer, type FeedServer, type Responder } from './support/feed-server';
import { type LoadedExtension, startServedExtension, stopAll, until } from './support/extension';

const POLL = { timeout: 20_000, interval: 100 };
const atom = fixtureXml('smileband-atom.xml');
const RED = [197, 34, 31, 255];
const BLUE = [26, 115, 232, 255];
type Stories = { id: string; read: boolean; headline: string; updated: string }[];

/** A one-post feed in ISO-8859-1, accents and all. */
const latin1Feed = Buffer.from(
  `<?xml version='1.0' encoding='ISO-8859-1'?><feed xmlns='http://www.w3.org/2005/Atom'><title type='text'>Smileband News</title><link rel='alternate' type='text/html' href='https://www.smileband.co.uk/'/><entry><id>tag:blogger.com,1999:blog-4412077813695013120.post-latin1</id><published>2026-02-03T10:00:00+00:00</published><updated>2026-02-03T10:00:00+00:00</updated><title type='text'>Smileband News</title><content type='html'>&lt;p&gt;Dear 222 News viewers, sponsored by smileband,&lt;/p&gt;&lt;p&gt;Réunion : café crème à Noël, déjà vu à Zürich&lt;/p&gt;</content><link rel='alternate' type='text/html' href='https://www.smileband.co.uk/2026/02/latin1.html'/></entry></feed>`,
  'latin1',
);

describe('fault-proof polling in Chromium: every failure keeps stories and read state, and says why', () => {
  let server: FeedServer;
  let extension: LoadedExtension;
  let popup: Page;
  const stories = async () => (await extension.storage<{ stories: Stories }>('stories')).stories;
  const status = () => popup.getByRole('status').first().innerText();

  const pauseNotice = () => popup.getByRole('alert').filter({ hasText: 'Press Refresh again to ask anyway' });
  /** Refresh as a reader in a hurry: past an earlier case's Retry-After, pressed a second time. */
  async function refresh(): Promise<void> {
    const button = popup.getByRole('button', { name: 'Refresh' });
    await button.click();
    await expect.poll(() => button.isEnabled(), POLL).toBe(true);
    if (await pauseNotice().count()) {
      await button.click();
      await expect.poll(() => button.isEnabled(), POLL).toBe(true);
    }
  }

  beforeAll(async () => {
    ({ server, extension } = await startServedExtension({ xml: atom }));
    // One story read, so every case can check that read state survives.
    const first = (await stories())[0]!;
    const panel = await extension.open(`sidepanel.html?item=${encodeURIComponent(first.id)}`);
    await until(async () => (await extension.badge()).text === '24', 'the story marked read');
    await panel.close();
    popup = await extension.open('popup.html');
    await popup.getByRole('listitem').first().waitFor();
  });
  afterAll(() => stopAll(extension, server));

  const hang: Responder = () => {
    /* never answers */
  };
  const truncated: Responder = (_r, send) =>
    send(200, atom.slice(0, atom.length / 2), { 'Content-Type': 'application/atom+xml' });
  let hugeCutShort: boolean | null = null;
  const huge: Responder = (_r, _send, raw) => {
    raw.on('close', () => (hugeCutShort = !raw.writableFinished));
    // 20 MB, streamed without a length: the client has to stop reading at its cap.
    raw.writeHead(200, { 'Content-Type': 'application/atom+xml' });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    // Paced like a real download (about 13 MB/s), so "stopped at the cap" is not a race on loopback.
    const pump = () => {
      if (raw.destroyed) return;
      if (sent >= 20 * 1024 * 1024) return void raw.end();
      sent += chunk.length;
      raw.write(chunk);
      setTimeout(pump, 5);
    };
    raw.write("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>");
    pump();
  };

  it.each<[string, Responder, RegExp]>([
    ['a server that hangs past the timeout', hang, new RegExp(`did not answer within ${FETCH_TIMEOUT_MS / 1000} s`)],
    ['HTTP 500', (_r, send) => send(500, 'oops'), /answered 500 \(Internal Server Error\)/],
    ['HTTP 503 with Retry-After', (_r, send) => send(503, 'busy', { 'Retry-After': '120' }), /answered 503/],
    [
      'HTTP 429 with Retry-After as a date',
      (_r, send) => send(429, 'slow down', { 'Retry-After': new Date(Date.now() + 3600e3).toUTCString() }),
      /answered 429/,
    ],
    [
      'a captive-portal page',
      (_r, send) => send(200, '<!doctype html><title>Sign in</title><p>Wi-Fi', { 'Content-Type': 'text/html' }),
      /web page, not a feed/,
    ],
    ['truncated XML', truncated, /could not be read/],
    ['a 20 MB body', huge, /larger than 5 MB/],
    ['an empty 200', (_r, send) => send(200, ''), /The feed was empty/],
    [
      'a redirect loop',
      ({ path }, send) => send(302, '', { Location: path === '/loop-a' ? '/loop-b' : '/loop-a' }),
      /Could not reach/,
    ],
  ])('%s', async (name, responder, message) => {
    const before = await stories();
    server.respond(responder, { anyPath: name === 'a redirect loop' });
    await refresh();
    await expect.poll(status, POLL).toMatch(message);
    // Moments after the last update: the failure alone, never "… Last updated now."
    expect(await status()).not.toMatch(/updated now/i);
    const badge = await extension.badge();
    expect(badge).toMatchObject({ text: '24', color: RED });
    expect(badge.title).toMatch(/Update failed:/);
    expect(await stories()).toEqual(before);
    // The 20 MB body: the extension hung up at its cap instead of taking it all.
    if (name === 'a 20 MB body') await expect.poll(() => hugeCutShort, POLL).toBe(true);
  });

  it('inside a 429’s Retry-After, Refresh says until when instead of asking; pressed again, it asks', async () => {
    server.respond((_r, send) => send(429, 'slow down', { 'Retry-After': '600' }));
    await refresh();
    await expect.poll(status, POLL).toMatch(/answered 429/);
    const asked = server.served.length;
    const button = popup.getByRole('button', { name: 'Refresh' });
    await button.click();
    await expect.poll(() => pauseNotice().count(), POLL).toBe(1);
    // A time, with the date when the pause ends on another day (ten minutes before midnight).
    expect(await pauseNotice().innerText()).toMatch(
      /^The site asked for a pause until (?:[A-Z][a-z]{2} \d{1,2}, \d{4}, )?\d{1,2}:\d{2}/,
    );
    expect(server.served.length).toBe(asked);
    server.respond(serveFeed(atom));
    await button.click();
    await expect.poll(status, POLL).toMatch(/^Updated now/);
    expect(server.served.length).toBe(asked + 1);
    expect(await pauseNotice().count()).toBe(0);
  });

  it('a refused connection', async () => {
    const before = await stories();
    await server.close();
    try {
      await refresh();
      await expect.poll(status, POLL).toMatch(new RegExp(`Could not reach 127.0.0.1:${inject('feedPort')}`));
      expect(await stories()).toEqual(before);
      expect((await extension.badge()).color).toEqual(RED);
    } finally {
      server = await startFeedServer(inject('feedPort'), inject('feedPath'), serveFeed(atom));
    }
  });

  it.each<[string, Responder]>([
    ['wrong Content-Type', (_r, send) => send(200, atom, { 'Content-Type': 'text/plain' })],
    ['no Content-Type', (_r, send) => send(200, atom)],
    [
      'a redirect chain (301, 308)',
      ({ path }, send) => {
        if (path === inject('feedPath')) send(301, '', { Location: '/moved' });
        else if (path === '/moved') send(308, '', { Location: '/moved-again' });
        else send(200, atom, { 'Content-Type': 'application/atom+xml' });
      },
    ],
  ])('recovers on %s: the feed still reads, the error clears', async (name, responder) => {
    server.respond(responder, { anyPath: name.startsWith('a redirect') });
    const before = await stories();
    await refresh();
    await expect.poll(status, POLL).toMatch(/^Updated now/);
    expect(await extension.badge()).toMatchObject({ text: '24', color: BLUE });
    expect(await stories()).toEqual(before);
  });

  it('reads an ISO-8859-1 feed with its accents; stories gone from the feed are kept', async () => {
    server.respond((_r, send) => send(200, latin1Feed, { 'Content-Type': 'application/atom+xml; charset=ISO-8859-1' }));
    await refresh();
    await expect
      .poll(async () => (await stories())[0]?.headline, POLL)
      .toBe('Réunion : café crème à Noël, déjà vu à Zürich');
    expect(await stories()).toHaveLength(26);
    expect((await extension.badge()).text).toBe('25');
  });

  it('keeps one story per id when the feed repeats an entry', async () => {
    const first = atom.indexOf('<entry>');
    const entry = atom.slice(first, atom.indexOf('</entry>') + 8);
    server.respond(serveFeed(atom.replace(entry, entry + entry), '"dup"'));
    await refresh();
    const ids = (await stories()).map((story) => story.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(26);
  });

  it('writes nothing when the same feed comes twice', async () => {
    server.respond(serveFeed(atom, '"same"'));
    await refresh();
    const before = await extension.storage();
    server.respond((_r, send) => send(200, atom, { 'Content-Type': 'application/atom+xml' }));
    await refresh();
    // The old worker is gone: read through the page from here on.
    const after = await popup.evaluate(() => chrome.storage.local.get(null));
    expect(after.stories).toEqual(before.stories);
    expect((after.pollStatus as { lastChangeAt: string }).lastChangeAt).toBe(
      (before.pollStatus as { lastChangeAt: string }).lastChangeAt,
    );
  });

  it('updates an edited post in place: still read, no notification', async () => {
    const read = (await stories()).find((story) => story.read)!;
    const notices = () => extension.worker.evaluate(() => chrome.notifications.getAll());
    const before = await notices();
    const edited = atom.replace(
      'Jamaica’s HIV Epidemic: About 28,000 People',
      'Jamaica’s HIV Epidemic: About 29,000 People',
    );
    server.respond(serveFeed(edited, '"edited"'));
    await refresh();
    await expect
      .poll(async () => (await stories()).find((story) => story.id === read.id)?.headline, POLL)
      .toMatch(/29,000/);
    expect((await stories()).find((story) => story.id === read.id)!.read).toBe(true);
    expect(await notices()).toEqual(before);
  });
});

describe('a worker killed in the middle of a poll', () => {
  let server: FeedServer;
  let extension: LoadedExtension;
  afterAll(() => stopAll(extension, server));

  it('leaves storage as it was, and the next poll completes', async () => {
    ({ server, extension } = await startServedExtension({ xml: atom }));
    const before = await extension.storage();
    let requested = false;
    server.respond(() => {
      requested = true; // and never answers: the poll is stuck mid-fetch
    });
    const popup = await extension.open('popup.html');
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await until(() => requested, 'the poll to start');
    const cdp = await extension.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The old worker no longer answers.
    const answer = await Promise.race([
      extension.worker.evaluate(() => 'alive'),
      new Promise((resolve) => setTimeout(() => resolve('gone'), 2000)),
    ]);
    expect(answer).toBe('gone');
    // The old worker is gone: read through the page from here on.
    const after = await popup.evaluate(() => chrome.storage.local.get(null));
    expect(after.stories).toEqual(before.stories);
    expect(after.feedState).toEqual(before.feedState);
    // Next time: the worker starts again on the next message and the poll goes through.
    server.respond(serveFeed(atom.replace('Jamaica’s HIV Epidemic', 'Jamaica’s HIV Epidemic (update)'), '"v2"'));
    await popup.reload();
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(() => popup.getByRole('listitem').first().textContent(), POLL)
      .toContain('Jamaica’s HIV Epidemic (update)');
    await expect.poll(() => popup.evaluate(() => chrome.action.getBadgeText({})), POLL).toBe('25');
  });
});
