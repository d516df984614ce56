// Marking many stories read as the reader reads: rows scrolled past (the reader's option), and
// Mark older as read on a row (its button, Shift+M); each batch one intent, with Undo.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/entrypoints/popup/Popup';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { settingsItem } from '@/utils/storage';
import { atPageClock, storeStories, story } from '../support/page-test';
import { sendRequest } from '../support/messages-mock';

const stories = [1, 2, 3, 4, 5].map((n) => story(n, { headline: `Story number ${n}`, read: n === 3 }));
const rows = () => within(screen.getByRole('list', { name: /Stories/ })).getAllByRole('listitem');
const setRead = () => vi.mocked(sendRequest).mock.calls.filter(([request]) => request.type === 'set-read');

/** The page's IntersectionObserver, driven by the test: what a scroll would report. */
let observers: { callback: IntersectionObserverCallback; watched: Set<Element> }[] = [];
class FakeObserver {
  watched = new Set<Element>();
  constructor(readonly callback: IntersectionObserverCallback) {
    observers.push(this);
  }
  observe(element: Element) {
    this.watched.add(element);
  }
  disconnect() {
    this.watched.clear();
  }
}
/** Reports rows as a scroll would: whole on screen, then gone above its top (or below its bottom). */
function report(row: Element, where: 'whole' | 'above' | 'below') {
  const watcher = observers.find((each) => each.watched.has(row))!;
  const entry = {
    target: row,
    intersectionRatio: where === 'whole' ? 1 : 0,
    isIntersecting: where === 'whole',
    boundingClientRect: { top: where === 'above' ? -80 : 700, bottom: where === 'above' ? -10 : 770, height: 70 },
    rootBounds: { top: 0 },
  } as unknown as IntersectionObserverEntry;
  watcher.callback([entry], watcher as unknown as IntersectionObserver);
}

async function open(markOnScroll: boolean) {
  await storeStories(stories);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, markOnScroll });
  render(<Popup />);
  await waitFor(() => expect(rows()).toHaveLength(5));
}

describe('read as you scroll', () => {
  atPageClock();
  beforeEach(() => {
    observers = [];
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('marks read, in one intent, the unread rows that were on screen whole and left it upward; Undo takes them back', async () => {
    await open(true);
    await waitFor(() => expect(observers.some((each) => each.watched.size === 5)).toBe(true));
    const [first, second, third, fourth] = rows();
    for (const row of [first!, second!, third!]) report(row, 'whole');
    // Scrolled past: the first three (the third already read); the fourth was never on screen whole.
    for (const row of [first!, second!, third!, fourth!]) report(row, 'above');
    // The fifth went off the bottom, not the top.
    report(rows()[4]!, 'whole');
    report(rows()[4]!, 'below');
    await waitFor(() => expect(setRead()).toEqual([[{ type: 'set-read', ids: ['post-1', 'post-2'], read: true }]]));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(setRead().at(-1)).toEqual([{ type: 'set-read', ids: ['post-1', 'post-2'], read: false }]);
  });

  it('marks nothing with the option off (its default)', async () => {
    await open(false);
    expect(observers.filter((each) => each.watched.size > 0)).toEqual([]);
  });
});

describe('Mark older as read', () => {
  atPageClock();

  it('marks the unread stories below a row read, from its button or Shift+M, with Undo', async () => {
    await open(false);
    fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Mark older as read' }));
    // Below the second: the third is read already.
    expect(setRead()).toEqual([[{ type: 'set-read', ids: ['post-4', 'post-5'], read: true }]]);
    expect((await screen.findByText(/^Marked/)).textContent).toBe('Marked 2 stories read.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(setRead().at(-1)).toEqual([{ type: 'set-read', ids: ['post-4', 'post-5'], read: false }]);
    // Shift+M on the focused row.
    const link = within(rows()[3]!).getByRole('link');
    fireEvent.focus(link);
    fireEvent.keyDown(link, { key: 'M', shiftKey: true });
    expect(setRead().at(-1)).toEqual([{ type: 'set-read', ids: ['post-5'], read: true }]);
  });
});
