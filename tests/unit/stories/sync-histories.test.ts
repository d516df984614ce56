// The properties the shared document keeps (utils/stories/read-sync.ts), checked on generated
// histories of two to four browsers. CI runs a fixed seed; FC_SEED=… runs another, and a failure
// prints its seed and the shrunk history to replay.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySync,
  EMPTY_SYNC,
  mergeSync,
  syncRound,
  syncTime,
  toText,
  withMarks,
  type Mark,
  type SyncState,
} from '@/utils/stories/read-sync';
import { histories, latestWord, runHistory, type SyncModel } from '../../support/sync-histories';

/** The worker's steps: noteMarks, the poll's applySync, pushSync/pullSync (all through syncRound). */
const model: SyncModel<SyncState> = {
  empty: EMPTY_SYNC,
  mark: (doc, kind, ids, on, now) => withMarks(doc, kind, ids, on, syncTime(now)),
  apply: (stories, doc) => applySync(stories, doc),
  exchange: (local, remote, stories, now) => syncRound(local, remote, stories, now),
};

const SEED = Number(process.env.FC_SEED ?? 20261207);
const RUNS = { seed: SEED, numRuns: 300 };

const mark: fc.Arbitrary<Mark> = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 }));
const marks = fc.array(fc.tuple(fc.constantFrom('aaaaaaaa', 'bbbbbbbb', 'cccccccc', 'dddddddd'), mark), {
  maxLength: 6,
});
const docs: fc.Arbitrary<SyncState> = fc.record({ read: marks, saved: marks }).map(({ read, saved }) => ({
  read: new Map(read),
  saved: new Map(saved),
}));
const same = (a: SyncState, b: SyncState) => expect(toText(a)).toBe(toText(b));

describe('merging two browsers’ documents', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(docs, docs, docs, (a, b, c) => {
        same(mergeSync(a, b), mergeSync(b, a));
        same(mergeSync(mergeSync(a, b), c), mergeSync(a, mergeSync(b, c)));
        same(mergeSync(a, a), a);
        same(mergeSync(mergeSync(a, b), b), mergeSync(a, b));
      }),
      RUNS,
    );
  });
});

describe('histories of browsers sharing marks', () => {
  it('never shows a story read in a browser unless the reader read it somewhere, or it arrived read there', () => {
    fc.assert(
      fc.property(histories(), (history) => {
        const { browsers, events } = runHistory(model, history);
        const readSomewhere = new Set(events.filter((e) => e.kind === 'read' && e.on).map((e) => e.id));
        for (const b of browsers)
          for (const story of b.stories)
            if (story.read) expect(readSomewhere.has(story.id) || b.arrivedRead.has(story.id)).toBe(true);
      }),
      RUNS,
    );
  });

  it('shows every browser the reader’s last word on each story it holds, read and saved', () => {
    fc.assert(
      fc.property(histories(), (history) => {
        const { browsers, events } = runHistory(model, history);
        for (const b of browsers)
          for (const story of b.stories) {
            const read = latestWord(events, 'read', story.id);
            if (read !== undefined) expect(story.read).toBe(read);
            const saved = latestWord(events, 'saved', story.id);
            if (saved !== undefined) expect(Boolean(story.saved)).toBe(saved);
          }
      }),
      RUNS,
    );
  });

  it('never brings back unread a story the reader read, in the browser that read it, unless unread later', () => {
    fc.assert(
      fc.property(histories(), (history) => {
        const { browsers, events } = runHistory(model, history);
        browsers.forEach((b, index) => {
          for (const story of b.stories) {
            const last = events.findLast((e) => e.kind === 'read' && e.id === story.id && e.browser === index);
            const laterElsewhere = events.some(
              (e) => e.kind === 'read' && e.id === story.id && !e.on && last && e.at > last.at,
            );
            if (last?.on && !laterElsewhere) expect(story.read).toBe(true);
          }
        });
      }),
      RUNS,
    );
  });

  it('agrees in every browser once all have exchanged: one document, the same marks everywhere', () => {
    fc.assert(
      fc.property(histories(), (history) => {
        const { browsers } = runHistory(model, history);
        const texts = new Set(browsers.map((b) => toText(b.doc)));
        expect(texts.size).toBe(1);
      }),
      RUNS,
    );
  });
});
