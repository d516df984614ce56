import { fold } from '../stories/story-rules';
import type { StoryMeta } from '../feed/types';
import { remember } from './remember';

export interface StoryFilter {
  query: string;
  unreadOnly: boolean;
  /** Only stories with this label (as the feed writes it); null for every label. */
  label: string | null;
  /** The Saved view: only saved stories, the most recently saved first. */
  saved: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The query's words, folded. */
export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** Where `word` starts a word of `text` (both folded): "rate" is in "Rates", not in "Strategy". */
function startsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1]!)) return true;
  }
  return false;
}

// A story's searchable text folded once, not on every keystroke: the list's stories are the same
// objects from one keystroke to the next (a story read anew from storage is a new object).
const haystacks = new WeakMap<StoryMeta, string>();
const haystack = (story: StoryMeta) =>
  remember(haystacks, story, () => fold(`${story.headline} ${story.labels.join(' ')}`));

/**
 * Stories whose headline or labels have every word of the query at a word start (and unread, with
 * the label, and saved, if asked), and those in `keep` whatever they are (the side panel keeps the
 * stories it showed, which it marked read, in its previous/next). Saved stories come most recently
 * saved first; otherwise the order is the list's.
 */
export function filterStories(
  stories: readonly StoryMeta[],
  { query, unreadOnly, label, saved }: StoryFilter,
  keep?: ReadonlySet<string>,
): readonly StoryMeta[] {
  const words = queryWords(query);
  if (!words.length && !unreadOnly && label === null && !saved) return stories;
  const found = stories.filter((story) => {
    if (keep?.has(story.id)) return true;
    if (saved && !story.saved) return false;
    if (unreadOnly && story.read) return false;
    if (label !== null && !story.labels.includes(label)) return false;
    if (!words.length) return true;
    const text = haystack(story);
    return words.every((word) => startsWord(text, word));
  });
  // A kept story the reader unsaved meanwhile goes last.
  return saved ? found.sort((a, b) => (b.saved ?? '').localeCompare(a.saved ?? '')) : found;
}

/**
 * The parts of `text` the query's words match at word starts, as [start, end) offsets into `text`
 * itself (folding may change lengths, so it is done a character at a time), merged and in order.
 */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
  if (!words.length) return [];
  const { folded, origin } = remember(foldings, text, () => foldAt(text));
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      if (at === 0 || !WORD_CHAR.test(folded[at - 1]!)) ranges.push([origin[at]!, origin[at + word.length]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

// The rows shown fold the same headlines and labels on every keystroke: each once (a list's worth).
const foldings = new Map<string, { folded: string; origin: number[] }>();

/** `text` folded a character at a time, with origin[i] the offset in `text` of folded[i] (one more at the end). */
function foldAt(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let at = 0; at < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(at)!);
    const part = fold(char);
    for (let i = 0; i < part.length; i++) origin.push(at);
    folded += part;
    at += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}
