import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { removeHtmlSinks } from '../../scripts/no-html-sinks';

const require = createRequire(import.meta.url);
const installed = (pkg: string, file: string) => join(dirname(require.resolve(pkg)), file).replaceAll('\\', '/');
const FILES = {
  preact: installed('preact', 'preact.mjs'),
  dompurify: installed('dompurify', 'purify.es.mjs'),
};
// An assignment, not a comparison: `x.innerHTML = …` but not `x.innerHTML == …`.
const ASSIGNMENT = /\.innerHTML\s*=(?!=)/;

describe('removeHtmlSinks', () => {
  it.each(Object.entries(FILES))(
    'leaves the installed %s with no innerHTML assignment, still valid code',
    (_, file) => {
      const original = readFileSync(file, 'utf8');
      expect(original).toMatch(ASSIGNMENT);
      const result = removeHtmlSinks(original, file)!;
      expect(result).not.toMatch(ASSIGNMENT);
      expect(() => transformSync(result, { format: 'esm', loader: 'js' })).not.toThrow();
      // Only the sink changed.
      expect(original.length - result.length).toBeLessThan(200);
    },
  );

  it('leaves every other module alone', () => {
    expect(removeHtmlSinks('el.innerHTML = html;', '/project/utils/preview/sanitize.ts')).toBeNull();
  });

  it('fails the build when a library update moved or duplicated the sink', () => {
    const file = FILES.preact;
    expect(() => removeHtmlSinks('export const x = 1;', file)).toThrow(/expected one innerHTML assignment in preact/);
    const twice = readFileSync(file, 'utf8').repeat(2);
    expect(() => removeHtmlSinks(twice, file)).toThrow(/found 2/);
  });
});
