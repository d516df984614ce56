// The words of the store listings (docs/store/listing.md), written by `npm run store-assets` from
// the built manifests: a permission the manifests ask for and this file does not explain fails it.
import { hostPattern } from '@/utils/settings/feed-url';
import { SITE_FEED_URL } from '@/utils/settings/site-feed';

export interface Manifest {
  version: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

/** The shipped feed's site, which the test builds replace with their local server's. */
export const SITE_HOSTS = hostPattern(SITE_FEED_URL);

/** Why each permission is asked for, in a reviewer's words; by the manifests' names. */
export const PERMISSION_REASONS: Record<string, string> = {
  [SITE_HOSTS]: 'To fetch the news feed from smileband.co.uk, and nothing else from that site.',
  alarms: 'To check the feed for new stories on a schedule (every 15 minutes unless the reader changes it).',
  storage:
    'To keep the stories, what the reader has read and saved, and the settings in the browser; with sharing on, the read and saved marks in the browser’s own sync storage.',
  notifications: 'To tell the reader about new stories; they can be turned off, and quiet hours hold them back.',
  contextMenus: 'For “Open side panel” in the toolbar button’s own menu (no install warning; no page menus).',
  sidePanel: 'To show a clean copy of a story beside the page the reader is on (Chrome).',
  readingList: 'Optional, asked for the first time the reader adds a story to Chrome’s Reading List.',
  'https://*/*':
    'Optional, asked for only when the reader points the extension at another feed, for that feed’s site alone.',
  'http://*/*': 'Optional, as above, for a feed served over plain http.',
};

/** Every permission of the manifests, the test builds' local feed host read as the shipped one. */
export function permissionsOf(manifests: Manifest[], testHosts: string): string[] {
  const all = manifests.flatMap((manifest) => [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ]);
  return [...new Set(all.map((name) => (name === testHosts ? SITE_HOSTS : name)))];
}

const DESCRIPTION_EN = `Every post on 222 News / Smileband News is titled “Smileband News”: the real headline hides in the text, after the sponsor’s greeting. Smileband News for the browser finds it.

• The toolbar badge counts the stories you have not read.
• The popup lists the real headlines, with pictures, labels and age: search them, show only the unread, pick a label, save a story for later.
• The side panel shows a clean copy of each story, without the pasted tracking code, with a link to the original. It can read the story aloud, and you choose the text’s size, font, spacing, width and theme.
• Notifications tell you of new stories, with quiet hours and rules that quiet or hide stories by word or label.
• Older stories from the blog’s archive, and the blog’s own search, when you ask.
• What you have read and saved follows you to your other browsers through the browser’s own sync (you can turn it off).

It collects nothing about you and sends nothing anywhere but the request for the news feed.`;

const DESCRIPTION_DE = `Jeder Beitrag auf 222 News / Smileband News heißt „Smileband News“: Die echte Schlagzeile steckt im Text, nach dem Gruß des Sponsors. Smileband News für den Browser findet sie.

• Das Symbol in der Symbolleiste zählt die Meldungen, die Sie noch nicht gelesen haben.
• Das Pop-up listet die echten Schlagzeilen mit Bild, Themen und Alter: durchsuchen, nur Ungelesenes zeigen, ein Thema wählen, eine Meldung für später merken.
• Die Seitenleiste zeigt jede Meldung sauber, ohne eingefügten Tracking-Code, mit einem Link zum Original. Sie liest Meldungen vor, und Sie wählen Größe, Schrift, Zeilenabstand, Breite und Farben des Textes.
• Benachrichtigungen melden neue Meldungen, mit Ruhezeiten und Regeln, die Meldungen nach Wort oder Thema leiser stellen oder ausblenden.
• Ältere Meldungen aus dem Archiv des Blogs und die Suche des Blogs, wenn Sie danach fragen.
• Was Sie gelesen und gemerkt haben, folgt Ihnen über die Synchronisierung Ihres Browsers in Ihre anderen Browser (abschaltbar).

Sie sammelt nichts über Sie und sendet nichts außer der Abfrage des Newsfeeds.`;

/** listing.md: what the store forms ask, from the manifests and the extension's own words. */
export function listingMarkdown(
  manifests: Manifest[],
  testHosts: string,
  summary: { en: string; de: string },
  shots: { file: string; caption: string }[],
): string {
  const permissions = permissionsOf(manifests, testHosts).map(
    (name) => `| \`${name}\` | ${PERMISSION_REASONS[name] ?? 'MISSING'} |`,
  );
  return `# Store listing — Smileband News ${manifests[0]!.version}

_Written by \`npm run store-assets\` from the built extension; edit \`tests/e2e/support/store-listing.ts\`._

## Name and summary

**Smileband News**

- English: ${summary.en}
- Deutsch: ${summary.de}

## Description (English)

${DESCRIPTION_EN}

## Beschreibung (Deutsch)

${DESCRIPTION_DE}

## Single purpose (Chrome Web Store)

To read the 222 News / Smileband News blog (smileband.co.uk) with its real headlines: a count of
unread stories on the toolbar, a list of headlines, and a clean copy of each story beside the page.

## Permissions, one line each

| permission | why |
| --- | --- |
${permissions.join('\n')}

## Data use (Chrome Web Store privacy practices; AMO data collection)

- Collected: **nothing**. No personally identifiable information, health, financial or
  authentication information, personal communications, location, web history, user activity or
  website content. The manifest for Firefox says so (\`data_collection_permissions: none\`).
- Not sold or transferred to third parties; not used for purposes unrelated to the single purpose;
  not used to determine creditworthiness.
- Remote code: none. Every script ships in the package; story HTML from the feed is sanitized
  (DOMPurify) and never run.
- Privacy policy: \`PRIVACY.md\` (to be published at the listing's privacy policy address).

## Pictures

${shots.map((shot) => `- \`${shot.file}\`: ${shot.caption}`).join('\n')}

## Notes for AMO reviewers

- Minified: the add-on's scripts are built by WXT and Vite from the TypeScript sources and
  minified with Terser, which keeps the popup within 15 KB; nothing is obfuscated, and the only
  third-party code is the libraries in \`package-lock.json\` (Preact, DOMPurify, rss-parser and its
  XML parser, webextension-polyfill).
- To rebuild: unpack the sources zip, \`npm ci\`, \`npm run build-for-amo\`; \`.output/firefox-mv2/\`
  then holds the add-on's files byte for byte (README, "Build from source").
- No account or setup is needed: the add-on reads https://www.smileband.co.uk/feeds/posts/default on
  install and every 15 minutes.
`;
}
