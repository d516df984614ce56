import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { libraryPatches } from './modules/build-patches/library-patch';
import { LIBRARY_PATCHES } from './modules/build-patches/library-patches';

const CLOCKS = [
  ['', 'UTC'],
  ['-adelaide', 'Australia/Adelaide'],
] as const;

export default defineConfig({
  // Tests run the same library code the build ships (modules/build-patches/library-patches.ts).
  plugins: [WxtVitest(), libraryPatches(LIBRARY_PATCHES)],
  resolve: {
    // WXT's mock of `wxt/browser` imports the whole `wxt/testing` barrel, which loads esbuild, which
    // refuses to start under jsdom. The fake browser is all the mock needs.
    alias: [{ find: /^wxt\/testing$/, replacement: 'wxt/testing/fake-browser' }],
  },
  test: {
    // Through Vite, so the plugin above applies to them (and Preact stays one instance).
    server: { deps: { inline: ['dompurify', /preact/, '@wxt-dev/storage'] } },
    // The JSON report lets .ci/run print one "N passed, N failed" line for every suite.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // Every mock back to its own implementation before each test: no answer set for one test
    // leaks into the next.
    mockReset: true,
    projects: [
      // Unit and component tests run under two clocks: UTC, and a zone half an hour off the hour
      // with daylight saving, so code that reads UTC where it means local time (or the reverse)
      // fails somewhere. A test that reads local time says so.
      ...CLOCKS.flatMap(([suffix, TZ]) => [
        {
          extends: true as const,
          // Pure logic and background glue run in Node: proof that the worker code needs no DOM.
          test: {
            name: `unit${suffix}`,
            include: ['tests/unit/**/*.test.ts'],
            environment: 'node',
            setupFiles: ['tests/support/i18n.ts'],
            env: { TZ },
          },
        },
        {
          extends: true as const,
          // The pages' own storage module, as their build has it (wxt.config.ts).
          resolve: { alias: [{ find: /^wxt\/utils\/storage$/, replacement: '/utils/storage/page-storage.ts' }] },
          // jsdom: DOMPurify silently does not sanitize under lighter fake DOMs (they let scripts and handlers through).
          test: {
            name: `components${suffix}`,
            include: ['tests/components/**/*.test.{ts,tsx}'],
            setupFiles: ['tests/support/i18n.ts', 'tests/components/setup.ts'],
            environment: 'jsdom',
            env: { TZ },
          },
        },
      ]),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One browser at a time on a 2-core machine; each spec owns the feed server's port.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // Not part of npm test: `npm run bench` / `npm run bench:check`.
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          environment: 'node',
          globalSetup: ['bench/global-setup.ts'],
          // Each timed sample starts from a collected heap (bench/stats.ts): the garbage one side
          // leaves is not the next sample's to collect.
          execArgv: ['--expose-gc'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
