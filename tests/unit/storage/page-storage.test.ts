// The pages' storage (utils/storage/page-storage.ts, aliased for the page build) against WXT's own, call
// for call: everything the popup, side panel and options page do with storage behaves the same.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage as wxtStorage, type WxtStorage } from 'wxt/utils/storage';
import { storage as pageStorage } from '@/utils/storage/page-storage';

describe.each<[string, WxtStorage]>([
  ['WXT’s storage', wxtStorage],
  ['the pages’ storage', pageStorage],
])('%s', (_name, storage) => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the fallback for a key never written, and the value once written', async () => {
    const item = storage.defineItem<string[]>('local:ids', { fallback: [] });
    expect(item.key).toBe('local:ids');
    expect(item.fallback).toEqual([]);
    expect(await item.getValue()).toEqual([]);
    await item.setValue(['a']);
    expect(await item.getValue()).toEqual(['a']);
    expect(await fakeBrowser.storage.local.get('ids')).toEqual({ ids: ['a'] });
  });

  it('reads what another context wrote, in its own area only', async () => {
    const local = storage.defineItem<number>('local:scale', { fallback: 1 });
    const session = storage.defineItem<number | null>('session:scale', { fallback: null });
    await fakeBrowser.storage.local.set({ scale: 1.3 });
    expect(await local.getValue()).toBe(1.3);
    expect(await session.getValue()).toBeNull();
  });

  it('removes the key when set to null', async () => {
    const item = storage.defineItem<string | null>('local:last', { fallback: null });
    await item.setValue('x');
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove');
    await item.setValue(null);
    expect(remove).toHaveBeenCalledWith('last');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keeps an item in the synced area', async () => {
    const item = storage.defineItem<string>('sync:theme', { fallback: 'light' });
    await item.setValue('dark');
    expect(await fakeBrowser.storage.sync.get('theme')).toEqual({ theme: 'dark' });
    expect(await item.getValue()).toBe('dark');
  });

  it('tells a watcher each change of its key, with the fallback for a removed value, until unwatched', async () => {
    const item = storage.defineItem<number>('local:scale', { fallback: 1 });
    const seen = vi.fn();
    const unwatch = item.watch(seen);
    await fakeBrowser.storage.local.set({ scale: 1.5, other: 2 });
    await fakeBrowser.storage.session.set({ scale: 9 });
    await fakeBrowser.storage.local.remove('scale');
    unwatch();
    await fakeBrowser.storage.local.set({ scale: 0.85 });
    expect(seen.mock.calls).toEqual([
      [1.5, 1],
      [1, 1.5],
    ]);
  });

  it('reads a key by name, null when absent', async () => {
    await fakeBrowser.storage.local.set({ 'body:a': '<p>A</p>' });
    expect(await storage.getItem('local:body:a')).toBe('<p>A</p>');
    expect(await storage.getItem('local:body:b')).toBeNull();
  });

  it('refuses a key without its area', () => {
    expect(() => storage.defineItem('stories' as never, { fallback: [] })).toThrow(/^Invalid (storage )?area/);
  });
});

describe('the pages’ storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads nothing when an item is defined', () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    pageStorage.defineItem<string[]>('local:stories', { fallback: [] });
    expect(get).not.toHaveBeenCalled();
  });
});
