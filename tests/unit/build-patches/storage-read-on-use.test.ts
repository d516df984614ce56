import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { applyLibraryPatch } from '../../../modules/build-patches/library-patch';
import { LIBRARY_PATCHES } from '../../../modules/build-patches/library-patches';

// Import-only package: resolved as the build resolves it.
const FILE = fileURLToPath(import.meta.resolve('@wxt-dev/storage')).replaceAll('\\', '/');
const readStorageOnUse = (code: string, id: string) => applyLibraryPatch(code, id, LIBRARY_PATCHES);

describe('storage items read on use', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defining an item reads nothing from storage; reading it does', async () => {
    await fakeBrowser.storage.local.set({ big: ['a', 'b'] });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const item = storage.defineItem<string[]>('local:big', { fallback: [], version: 1 });
    await new Promise((done) => setTimeout(done, 10));
    expect(get).not.toHaveBeenCalled();
    expect(await item.getValue()).toEqual(['a', 'b']);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('an item with init still writes its first value', async () => {
    const item = storage.defineItem<string>('local:installed', { init: () => 'now' });
    expect(await item.getValue()).toBe('now');
    expect(await fakeBrowser.storage.local.get('installed')).toEqual({ installed: 'now' });
  });

  it('patches the installed library once, leaving valid code', () => {
    const original = readFileSync(FILE, 'utf8');
    const result = readStorageOnUse(original, FILE)!;
    expect(result).not.toBe(original);
    expect(result).toContain('if (opts?.init != null) migrationsDone.then(getOrInitValue);');
    expect(() => transformSync(result, { format: 'esm', loader: 'js' })).not.toThrow();
    expect(result.length - original.length).toBeLessThan(40);
  });

  it('fails the build when a library update moved the eager read', () => {
    expect(() => readStorageOnUse('export const x = 1;', FILE)).toThrow(
      /"storage read on use": its pattern matched 0 times/,
    );
    expect(readStorageOnUse('migrationsDone.then(getOrInitValue);', '/project/utils/storage.ts')).toBeNull();
  });
});
