// Reader-view clean-up for this site's posts, on an already sanitized DOM (pages only):
// the greeting, "AD" marker and repeated headline leave the top of the body, and tracking code
// pasted into posts as visible text leaves everywhere. Ordinary prose is never touched.
import { CREDIT_LINE } from '../feed/credit-line';

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const SPACER = new Set(['DIV', 'P']);
const NOT_BLANK = /\S/;
// Elements that are content even without text (the video card the sanitizer makes has its label).
const MEDIA_TAGS = new Set(['IMG', 'VIDEO', 'AUDIO', 'PICTURE', 'HR', 'TABLE']);

const GREETING = /^(?:dear\b[^,]{0,80},\s*)?sponsored by\s+[^,.;:!]+?\s*(?:[,.;:!]\s*(.*))?$/i;
const MARKER = /^(?:ad|ads|advert|advertisement|advertorial|sponsored|promoted)[\s.:!-]*$/i;
// Leaked tracking code as visible text: tag syntax or the trackers' own names, never the bare word.
const TRACKING =
  /<\s*\/?\s*script\b|<!--\s*google tag|\bin--\s*google tag|\bgtag\s*\(|\bdataLayer\s*[=.|]|googletagmanager\.com|pagesense\.io/i;
// Blogger's caption cell (not its container, "tr-caption-container").
const CAPTION_CLASS = /(?:^|\s)tr-caption(?:\s|$)/;
// The stray code pasted right after a snippet (e.g. "894500L65WEHZ4XKDX36").
const STRAY_CODE = /^(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{12,40}$/;
// The greeting and headline sit at the very top; never look deep for them.
const TOP_LINES = 8;

interface Line {
  nodes: Text[];
  /** The text nodes' data joined, as found. */
  raw: string;
  /** Whitespace collapsed and trimmed; computed on first use (most lines are only scanned raw). */
  text?: string;
  removed?: boolean;
}

export interface CleanPreviewOptions {
  /** The headline the page already shows above the body. */
  headline: string;
}

/** Removes what a reader of this site should not see twice, or at all. Mutates `root`. */
export function cleanPreview(root: ParentNode, { headline }: CleanPreviewOptions): void {
  // One walk over every line: this site's posts nearly all carry pasted tracking code, so a
  // whole-text pre-check would only add a second pass over the body.
  const { lines, spacers } = readLines(root);
  removeTop(lines, normalize(headline), root);
  removeTracking(lines, root);
  trimEdge(root, 'start');
  trimEdge(root, 'end');
  collapseSpacers(spacers);
  for (const line of lines) for (const node of line.nodes) breakableSpaces(node);
}

// A non-breaking space right after a word, unless the word is a number ("30 %", "1.5 km" stay
// together). One alone on its line (a spacer) or before the first word (an indent) stays.
const JOINING_SPACE = /(?<=[^\s\d])\u00a0/g;

/**
 * Blogger's editor joins words with non-breaking spaces: kept, they make one long "word" that a
 * narrow column can only break inside a word ("decarbonisati-on"), and lines end early. Those
 * after a word become spaces, except between a number and its unit.
 */
function breakableSpaces(node: Text): void {
  if (node.data.includes('\u00a0')) node.data = node.data.replace(JOINING_SPACE, ' ');
}

/**
 * Runs of spacer lines become one: a paragraph's gap, not half a screen of white. `spacers` come
 * in document order; the removals before this never turn a line into a spacer (a wrapper they
 * empty goes whole), so the list found while reading the lines still holds.
 */
function collapseSpacers(spacers: Set<Element>): void {
  for (const spacer of spacers) {
    let previous = spacer.previousSibling;
    while (previous && previous.nodeType === 3 && !NOT_BLANK.test((previous as Text).data)) {
      previous = previous.previousSibling;
    }
    if (previous && spacers.has(previous as Element)) spacer.remove();
  }
}

function removeTop(lines: Line[], headline: string, root: ParentNode): void {
  for (const line of lines.slice(0, TOP_LINES)) {
    const text = lineText(line);
    if (!text) continue;
    // A picture's caption or credit may sit above the headline (headline.ts reads past it too).
    if (CREDIT_LINE.test(text) || inCaption(line.nodes[0]!)) continue;
    if (MARKER.test(text)) {
      removeLine(line, root);
      continue;
    }
    const greeting = GREETING.exec(text);
    if (greeting) {
      // "Dear …, sponsored by smileband, <headline>" on one line goes whole.
      const rest = normalize(greeting[1] ?? '');
      removeLine(line, root);
      if (rest && rest === headline) return;
      continue;
    }
    if (normalize(text) === headline) removeLine(line, root);
    return;
  }
}

function removeTracking(lines: Line[], root: ParentNode): void {
  let afterTracking = false;
  for (const line of lines) {
    if (line.removed) continue;
    if (TRACKING.test(line.raw)) {
      removeLine(line, root);
      afterTracking = true;
    } else if (afterTracking && lineText(line)) {
      // Blank lines between the snippet and its stray code do not end the snippet.
      if (STRAY_CODE.test(lineText(line))) removeLine(line, root);
      else afterTracking = false;
    }
  }
}

/**
 * Lines of text as laid out (block boundaries and <br> end a line), and the spacer lines among the
 * blocks: Blogger's <div><br></div> or <p>&nbsp;</p>, a div or p holding nothing but line breaks
 * and blanks. One walk finds both: it is most of what the clean-up costs.
 */
function readLines(root: ParentNode): { lines: Line[]; spacers: Set<Element> } {
  const lines: Line[] = [];
  const spacers = new Set<Element>();
  // The line being read: null after a break, so the next text starts a new one.
  let line: Line | null = null;
  // True when `node` holds nothing but line breaks and blank text.
  const walk = (node: ParentNode): boolean => {
    let blank = true;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === 3) {
        const data = (child as Text).data;
        if (line === null) lines.push((line = { nodes: [child as Text], raw: data }));
        else {
          line.nodes.push(child as Text);
          line.raw += data;
        }
        if (blank && !isBlank(data)) blank = false;
      } else if (type === 1) {
        const name = (child as Element).tagName;
        if (name === 'BR') {
          line = null;
          continue;
        }
        blank = false;
        if (BLOCK.has(name)) {
          line = null;
          if (walk(child as Element) && SPACER.has(name)) spacers.add(child as Element);
          line = null;
        } else walk(child as Element);
      } else blank = false;
    }
    return blank;
  };
  walk(root);
  return { lines, spacers };
}

function isBlank(text: string): boolean {
  // Most text starts with a printable ASCII character, which settles it without the regex.
  const first = text.charCodeAt(0);
  return !(first > 32 && first < 127) && !NOT_BLANK.test(text);
}

/** Inside a picture's caption (Blogger's table caption or a figcaption). */
function inCaption(node: Node): boolean {
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    if (parent.tagName === 'FIGCAPTION') return true;
    // The attribute, not classList: most wrappers have none, and a class list is an object to make.
    const classes = parent.getAttribute('class');
    if (classes !== null && CAPTION_CLASS.test(classes)) return true;
  }
  return false;
}

function removeLine(line: Line, root: ParentNode): void {
  for (const node of line.nodes) removeWithEmptyWrappers(node, root);
  line.removed = true;
}

/**
 * Removes `node`, then each wrapper the removal left empty (<p><b><span>headline</span></b></p>,
 * or Blogger's picture box and full-size link), up to but not including `root`.
 */
export function removeWithEmptyWrappers(node: ChildNode, root?: Node): void {
  let parent: Element | null = node.parentElement;
  node.remove();
  while (parent && parent !== root && isEmpty(parent) && parent.parentNode) {
    const up: Element | null = parent.parentElement;
    parent.remove();
    parent = up;
  }
}

function lineText(line: Line): string {
  return (line.text ??= line.raw.replace(/[\s\u00a0\u200b]+/g, ' ').trim());
}

function isEmpty(element: Element): boolean {
  // Cheapest first: most wrappers climbed after a removal have no children left at all. The
  // element's own kind by name, not matches(): each story is a new document, where a selector is
  // parsed afresh.
  if (MEDIA_TAGS.has(element.tagName)) return false;
  return !element.hasChildNodes() || (!element.textContent?.trim() && !holdsMedia(element));
}

/** A picture, rule or table anywhere inside: a walk, as a selector is parsed afresh in each story's document. */
function holdsMedia(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (MEDIA_TAGS.has(child.tagName) || holdsMedia(child)) return true;
  }
  return false;
}

/** Drops blank lines and spacers (<div><br></div>) from one end of the body, descending into blocks. */
function trimEdge(root: ParentNode, end: 'start' | 'end'): void {
  for (;;) {
    const node = end === 'start' ? root.firstChild : root.lastChild;
    if (!node) return;
    // A <br> has no children: isEmpty takes it with the other empty elements.
    if (node.nodeType === 3 ? !node.textContent?.trim() : node.nodeType !== 1) {
      node.remove();
      continue;
    }
    if (node.nodeType !== 1) return; // text with words
    const element = node as Element;
    if (isEmpty(element)) {
      element.remove();
      continue;
    }
    if (BLOCK.has(element.tagName)) trimEdge(element, end);
    return;
  }
}

function normalize(text: string): string {
  return text
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}
