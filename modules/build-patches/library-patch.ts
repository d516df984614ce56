// A rewrite of one installed library file. It must apply exactly once, by path and by text: the
// file must exist, a build that bundles the library must take it from that file, and the pattern
// must match once. A library update that moves the file or the code then fails the build instead
// of silently shipping the library unpatched (a bigger bundle, a sink left in).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export interface LibraryPatch {
  /** What the patch does, for messages ("no innerHTML in preact"). */
  name: string;
  /** The package as installed under node_modules. */
  library: string;
  /** The file in the package that builds and tests load, relative to the package. */
  file: string;
  pattern: RegExp;
  replacement: string;
}

const HERE = 'modules/build-patches/library-patches.ts';

/** Where `patch` applies, as a module id ends (ids use forward slashes, whatever the system). */
function targetSuffix(patch: LibraryPatch): string {
  return `/node_modules/${patch.library}/${patch.file}`;
}

/** The patch whose target `id` is, if any. */
export function patchFor(id: string, patches: readonly LibraryPatch[]): LibraryPatch | undefined {
  const path = id.split('?')[0]!.replaceAll('\\', '/');
  return patches.find((patch) => path.endsWith(targetSuffix(patch)));
}

/** The library file with its patch applied, or null when `id` is not one of them. Throws unless it applies once. */
export function applyLibraryPatch(code: string, id: string, patches: readonly LibraryPatch[]): string | null {
  const patch = patchFor(id, patches);
  if (!patch) return null;
  const found = code.match(patch.pattern)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `Build patch "${patch.name}": its pattern matched ${found} times in ${patch.library}/${patch.file}, ` +
        `not once. The library changed: review ${HERE}.`,
    );
  }
  return code.replace(patch.pattern, patch.replacement);
}

/** Every patch's file is installed where it says (checked once, when the build starts). */
export function missingTargets(root: string, patches: readonly LibraryPatch[]): string[] {
  return patches
    .filter((patch) => !existsSync(join(root, 'node_modules', patch.library, patch.file)))
    .map((patch) => `Build patch "${patch.name}": ${patch.library}/${patch.file} is not installed. Review ${HERE}.`);
}

/**
 * The libraries a build bundled from another file than their patch's target: the patch never
 * applied. `ids` are the build's modules; `patched` the targets that were rewritten.
 */
export function unpatchedLibraries(
  ids: Iterable<string>,
  patched: ReadonlySet<LibraryPatch>,
  patches: readonly LibraryPatch[],
): string[] {
  // Each unapplied patch once, with the first file the build took its library from.
  const found = new Map<LibraryPatch, string>();
  for (const id of ids) {
    const path = id.replaceAll('\\', '/');
    for (const patch of patches) {
      if (!patched.has(patch) && !found.has(patch) && path.includes(`/node_modules/${patch.library}/`)) {
        found.set(patch, path.split('/node_modules/').pop()!);
      }
    }
  }
  return [...found].map(
    ([patch, path]) =>
      `Build patch "${patch.name}": this build took ${patch.library} from ${path}, ` +
      `not ${patch.library}/${patch.file}, so the patch never applied. Review ${HERE}.`,
  );
}

/**
 * The patches as a Vite plugin: applied in builds, `wxt dev` and tests alike; a build also fails
 * when it bundled a patched library from another file.
 */
export function libraryPatches(patches: readonly LibraryPatch[]): Plugin {
  const patched = new Set<LibraryPatch>();
  return {
    name: 'smileband:library-patches',
    enforce: 'pre',
    buildStart: () => patched.clear(),
    transform(code, id) {
      const result = applyLibraryPatch(code, id, patches);
      if (result === null) return null;
      patched.add(patchFor(id, patches)!);
      return { code: result, map: null };
    },
    generateBundle() {
      const problems = unpatchedLibraries(this.getModuleIds(), patched, patches);
      if (problems.length) this.error(problems.join('\n'));
    },
  };
}
