// "Export saved stories": one standalone HTML file of the saved stories, sanitized, with their
// source links, readable offline in any browser. Built as a DOM, so every text is escaped by
// construction; the bodies come through the one sanitizer. Pages only.
import type { StoryMeta } from '../feed/types';
import type { ReadingStyle } from '../storage';
import { t } from '../ui/i18n';
import { renderStory } from './sanitize';
import { sourceHost } from '../ui/source-host';

export interface SavedEntry {
  story: StoryMeta;
  /** The stored body (untrusted), or null when only the headline was kept. */
  body: string | null;
}

export interface SavedExportOptions {
  /** The site's name, for the title. */
  site: string;
  exportedAt: Date;
  locale: string;
  /** The reader's Text settings: the file reads as the side panel does. */
  reading?: { style: ReadingStyle; scale: number };
}

// Nothing in the file may run or fetch but pictures, whatever a body held: the sanitizer already
// sees to it, and the file says so again to the browser that opens it.
const POLICY = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";
const STYLE = `
body { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; font: 17px/1.6 Georgia, serif; color: #1d1d1f; }
h1, h2, .byline, nav, .source, .exported { font-family: system-ui, sans-serif; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 .25rem; }
article { padding: 1.5rem 0; border-top: 1px solid #ddd; }
.byline, .exported, .note { color: #666; font-size: .85rem; }
img { max-width: 100%; height: auto; }
nav ol { padding-left: 1.2rem; }
@media (prefers-color-scheme: dark) { body { background: #1c1c1e; color: #e5e5ea; } a { color: #8ab4f8; } }
`;

/** The whole file, most recently saved first. */
export function savedStoriesDocument(entries: readonly SavedEntry[], options: SavedExportOptions): string {
  const title = t('exportSavedTitle', options.site);
  const doc = document.implementation.createHTMLDocument(title);
  doc.documentElement.lang = options.locale;
  const meta = (attributes: Record<string, string>) => {
    const element = doc.createElement('meta');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    doc.head.prepend(element);
  };
  meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' });
  meta({ 'http-equiv': 'Content-Security-Policy', content: POLICY });
  meta({ charset: 'utf-8' });
  const style = doc.createElement('style');
  style.textContent = STYLE + (options.reading ? readingCss(options.reading) : '');
  doc.head.append(style);

  const dates = new Intl.DateTimeFormat(options.locale, { dateStyle: 'long' });
  const heading = doc.createElement('h1');
  heading.textContent = title;
  const exported = doc.createElement('p');
  exported.className = 'exported';
  exported.textContent = dates.format(options.exportedAt);
  const contents = doc.createElement('ol');
  const nav = doc.createElement('nav');
  nav.append(contents);
  doc.body.append(heading, exported, nav);

  entries.forEach(({ story, body }, index) => {
    const id = `story-${index + 1}`;
    const item = doc.createElement('li');
    const jump = doc.createElement('a');
    jump.href = `#${id}`;
    jump.textContent = story.headline;
    item.append(jump);
    contents.append(item);
    doc.body.append(storyArticle(doc, id, story, body, dates));
  });
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}

function storyArticle(
  doc: Document,
  id: string,
  story: StoryMeta,
  body: string | null,
  dates: Intl.DateTimeFormat,
): HTMLElement {
  const article = doc.createElement('article');
  article.id = id;
  const headline = doc.createElement('h2');
  headline.textContent = story.headline;
  const byline = doc.createElement('p');
  byline.className = 'byline';
  const published = Date.parse(story.published);
  byline.textContent = [
    Number.isNaN(published) ? null : dates.format(published),
    story.author,
    story.sponsor ? t('sponsoredBy', story.sponsor) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const content = doc.createElement('div');
  // The file is opened from disk: only a web address becomes a link (parsing keeps only those today).
  const link = webLink(story.link);
  if (body?.trim()) renderStory(content, body, { baseUrl: link ?? '', headline: story.headline });
  else {
    content.className = 'note';
    content.textContent = t('exportSavedNoText');
  }
  article.append(headline, byline, content);
  if (link) {
    const source = doc.createElement('a');
    source.className = 'source';
    source.href = link;
    source.textContent = t('readOn', sourceHost(link));
    const line = doc.createElement('p');
    line.append(source);
    article.append(line);
  }
  return article;
}

/** The address when it is http(s), else null. */
function webLink(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? address : null;
  } catch {
    return null;
  }
}

const LEADING = { tight: 1.45, normal: 1.6, loose: 1.9 } as const;
const WIDTH = { narrow: '32rem', medium: '40rem', wide: '52rem' } as const;
const COLOURS = {
  system: '',
  light: 'background: #fff; color: #1d1d1f; color-scheme: light;',
  sepia: 'background: #f5ecd9; color: #3b2c1a; color-scheme: light;',
  dark: 'background: #1c1c1e; color: #e5e5ea; color-scheme: dark;',
} as const;

/** The file's rules for the reader's Text settings, after (and over) its own. */
export function readingCss({ style, scale }: { style: ReadingStyle; scale: number }): string {
  const family = style.font === 'sans' ? 'system-ui, sans-serif' : 'Georgia, serif';
  const link = style.theme === 'dark' ? '#8ab4f8' : style.theme === 'system' ? '' : '#1a56c4';
  return (
    `html body { max-width: ${WIDTH[style.width]}; font: ${Math.round(1700 * scale) / 100}px/${LEADING[style.spacing]} ${family}; ${COLOURS[style.theme]} }\n` +
    (link ? `html body a { color: ${link}; }\n` : '')
  );
}
