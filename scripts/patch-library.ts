// Build step shared by the library rewrites (no-html-sinks.ts, storage-reads-on-use.ts): each
// rewrite must match exactly once, so a library update that moves the code fails the build instead
// of silently shipping the unpatched library.
import type { Plugin } from 'vite';

export interface LibraryPatch {
  library: string;
  file: RegExp;
  pattern: RegExp;
  replacement: string;
  /** What the patch removes, for the error message ("one innerHTML assignment"). */
  expected: string;
  /** The module to review when the library changed. */
  owner: string;
}

/** The library file with its patch applied, or null when `id` is not one of them. Throws on a mismatch. */
export function applyLibraryPatch(code: string, id: string, patches: readonly LibraryPatch[]): string | null {
  const patch = patches.find((candidate) => candidate.file.test(id.split('?')[0]!));
  if (!patch) return null;
  const found = code.match(patch.pattern)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `${patch.owner}: expected ${patch.expected} in ${patch.library} (${id}), found ${found}. ` +
        `The library changed: review scripts/${patch.owner}.ts.`,
    );
  }
  return code.replace(patch.pattern, patch.replacement);
}

export function libraryPatches(owner: string, patches: readonly LibraryPatch[]): Plugin {
  return {
    name: `smileband:${owner}`,
    enforce: 'pre',
    transform(code, id) {
      const result = applyLibraryPatch(code, id, patches);
      return result === null ? null : { code: result, map: null };
    },
  };
}
