import { browser } from 'wxt/browser';
import type { PollError } from '../feed/types';

/** Intents the pages send to the background worker, the only writer of storage. */
export type Request =
  /** `force`: ask even inside the server's Retry-After (the reader pressed Refresh again). */
  | { type: 'refresh'; force?: boolean }
  | { type: 'set-read'; ids: string[]; read: boolean }
  | { type: 'mark-all-read' }
  /** Saved for later or taken off the shelf. */
  | { type: 'set-saved'; ids: string[]; saved: boolean }
  /** Read story ids per feed URL, from an imported settings file. */
  | { type: 'import-read'; read: Record<string, string[]> }
  /** The next page of the blog's archive: all posts, or one label's. */
  | { type: 'older-stories'; label: string | null }
  /** One page of the blog's own search for `query`, from `start` (1-based). */
  | { type: 'search-blog'; query: string; start: number };

/** What an archive page brought. */
export interface OlderReply {
  /** Stories new to the store. */
  added: number;
  /** The oldest post is stored: nothing older to ask for. */
  done: boolean;
  error: PollError | null;
  /** Not asked: the site is given a rest until then (its Retry-After, or backoff after failures). */
  waitUntil?: string;
}

/** What a page of the blog's search found: stored like archive stories, listed in the blog's order. */
export interface SearchReply {
  ids: string[];
  /** How many posts match in all, when the blog says. */
  total: number | null;
  /** Where the next page starts, or null for the last. */
  next: number | null;
  error: PollError | null;
  /** Not asked: the site is given a rest until then. */
  waitUntil?: string;
  /** By id, for a find whose headline does not show the query's words: the text that matched. */
  snippets?: Record<string, string>;
}

export type Reply<R extends Request> = R extends { type: 'refresh' }
  ? /** `waitUntil`: not asked; the site asked for no request before then (ISO). */ {
      ok: boolean;
      error: string | null;
      added: number;
      waitUntil?: string;
    }
  : R extends { type: 'older-stories' }
    ? OlderReply
    : R extends { type: 'search-blog' }
      ? SearchReply
      : R extends { type: 'set-saved' }
        ? /** `full`: some were not saved, the shelf holding its limit. */ { changed: string[]; full: boolean }
        : { changed: string[] };

export function sendRequest<R extends Request>(request: R): Promise<Reply<R>> {
  return browser.runtime.sendMessage<R, Reply<R>>(request);
}

/** Told to every open page (not a request to the worker): the popup picked a story to show. */
export interface ShowStory {
  type: 'show-story';
  id: string;
}

export function isShowStory(message: unknown): message is ShowStory {
  const candidate = message as Partial<ShowStory> | null;
  return candidate?.type === 'show-story' && typeof candidate.id === 'string';
}

export function isRequest(message: unknown): message is Request {
  const type = (message as { type?: unknown } | null)?.type;
  return (
    type === 'refresh' ||
    type === 'set-read' ||
    type === 'mark-all-read' ||
    type === 'import-read' ||
    type === 'set-saved' ||
    type === 'older-stories' ||
    type === 'search-blog'
  );
}
