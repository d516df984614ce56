// Mozilla's addons-linter on the Firefox build the tests made (global-setup.ts): 0 errors, 0
// warnings, as AMO's review runs it. Here rather than in `npm run check`, so CI builds each
// browser once.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

describe('the Firefox build', () => {
  it('passes Mozilla’s addons-linter with no error and no warning', () => {
    const script = resolve(import.meta.dirname, '../../scripts/lint-firefox.mjs');
    const said = execFileSync(process.execPath, [script, inject('firefoxExtensionPath')], { encoding: 'utf8' });
    expect(said).toContain('addons-linter: 0 errors, 0 warnings');
  });
});
