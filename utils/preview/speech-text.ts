// What Listen reads of a story, one sentence per utterance: Chrome's Google voices stop after about
// 15 seconds of one utterance, and a sentence is what the reader follows, skips and goes back by.
import { CREDIT_LINE } from '../feed/credit-line';

/** Abbreviations a sentence does not end on (English and German, lower case, without the dot). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st sr jr nr vs etc approx est dept inc ltd corp co gov sen rep gen col lt sgt capt mt ft ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun ' +
    'bzw ca mio mrd tsd usw ggf vgl evtl inkl sog str hr fr abs ff'
  ).split(' '),
);
/** The last word of a piece before its closing dot: "Dr." gives "dr", "U.S." gives "s". */
const LAST_WORD = /(\p{L}+)\.\s*$/u;

/**
 * The sentences of `text` as [start, end) offsets, surrounding space left out: the browser's own
 * sentence breaks in `locale`, joined again after an abbreviation ("Mr.", "U.S.", "z. B.", "Mio.").
 */
export function sentenceSpans(text: string, locale: string): [number, number][] {
  const spans: [number, number][] = [];
  let joinNext = false;
  for (const { segment, index } of new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text)) {
    const start = index + (segment.length - segment.trimStart().length);
    const end = index + segment.trimEnd().length;
    if (end > start) {
      const last = spans[spans.length - 1];
      if (joinNext && last) last[1] = end;
      else spans.push([start, end]);
    }
    const word = LAST_WORD.exec(segment)?.[1];
    joinNext = !!word && (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()));
  }
  return spans;
}

/** A place in the page's text: a text node and an offset in it. */
export interface TextPoint {
  node: Text;
  offset: number;
}

export interface SpokenSentence {
  text: string;
  start: TextPoint;
  end: TextPoint;
}

// Text in these is never read: a picture's caption (its credit, mostly) and what is not prose.
const SKIPPED = 'figcaption, .tr-caption, script, style, noscript, template, svg, math, button';
// A break between these is a break between sentences, whatever the punctuation.
const BLOCKS = new Set(
  'P DIV LI UL OL H1 H2 H3 H4 H5 H6 BLOCKQUOTE PRE TD TH TR TABLE FIGURE SECTION ARTICLE HEADER DD DT BR HR'.split(' '),
);

/**
 * The sentences of the story as the reader sees it (`root`, the cleaned body), each with the text
 * it covers on the page, so it can be marked while it is read. Captions and credit lines are left
 * out; every block (paragraph, heading, list item) starts a new sentence.
 */
export function spokenSentences(root: Element, locale: string): SpokenSentence[] {
  const sentences: SpokenSentence[] = [];
  for (const run of textRuns(root)) {
    const text = run.map((point) => point.node.data).join('');
    if (CREDIT_LINE.test(text.trim())) continue;
    for (const [start, end] of sentenceSpans(text, locale)) {
      sentences.push({
        text: text.slice(start, end).replace(/\s+/g, ' '),
        start: pointAt(run, start),
        end: pointAt(run, end),
      });
    }
  }
  return sentences;
}

/** The text nodes of each block, in order, with where each starts in its block's text. */
function textRuns(root: Element): TextPoint[][] {
  const runs: TextPoint[][] = [];
  let run: TextPoint[] = [];
  let length = 0;
  let lastBlock: Node | null = null;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node instanceof Element && node.matches(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node instanceof Element ? (BLOCKS.has(node.tagName) ? node : null) : blockOf(node, root);
    if (block !== null && block !== lastBlock) {
      if (run.length) runs.push(run);
      run = [];
      length = 0;
      lastBlock = block;
    }
    if (node instanceof Text && node.data) {
      run.push({ node, offset: length });
      length += node.data.length;
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** The nearest block around a text node (the root itself for loose text). */
function blockOf(node: Node, root: Element): Node {
  let parent = node.parentNode;
  while (parent && parent !== root && !(parent instanceof Element && BLOCKS.has(parent.tagName))) {
    parent = parent.parentNode;
  }
  return parent ?? root;
}

/** The text node and offset of `at`, an offset into the run's joined text. */
function pointAt(run: readonly TextPoint[], at: number): TextPoint {
  let index = run.length - 1;
  while (index > 0 && run[index]!.offset > at) index--;
  // An end at a node's very end stays in that node, not at the start of the next.
  if (index > 0 && run[index]!.offset === at) index--;
  const point = run[index]!;
  return { node: point.node, offset: at - point.offset };
}
