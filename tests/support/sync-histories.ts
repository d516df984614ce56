// Generated histories of two to four browsers sharing read and saved marks through one storage.sync
// area, for the property tests of utils/stories/read-sync.ts. Each browser holds its own window of one blog's posts
// (a newer install holds fewer, a browser that pages the archive holds older ones that arrived read),
// its reader reads, unreads, saves and marks all read, it goes offline and comes back, and its clock
// runs up to a day off. What the reader did is logged, so the properties can be checked against it.
import fc from 'fast-check';
import type { StoryMeta } from '@/utils/feed/types';
import { asStored, postItem } from './stories';

/** The sync model under test: the pure steps the worker's glue takes (entrypoints/background/sync.ts). */
export interface SyncModel<Doc> {
  empty: Doc;
  /** The reader marked stories here, at `now` on this browser's clock. */
  mark(doc: Doc, kind: 'read' | 'saved', ids: string[], on: boolean, now: number): Doc;
  /** Applies the local copy to stories that a poll brought in. */
  apply(stories: StoryMeta[], doc: Doc, now: number): StoryMeta[];
  /** One exchange with storage.sync: what to write there (null: nothing), the new local copy and stories. */
  exchange(
    local: Doc,
    remote: Record<string, unknown>,
    stories: StoryMeta[],
    now: number,
  ): { items: Record<string, string> | null; local: Doc; stories: StoryMeta[] };
}

export type Step =
  | { kind: 'tick'; minutes: number }
  | { kind: 'publish'; count: number }
  | { kind: 'poll'; browser: number }
  | { kind: 'archive'; browser: number; count: number }
  | { kind: 'read'; browser: number; pick: number; on: boolean }
  | { kind: 'save'; browser: number; pick: number; on: boolean }
  | { kind: 'markAll'; browser: number }
  | { kind: 'online'; browser: number; on: boolean }
  | { kind: 'sync'; browser: number };

export interface History {
  browsers: { window: number; skewMinutes: number }[];
  steps: Step[];
}

const HOUR = 3600e3;
const START = Date.UTC(2026, 5, 1);
/** Posts the blog has before the history starts. */
const BACKLOG = 40;

export function postId(n: number): string {
  return `tag:blogger.com,1999:blog-4412077813695013120.post-${7_000_000 + n}`;
}

function post(n: number, archived: boolean): StoryMeta {
  const published = new Date(START - (BACKLOG - n) * HOUR).toISOString();
  return asStored(postItem(n, published, { id: postId(n) }), archived ? { read: true, archived: true } : {});
}

export const histories = (maxSteps = 60): fc.Arbitrary<History> =>
  fc.integer({ min: 2, max: 4 }).chain((count) =>
    fc.record({
      browsers: fc.array(
        fc.record({
          window: fc.integer({ min: 3, max: 25 }),
          skewMinutes: fc.integer({ min: -24 * 60, max: 24 * 60 }),
        }),
        { minLength: count, maxLength: count },
      ),
      steps: fc.array(step(count), { maxLength: maxSteps }),
    }),
  );

function step(count: number): fc.Arbitrary<Step> {
  const browser = fc.integer({ min: 0, max: count - 1 });
  return fc.oneof(
    {
      arbitrary: fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 36 * 60 }) }),
      weight: 3,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('publish' as const), count: fc.integer({ min: 1, max: 6 }) }),
      weight: 2,
    },
    { arbitrary: fc.record({ kind: fc.constant('poll' as const), browser }), weight: 3 },
    {
      arbitrary: fc.record({ kind: fc.constant('archive' as const), browser, count: fc.integer({ min: 1, max: 30 }) }),
      weight: 1,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('read' as const), browser, pick: fc.nat(), on: fc.boolean() }),
      weight: 6,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('save' as const), browser, pick: fc.nat(), on: fc.boolean() }),
      weight: 2,
    },
    { arbitrary: fc.record({ kind: fc.constant('markAll' as const), browser }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('online' as const), browser, on: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('sync' as const), browser }), weight: 5 },
  );
}

/** What one reader did to one story: read or saved, on or off, at a browser's clock, and where. */
export interface ReaderEvent {
  kind: 'read' | 'saved';
  id: string;
  on: boolean;
  /** The mark's time as its browser's clock gave it (seconds are what the document keeps). */
  at: number;
  browser: number;
}

export interface Browser<Doc> {
  stories: StoryMeta[];
  doc: Doc;
  online: boolean;
  skew: number;
  /** Ids that arrived read here without the reader (archive pages). */
  arrivedRead: Set<string>;
  oldest: number;
}

export interface Outcome<Doc> {
  browsers: Browser<Doc>[];
  events: ReaderEvent[];
  remote: Record<string, unknown>;
  now: number;
}

/**
 * Runs a history, then brings every browser online and lets each exchange twice with storage.sync
 * (after a day and a half, so every mark has settled and every clock has passed every mark).
 */
export function runHistory<Doc>(model: SyncModel<Doc>, history: History): Outcome<Doc> {
  let newest = BACKLOG;
  let now = START;
  let remote: Record<string, unknown> = {};
  const events: ReaderEvent[] = [];
  const browsers: Browser<Doc>[] = history.browsers.map((spec) => {
    const oldest = Math.max(1, newest - spec.window + 1);
    const stories: StoryMeta[] = [];
    for (let n = newest; n >= oldest; n--) stories.push(post(n, false));
    return { stories, doc: model.empty, online: true, skew: spec.skewMinutes * 60e3, arrivedRead: new Set(), oldest };
  });
  const clock = (b: Browser<Doc>) => now + b.skew;
  const poll = (b: Browser<Doc>) => {
    const held = new Set(b.stories.map((story) => story.id));
    const fresh: StoryMeta[] = [];
    for (let n = newest; n > newest - 25 && n >= 1; n--) if (!held.has(postId(n))) fresh.push(post(n, false));
    if (fresh.length) b.stories = model.apply(sortNewest([...fresh, ...b.stories]), b.doc, clock(b));
  };
  const exchange = (b: Browser<Doc>) => {
    if (!b.online) return;
    const result = model.exchange(b.doc, remote, b.stories, clock(b));
    if (result.items) remote = { ...result.items };
    b.doc = result.local;
    b.stories = result.stories;
  };
  const mark = (b: Browser<Doc>, index: number, kind: 'read' | 'saved', ids: string[], on: boolean) => {
    if (!ids.length) return;
    const at = clock(b);
    b.doc = model.mark(b.doc, kind, ids, on, at);
    for (const id of ids) events.push({ kind, id, on, at, browser: index });
    // A reader acts a second apart at least: within one browser the later act is the last word.
    now += 1000;
  };
  for (const step of history.steps) {
    if (step.kind === 'tick') now += step.minutes * 60e3;
    else if (step.kind === 'publish') newest += step.count;
    else {
      const b = browsers[step.browser]!;
      if (step.kind === 'poll') poll(b);
      else if (step.kind === 'sync') exchange(b);
      else if (step.kind === 'online') b.online = step.on;
      else if (step.kind === 'archive') {
        const older: StoryMeta[] = [];
        for (let n = b.oldest - 1; n >= Math.max(1, b.oldest - step.count); n--) {
          older.push(post(n, true));
          b.arrivedRead.add(postId(n));
        }
        b.oldest = Math.max(1, b.oldest - step.count);
        b.stories = model.apply(sortNewest([...b.stories, ...older]), b.doc, clock(b));
      } else if (step.kind === 'markAll') {
        const ids = b.stories.filter((story) => !story.read).map((story) => story.id);
        b.stories = b.stories.map((story) => (story.read ? story : { ...story, read: true }));
        mark(b, step.browser, 'read', ids, true);
      } else {
        const story = b.stories[step.pick % b.stories.length];
        if (!story) continue;
        if (step.kind === 'read' && story.read !== step.on) {
          b.stories = b.stories.map((s) => (s === story ? { ...s, read: step.on } : s));
          mark(b, step.browser, 'read', [story.id], step.on);
        } else if (step.kind === 'save' && Boolean(story.saved) !== step.on) {
          b.stories = b.stories.map((s) => {
            if (s !== story) return s;
            const next = { ...s };
            if (step.on) next.saved = new Date(clock(b)).toISOString();
            else delete next.saved;
            return next;
          });
          mark(b, step.browser, 'saved', [story.id], step.on);
        }
      }
    }
  }
  now += 36 * HOUR;
  for (const b of browsers) b.online = true;
  for (let round = 0; round < 2; round++) for (const b of browsers) exchange(b);
  return { browsers, events, remote, now };
}

function sortNewest(stories: StoryMeta[]): StoryMeta[] {
  return stories.sort((a, b) => b.published.localeCompare(a.published));
}

/** The reader's last word on a story (by the mark's time in whole seconds; a tie keeps read/saved). */
export function latestWord(events: readonly ReaderEvent[], kind: 'read' | 'saved', id: string): boolean | undefined {
  let best: ReaderEvent | undefined;
  for (const event of events) {
    if (event.kind !== kind || event.id !== id) continue;
    const seconds = Math.floor(event.at / 1000);
    const bestSeconds = best ? Math.floor(best.at / 1000) : -Infinity;
    if (!best || seconds > bestSeconds || (seconds === bestSeconds && event.on)) best = event;
  }
  return best?.on;
}
