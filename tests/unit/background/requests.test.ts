import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, handleRequest } from '@/entrypoints/background/requests';
import { unreadCount } from '@/utils/stories/read-state';
import { pollStatusItem, storiesHeadItem, storiesItem } from '@/utils/storage';
import { updatedStatus } from '../../support/stories';
import { story } from '../../support/stories';

describe('UI requests', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await storiesItem.setValue([story('a'), story('b', { read: true }), story('c')]);
  });

  it('marks one story read, and back unread', async () => {
    const handlers = createHandlers();
    expect(await handleRequest(handlers, { type: 'set-read', ids: ['a'], read: true })).toEqual({ changed: ['a'] });
    expect(unreadCount(await storiesItem.getValue())).toBe(1);
    expect(await handleRequest(handlers, { type: 'set-read', ids: ['a'], read: false })).toEqual({ changed: ['a'] });
    expect(unreadCount(await storiesItem.getValue())).toBe(2);
  });

  it('marks all read and returns what changed, so Undo can restore exactly that', async () => {
    const handlers = createHandlers();
    const { changed } = (await handleRequest(handlers, { type: 'mark-all-read' })) as { changed: string[] };
    expect(changed).toEqual(['a', 'c']);
    expect(unreadCount(await storiesItem.getValue())).toBe(0);
    await handleRequest(handlers, { type: 'set-read', ids: changed, read: false });
    expect(await storiesItem.getValue()).toEqual([story('a'), story('b', { read: true }), story('c')]);
  });

  it('refresh polls and reports the outcome in words', async () => {
    const poll = vi.fn(() =>
      Promise.resolve({
        kind: 'failed' as const,
        added: [],
        updated: [],
        error: {
          kind: 'network' as const,
          host: 'www.smileband.co.uk',
          message: 'Could not reach www.smileband.co.uk.',
        },
      }),
    );
    expect(await handleRequest(createHandlers(poll), { type: 'refresh' })).toEqual({
      ok: false,
      error: 'Could not reach www.smileband.co.uk.',
      added: 0,
    });
    expect(poll).toHaveBeenCalledOnce();
  });

  it('writes nothing when a mark changes nothing (the story was already read)', async () => {
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await handleRequest(createHandlers(), { type: 'set-read', ids: ['b'], read: true })).toEqual({
      changed: [],
    });
    expect(writes).not.toHaveBeenCalled();
    writes.mockRestore();
  });

  it('refresh inside the site’s Retry-After says when it may ask, and asks only when pressed again', async () => {
    const now = Date.parse('2026-02-03T09:00:00Z');
    const until = '2026-02-03T09:10:00.000Z';
    await pollStatusItem.setValue({ ...updatedStatus(now, 20), serverRetryAt: until });
    const poll = vi.fn(() => Promise.resolve({ kind: 'unchanged' as const, added: [], updated: [], error: null }));
    const handlers = createHandlers(poll, () => now);
    expect(await handleRequest(handlers, { type: 'refresh' })).toEqual({
      ok: false,
      error: null,
      added: 0,
      waitUntil: until,
    });
    expect(poll).not.toHaveBeenCalled();
    expect(await handleRequest(handlers, { type: 'refresh', force: true })).toMatchObject({ ok: true });
    expect(poll).toHaveBeenCalledOnce();
    // Once the time has come, a plain Refresh asks.
    await handleRequest(
      createHandlers(poll, () => Date.parse(until)),
      { type: 'refresh' },
    );
    expect(poll).toHaveBeenCalledTimes(2);
  });

  it('refresh says how many new stories it brought', async () => {
    const poll = vi.fn(() =>
      Promise.resolve({ kind: 'updated' as const, added: ['x', 'y'], updated: [], error: null }),
    );
    expect(await handleRequest(createHandlers(poll), { type: 'refresh' })).toEqual({ ok: true, error: null, added: 2 });
  });
});

describe('importing read state', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await storiesItem.setValue([story('a'), story('b', { read: true }), story('c')]);
  });

  it('marks the current feed’s stories read and remembers the other feeds’', async () => {
    const { DEFAULT_SETTINGS } = await import('@/utils/settings/settings');
    const { readArchiveItem } = await import('@/utils/storage');
    const reply = await handleRequest(createHandlers(), {
      type: 'import-read',
      read: { [DEFAULT_SETTINGS.feedUrl]: ['c', 'gone'], 'https://other.example/feed': ['x'] },
    });
    expect(reply).toEqual({ changed: ['c'] });
    expect(unreadCount(await storiesItem.getValue())).toBe(1);
    expect(await readArchiveItem.getValue()).toMatchObject({ 'https://other.example/feed': ['x'] });
  });

  it('leaves the stories untouched when the file marks nothing new here', async () => {
    const { DEFAULT_SETTINGS } = await import('@/utils/settings/settings');
    const before = await storiesItem.getValue();
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const reply = await handleRequest(createHandlers(), {
      type: 'import-read',
      read: { [DEFAULT_SETTINGS.feedUrl]: ['b'] },
    });
    expect(reply).toEqual({ changed: [] });
    expect(writes.mock.calls.every(([items]) => !Object.hasOwn(items as object, 'stories'))).toBe(true);
    expect(await storiesItem.getValue()).toEqual(before);
    writes.mockRestore();
  });

  it('takes feeds named like Object.prototype members as data, and caps what it keeps per feed', async () => {
    const { readArchiveItem } = await import('@/utils/storage');
    const many = Array.from({ length: 1500 }, (_, i) => `id-${i}`);
    const reply = await handleRequest(createHandlers(), {
      type: 'import-read',
      read: JSON.parse(JSON.stringify({ constructor: ['a'], toString: many })) as Record<string, string[]>,
    });
    expect(reply).toEqual({ changed: [] });
    const archive = await readArchiveItem.getValue();
    expect(Object.getPrototypeOf(archive)).toBe(Object.prototype);
    expect(archive.constructor).toEqual(['a']);
    expect(new Map(Object.entries(archive)).get('toString')).toHaveLength(1000);
  });
});

describe('saving for later', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await storiesItem.setValue([story('a'), story('b', { read: true }), story('c')]);
  });

  it('saves a story with the time it was saved, keeps the head in step, and unsaves it', async () => {
    const handlers = createHandlers();
    const reply = await handleRequest(handlers, { type: 'set-saved', ids: ['b'], saved: true });
    expect(reply).toEqual({ changed: ['b'], full: false });
    const [, b] = await storiesItem.getValue();
    expect(Date.parse(b!.saved!)).toBeGreaterThan(Date.now() - 60_000);
    expect((await storiesHeadItem.getValue())[1]!.saved).toBe(b!.saved);
    expect(await handleRequest(handlers, { type: 'set-saved', ids: ['b'], saved: false })).toEqual({
      changed: ['b'],
      full: false,
    });
    expect((await storiesItem.getValue()).some((s) => s.saved)).toBe(false);
  });

  it('writes nothing when a save changes nothing (the story was saved already, or is gone)', async () => {
    await handleRequest(createHandlers(), { type: 'set-saved', ids: ['a'], saved: true });
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await handleRequest(createHandlers(), { type: 'set-saved', ids: ['a', 'gone'], saved: true })).toEqual({
      changed: [],
      full: false,
    });
    expect(writes).not.toHaveBeenCalled();
    writes.mockRestore();
  });

  it('says the shelf is full and saves nothing past 200', async () => {
    const many = Array.from({ length: 201 }, (_, i) => story(`s${i}`));
    await storiesItem.setValue(many);
    const reply = (await handleRequest(createHandlers(), {
      type: 'set-saved',
      ids: many.map((s) => s.id),
      saved: true,
    })) as { changed: string[]; full: boolean };
    expect(reply.changed).toHaveLength(200);
    expect(reply.full).toBe(true);
    expect((await storiesItem.getValue()).at(-1)!.saved).toBeUndefined();
  });
});
