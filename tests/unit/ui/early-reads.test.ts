import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { peekEarlyRead, peekItem, readItem, startEarlyReads, takeEarlyRead } from '@/utils/ui/early-reads';

// The early-read script and the page share the page's window.
const page = globalThis as unknown as Window;

describe('early storage reads', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    Object.assign(globalThis, { window: page });
  });
  afterEach(() => delete page.smilebandEarlyReads);

  it('hands the page the answer read before its code loaded, once', async () => {
    await fakeBrowser.storage.local.set({ 'body:a': '<p>A</p>', stories: [1] });
    startEarlyReads(['local:body:a', 'local:stories']);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await takeEarlyRead('local:body:a')).toBe('<p>A</p>');
    expect(takeEarlyRead('local:body:a')).toBeUndefined();
    expect(get).not.toHaveBeenCalled();
  });

  it('does not hand out an answer for a key written after the read left', async () => {
    await fakeBrowser.storage.local.set({ stories: ['old'] });
    startEarlyReads(['local:stories']);
    await fakeBrowser.storage.local.set({ stories: ['new'] });
    expect(takeEarlyRead('local:stories')).toBeUndefined();
    const item = storage.defineItem<string[]>('local:stories', { fallback: [] });
    expect(await readItem(item)).toEqual(['new']);
  });

  it('still hands out the early answer after a change to a key of that name in another area', async () => {
    await fakeBrowser.storage.local.set({ stories: ['local'] });
    startEarlyReads(['local:stories']);
    await fakeBrowser.storage.session.set({ stories: ['session'] });
    expect(await takeEarlyRead('local:stories')).toEqual(['local']);
  });

  it('reads now what was not read early, and gives an item its fallback when nothing is stored', async () => {
    startEarlyReads(['local:readerFontScale']);
    expect(takeEarlyRead('local:body:b')).toBeUndefined();
    expect(takeEarlyRead('session:lastChecked')).toBeUndefined();
    const scale = storage.defineItem<number>('local:readerFontScale', { fallback: 1 });
    expect(await readItem(scale)).toBe(1);
  });

  it('without an early-read script, every read goes to storage', async () => {
    await fakeBrowser.storage.local.set({ stories: ['x'] });
    const item = storage.defineItem<string[]>('local:stories', { fallback: [] });
    expect(takeEarlyRead(item.key)).toBeUndefined();
    expect(await readItem(item)).toEqual(['x']);
  });

  it('hands out an answer at hand only once it has come, and only once', async () => {
    await fakeBrowser.storage.local.set({ 'body:a': '<p>A</p>' });
    startEarlyReads(['local:body:a', 'local:readerFontScale']);
    // On its way: nothing at hand, and the answer still waits to be taken.
    expect(peekEarlyRead('local:body:a')).toBeUndefined();
    await page.smilebandEarlyReads!.answer;
    expect(peekEarlyRead('local:body:a')).toEqual({ value: '<p>A</p>' });
    expect(peekEarlyRead('local:body:a')).toBeUndefined();
    expect(takeEarlyRead('local:body:a')).toBeUndefined();
    // Nothing stored: the item's fallback.
    const scale = storage.defineItem<number>('local:readerFontScale', { fallback: 1 });
    expect(peekItem(scale)).toEqual({ value: 1 });
  });

  it('hands out nothing at hand for a key written since, nor for one never asked for', async () => {
    await fakeBrowser.storage.local.set({ stories: ['old'] });
    startEarlyReads(['local:stories']);
    await page.smilebandEarlyReads!.answer;
    expect(peekEarlyRead('local:body:b')).toBeUndefined();
    expect(peekEarlyRead('session:stories')).toBeUndefined();
    await fakeBrowser.storage.local.set({ stories: ['new'] });
    expect(peekEarlyRead('local:stories')).toBeUndefined();
  });

  it('has nothing at hand without an early-read script, or when its read failed', async () => {
    expect(peekEarlyRead('local:stories')).toBeUndefined();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('busy'));
    startEarlyReads(['local:stories']);
    await page.smilebandEarlyReads!.answer.catch(() => undefined);
    expect(peekEarlyRead('local:stories')).toBeUndefined();
  });

  it('falls back to a fresh read when the early one failed', async () => {
    await fakeBrowser.storage.local.set({ stories: ['stored'] });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('busy'));
    startEarlyReads(['local:stories']);
    const item = storage.defineItem<string[]>('local:stories', { fallback: [] });
    expect(await readItem(item)).toEqual(['stored']);
  });
});
