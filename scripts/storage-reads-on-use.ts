// Build step: WXT's storage.defineItem reads its key from storage the moment it is defined, whether
// or not the item has an `init` to write (only `init` needs that read). utils/storage/index.ts defines
// every item, so each page and every worker start read all of them, the whole story index included,
// and threw the answers away: eight reads racing the one the side panel waits for. Defining an item
// without `init` now reads nothing; getValue() reads as before.
import { applyLibraryPatch, libraryPatches, type LibraryPatch } from './patch-library';

const OWNER = 'storage-reads-on-use';

export const STORAGE_PATCHES: LibraryPatch[] = [
  {
    library: '@wxt-dev/storage',
    file: /[\\/]node_modules[\\/]@wxt-dev[\\/]storage[\\/]dist[\\/]index\.mjs$/,
    pattern: /^(\s*)migrationsDone\.then\(getOrInitValue\);$/gm,
    replacement: '$1if (opts?.init != null) migrationsDone.then(getOrInitValue);',
    expected: 'one eager getOrInitValue',
    owner: OWNER,
  },
];

/** The storage library without its eager read, or null when `id` is another module. Throws on a mismatch. */
export function readStorageOnUse(code: string, id: string): string | null {
  return applyLibraryPatch(code, id, STORAGE_PATCHES);
}

export function storageReadsOnUse() {
  return libraryPatches(OWNER, STORAGE_PATCHES);
}
