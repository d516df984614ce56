import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { hostPattern, resolveFeedUrl } from './utils/settings/feed-url';

// WXT_FEED_URL points a build at another feed (tests use a local server); the build may read only
// that feed's host.
const feedUrl = resolveFeedUrl(process.env.WXT_FEED_URL);
const hostPermission = hostPattern(feedUrl);

// Extension pages run only their own scripts and load nothing but story images and the feed.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: http: data:",
  'connect-src https: http:',
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Terser, two passes, for the scripts WXT builds one by one (the worker, the side panel's script).
const SCRIPT_TERSER = { minify: 'terser', terserOptions: { compress: { passes: 2 } } } as const;
// The list's own components' props and its hooks' fields, read only by our code in the same
// script: mangled like local names in the pages (the list split into small components and hooks
// cost its pages ~0.8 KB gzipped in these names alone). Never a DOM property, a stored or sent
// field, or a name a library reads; tests/e2e/bundles.spec.ts checks that none is left in a page.
export const PAGE_PROPERTIES =
  /^(onQuery|searchRef|onMarkAllRead|labelBarRef|savedTotal|hiddenTotal|toggleLabel|showAll|dismissUndo|undoMarkAll|markAllRead|toggleSaved|toggleRead|openOriginal|refreshing|savedTools|onRetry|activeLabel|onLabel|ruleNote|onToggleSaved|onToggleRead|onOpenOriginal|verdicts|listEnd|askBlog|listRef|barRef|onChoose|onToggle|onRefresh|onDismiss|onUndo|onReadingList|bodyHtml|onShrink|onGrow|canShrink|canGrow|onPrevious|onNext|onList|onOpen|highlight|snippet|failure|older|sentinel|setLimit|itemId|showHidden|visible|note|tone|icon|hint|outcome)$/;
// Pages target ES2020 (Chrome 116+, Firefox 142+): terser may write ES2020's shorter forms. Not
// unsafe_arrows: sax (in the options page, for its feed test) builds prototypes of functions that
// never read `this`, and the page failed to start.
const PAGE_COMPRESS = { passes: 2 } as const;
const PAGE_TERSER = {
  ecma: 2020,
  compress: PAGE_COMPRESS,
  mangle: { properties: { regex: PAGE_PROPERTIES } },
} as const;

// The pages (popup, side panel, options) use the browser's own promise-based namespace, not the
// polyfill: every API they call returns promises natively in Chrome 116+ (MV3) and Firefox, and the
// polyfill is 3 KB of the popup's 15 KB budget. The worker keeps webextension-polyfill (the
// module below), which its runtime.onMessage promise replies need. The owner's decision; see the
// README's opening paragraphs. tests/e2e/bundles.spec.ts checks both halves in the build.
const nativeBrowser = createRequire(import.meta.url).resolve('wxt/browser');
// Likewise the pages' storage: the calls they make, without WXT's migrations and locks (3 KB).
const pageStorage = fileURLToPath(new URL('./utils/storage/page-storage.ts', import.meta.url));

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) {
        // Terser for the worker too: 3 % smaller gzipped than esbuild's minifier, which keeps it
        // inside its 41 KB budget with the archive pages, the sync glue and the search snippets.
        config.build = { ...config.build, ...SCRIPT_TERSER };
        return;
      }
      // The side panel's one script (entrypoints/sidepanel-app.tsx): terser, as for the pages below,
      // with a third pass, which makes this script smaller (and the pages' chunks larger).
      if (entrypoints.some((entrypoint) => entrypoint.name === 'sidepanel-app')) {
        // Hoisting its function declarations lets terser inline more of them here (0.25 KB gzipped); in
        // the pages' chunks it costs more than it saves.
        const terserOptions = { ...PAGE_TERSER, compress: { ...PAGE_COMPRESS, passes: 3, hoist_funs: true } };
        config.build = { ...config.build, minify: 'terser', terserOptions };
      }
      // The HTML pages build together (scripts build one by one, without chunks).
      // Only the popup's page loads modules (the side panel and options run one classic script each),
      // so its code is one chunk, and what it loads on use one more.
      if (entrypoints.some((entrypoint) => entrypoint.type === 'popup')) {
        config.build = {
          ...config.build,
          // Terser, two passes: 3 % smaller gzipped than esbuild's minifier on the popup's chunk,
          // which its 15 KB budget counts.
          minify: 'terser',
          terserOptions: { module: true, ...PAGE_TERSER },
        };
      }
      const alias = config.resolve?.alias;
      const aliases: { find: string | RegExp; replacement: string }[] = Array.isArray(alias)
        ? (alias as { find: string | RegExp; replacement: string }[])
        : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }));
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: nativeBrowser },
          { find: /^wxt\/utils\/storage$/, replacement: pageStorage },
          ...aliases.filter((entry) => entry.find !== 'wxt/browser' && entry.find !== 'wxt/utils/storage'),
        ],
      };
    },
  },
  imports: false,
  // Tests build into their own folder so `npm test` never replaces the reader's .output/chrome-mv3.
  outDir: process.env.WXT_OUT_DIR || '.output',
  vite: () => ({
    // The library patches, Vite's helper and the side panel's page: modules/build-patches/.
    plugins: [preact()],
    resolve: {
      alias: {
        // rss-parser's unused XML builder, and its 75 kB entity table, stay out of the bundles.
        xmlbuilder: fileURLToPath(new URL('./utils/feed/xmlbuilder-stub.ts', import.meta.url)),
        entities: fileURLToPath(new URL('./utils/feed/decode-entities.ts', import.meta.url)),
      },
    },
    // Extension pages run in browsers with native modulepreload: no polyfill.
    build: { modulePreload: { polyfill: false } },
    define: {
      'import.meta.env.WXT_FEED_URL': JSON.stringify(feedUrl),
      // Tests shorten the request timeout to stage a server that hangs.
      'import.meta.env.WXT_FETCH_TIMEOUT_MS': JSON.stringify(process.env.WXT_FETCH_TIMEOUT_MS ?? ''),
    },
  }),
  // The sources zip (npm run zip:firefox) holds what a rebuild needs and nothing else: AMO's
  // reviewers unpack it, run `npm ci` and `npm run build-for-amo`, and compare the result with the
  // add-on (README "Build from source"; tests/e2e/amo-source.spec.ts does the same).
  zip: {
    excludeSources: [
      'tests/**',
      'bench/**',
      'docs/**',
      'reports/**',
      'test-results/**',
      'scripts/**',
      'stats.html',
      'stryker*.json',
      'vitest*.config.ts',
      'eslint.config.js',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // contextMenus: the toolbar button's "Open side panel" item (no install warning).
    permissions: ['alarms', 'storage', 'notifications', 'contextMenus'],
    // A shortcut to the side panel (a user gesture, which opening it needs); readers change it at
    // chrome://extensions/shortcuts or in Firefox's add-on shortcuts.
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+S' } } }
        : {
            'open-side-panel': {
              suggested_key: { default: 'Alt+Shift+S' },
              description: '__MSG_commandOpenSidePanel__',
            },
          },
    // WXT moves this into `permissions` for Firefox's MV2 build.
    host_permissions: [hostPermission],
    // Another feed's origin is asked for on the options page, at the moment the reader picks it.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : {
          optional_host_permissions: ['https://*/*', 'http://*/*'],
          // Chrome's Reading List, asked for when the reader first adds a story to it.
          optional_permissions: ['readingList'],
        }),
    action: { default_title: '__MSG_extName__' },
    content_security_policy: browser === 'firefox' ? (CSP as never) : { extension_pages: CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'smileband-news@smileband-news.example',
              // 142: data_collection_permissions on desktop (140) and Android (142).
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Listed for Firefox for Android too: the same 142 (data_collection_permissions there).
            // No sidebar, shortcuts or menus there: stories open in tabs (browser-compat.ts).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
});
