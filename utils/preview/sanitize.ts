// utils/preview: story HTML made safe and clean to show; DOM pages only.
// The one place feed HTML becomes safe to render. DOM pages only: DOMPurify needs a real DOM, so it
// never runs in the worker (and never under happy-dom, where it silently does nothing).
import DOMPurify, { type Config } from 'dompurify';
import { cleanPreview } from './clean-preview';
import { isTrackerImage } from '../feed/tracker-image';
import { t } from '../ui/i18n';
import { bloggerSrcset } from './picture-sizes';

const FORBID_TAGS = [
  // Media and image maps fetch or navigate outside the link rules: posters, sources, <area href>.
  'area',
  'audio',
  'base',
  'button',
  // An open <dialog> floats over the page's own controls.
  'dialog',
  'embed',
  'form',
  'frame',
  'frameset',
  'iframe',
  'input',
  'link',
  'map',
  'math',
  'meta',
  'noscript',
  'object',
  'select',
  'source',
  'style',
  'svg',
  'template',
  'textarea',
  'track',
  'video',
];
// style can overlay or hide the page; srcset would bypass the src checks below; id and name
// clobber globals; popover, accesskey, tabindex and autofocus reach into the page's own behaviour.
const FORBID_ATTR = [
  'accesskey',
  'action',
  'autofocus',
  'background',
  'contenteditable',
  'download',
  'formaction',
  'id',
  'name',
  'ping',
  'popover',
  'popovertarget',
  'popovertargetaction',
  'poster',
  'srcset',
  'style',
  'tabindex',
  'usemap',
  'xlink:href',
];
// The only classes a story keeps: Blogger's layout classes that the reader styles on purpose.
// Any other class could borrow the look of the page's own controls (the source button).
const STORY_CLASSES = new Set(['separator', 'tr-caption', 'tr-caption-container']);
const VIDEO_CARD = 'video-card';
const CONFIG = {
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  USE_PROFILES: { html: true },
  // The sanitized <body> itself: neither serialized nor moved into a fragment.
  RETURN_DOM: true,
} satisfies Config;
const CONTROLS = new Set(['BUTTON', 'SELECT', 'TEXTAREA', 'OPTION', 'DATALIST']);
// The side panel's story column: 40rem at most, less the panel's padding.
const STORY_COLUMN = '(min-width: 42rem) 40rem, calc(100vw - 32px)';
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const VIDEO_ID = /(?:youtube(?:-nocookie)?\.com\/(?:embed|v)\/|youtu\.be\/)([\w-]{6,})/;

let purifier: typeof DOMPurify | null = null;
let baseUrl = '';
// The elements sanitizeStory fixes after DOMPurify: links, pictures and any with a class.
const toFix: Element[] = [];
// The link cards this module made, the only elements allowed the video-card class.
const ownCards = new WeakSet<Element>();

export interface StoryBodyOptions {
  /** The post's URL: relative links and images resolve against it. */
  baseUrl: string;
  /** When given, the clean preview drops the greeting and this repeated headline from the top. */
  headline?: string;
}

/**
 * Replaces `target`'s children with the story body made safe to show, as nodes (no
 * serialize-and-reparse step for mutation XSS to hide in): no script, handlers, frames, forms or
 * styles; links resolved against the post and opened in a new tab without referrer; images lazy
 * and without referrer; tracking pixels dropped however they are sized; no media, image maps or
 * dialogs; no class but Blogger's layout ones, no id or name, so nothing in a story can look or act
 * like the page around it; a video embed becomes a link to the video; leaked tracking text removed.
 */
export function renderStory(target: ParentNode, html: string, options: StoryBodyOptions): void {
  // The children of DOMPurify's own <body> go into a holder made in DOMPurify's inert document, one
  // by one (a fragment would move each twice), and the holder into the page: the whole story changes
  // document in one adoption. A holder from the page's document took each block across documents
  // on its own: about 0.1 of the render's ratio to bare DOMPurify.
  const body = sanitizeStory(html, options);
  const holder = body.ownerDocument.createElement('div');
  while (body.firstChild) holder.appendChild(body.firstChild);
  target.replaceChildren(holder);
}

/** The same, as an HTML string (tests and the benchmark compare it). */
export function sanitizeStoryHtml(html: string, options: StoryBodyOptions): string {
  return sanitizeStory(html, options).innerHTML;
}

/** The sanitized story in the <body> of DOMPurify's inert document: never insert the body itself. */
function sanitizeStory(html: string, options: StoryBodyOptions): HTMLElement {
  purifier ??= createPurifier();
  baseUrl = options.baseUrl;
  toFix.length = 0;
  const body = purifier.sanitize(html) as unknown as HTMLElement;
  // Fixed after DOMPurify has cleaned their attributes, in document order (a link is named by its
  // picture before a bad picture leaves). Elements DOMPurify dropped after its hook saw them are
  // detached by now: fixing them is harmless.
  for (const element of toFix) {
    if (element.hasAttribute('class')) keepLayoutClasses(element);
    if (element.nodeName === 'A') secureLink(element as HTMLAnchorElement);
    else if (element.nodeName === 'IMG') secureImage(element as HTMLImageElement);
  }
  toFix.length = 0;
  cleanPreview(body, { headline: options.headline ?? '' });
  return body;
}

function createPurifier(): typeof DOMPurify {
  // The instance DOMPurify made for this window on import: a second one would build its tables
  // again on the panel's first paint. Nothing else in the pages uses DOMPurify.
  const purify = DOMPurify;
  // Set once: passing the config to every sanitize() call makes DOMPurify rebuild it each time.
  purify.setConfig(CONFIG);
  // Not uponSanitizeElement: DOMPurify copies its whole tag allow-list on every sanitize() when
  // that hook is set (so the hook may edit it), a tenth of a story's render.
  purify.addHook('beforeSanitizeElements', (node) => {
    if (node.nodeType !== 1) return;
    const name = node.nodeName;
    if (name === 'IFRAME') insertVideoCard(node as Element);
    // Controls go with their labels ("Check", option lists): text out of context is noise.
    else if (CONTROLS.has(name)) node.parentNode?.removeChild(node);
    // Before attributes are cleaned: a tracker may be sized by its inline style.
    else if (name === 'IMG' && isTracker(node as Element)) node.parentNode?.removeChild(node);
    // The hook already visits every element: collecting here spares a selector query over the
    // story (parsed afresh for each story's new document).
    else if (name === 'A' || name === 'IMG' || (node as Element).hasAttribute('class')) toFix.push(node as Element);
  });
  return purify;
}

function keepLayoutClasses(element: Element): void {
  const kept = [...element.classList].filter(
    (name) => STORY_CLASSES.has(name) || (name === VIDEO_CARD && ownCards.has(element)),
  );
  if (kept.length) element.setAttribute('class', kept.join(' '));
  else element.removeAttribute('class');
}

function resolve(value: string | null): URL | null {
  if (!value) return null;
  try {
    return new URL(value.trim(), baseUrl || undefined);
  } catch {
    return null;
  }
}

function secureLink(link: HTMLAnchorElement): void {
  const url = resolve(link.getAttribute('href'));
  // DOMPurify keeps no target of its own: only links with an address get one, below.
  if (!url || !LINK_PROTOCOLS.has(url.protocol)) {
    link.removeAttribute('href');
    return;
  }
  link.setAttribute('href', url.href);
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
  // Blogger wraps each picture in a link to its full size, with no text: give it a name.
  if (!link.textContent?.trim() && link.querySelector('img') && !link.querySelector('img[alt]:not([alt=""])')) {
    link.setAttribute('aria-label', t('pictureFullSize'));
  }
}

function secureImage(image: HTMLImageElement): void {
  const url = resolve(image.getAttribute('src'));
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    image.remove();
    return;
  }
  image.setAttribute('src', url.href);
  // Blogger serves any width of a picture: a sharp one for the column and the screen.
  const srcset = bloggerSrcset(url.href);
  if (srcset) {
    image.setAttribute('srcset', srcset);
    image.setAttribute('sizes', STORY_COLUMN);
  }
  // Feed pictures come without descriptions; an empty alt keeps readers from spelling out file names.
  if (!image.hasAttribute('alt')) image.setAttribute('alt', '');
  image.setAttribute('loading', 'lazy');
  image.setAttribute('referrerpolicy', 'no-referrer');
  image.setAttribute('decoding', 'async');
}

function isTracker(image: Element): boolean {
  return isTrackerImage({
    width: image.getAttribute('width'),
    height: image.getAttribute('height'),
    style: image.getAttribute('style'),
  });
}

/** A YouTube/Blogger video iframe becomes a link card after it (DOMPurify then drops the iframe). */
function insertVideoCard(frame: Element): void {
  const src = frame.getAttribute('src') ?? '';
  const id = frame.getAttribute('youtube-src-id') || VIDEO_ID.exec(src)?.[1];
  if (!id || !/^[\w-]+$/.test(id)) return;
  const card = frame.ownerDocument.createElement('a');
  card.setAttribute('href', `https://www.youtube.com/watch?v=${id}`);
  card.setAttribute('class', VIDEO_CARD);
  ownCards.add(card);
  card.textContent = t('videoCard');
  frame.parentNode?.insertBefore(card, frame.nextSibling);
}
