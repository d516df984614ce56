// The unit and component tests alone, in one clock, for `npm run mutate` (stryker.config.json):
// StrykerJS reruns the tests that cover each mutant, so the browser suites stay out.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { noHtmlSinks } from './scripts/no-html-sinks';
import { storageReadsOnUse } from './scripts/storage-reads-on-use';

export default defineConfig({
  plugins: [WxtVitest(), noHtmlSinks(), storageReadsOnUse()],
  resolve: { alias: [{ find: /^wxt\/testing$/, replacement: 'wxt/testing/fake-browser' }] },
  test: {
    server: { deps: { inline: ['dompurify', /preact/, '@wxt-dev/storage'] } },
    env: { TZ: 'UTC' },
    // Instrumented code runs several times slower than the shipped code.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/i18n.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/i18n.ts', 'tests/components/setup.ts'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
