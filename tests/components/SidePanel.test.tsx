import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '@/entrypoints/sidepanel/SidePanel';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { bodyKey, pollStatusItem, settingsItem, storiesItem } from '@/utils/storage';
import { atPageClock, NOW, storeStories, story } from '../support/page-test';
import { updatedStatus } from '../support/stories';
import { sendRequest } from '../support/messages-mock';

const ok = updatedStatus(NOW, 5);
const stories = [1, 2, 3].map((n) => story(n, { headline: `Story number ${n}`, read: n === 2 }));
const rows = () => within(screen.getByRole('list', { name: /Stories|shown/ })).getAllByRole('listitem');

describe('SidePanel list home', () => {
  atPageClock();

  it('is a full home for reading: status, Refresh, search, Unread only, and the stories', async () => {
    await storeStories(stories);
    render(<SidePanel itemId={null} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('status').textContent).toBe('Updated 5 minutes ago');
    // The count is the whole index's, read after the first frame.
    expect(await screen.findByText('2 unread', { selector: '.count' })).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'number 3' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unread only' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(sendRequest).toHaveBeenCalledWith({ type: 'refresh' });
  });

  it('paints the newest stories from the index’s head, before the whole index (a thousand stories) is read', async () => {
    await storeStories(stories);
    const read = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    // The whole index never answers: what shows comes from the head.
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((keys) =>
      [keys].flat().includes('stories') ? new Promise(() => {}) : read(keys),
    );
    render(<SidePanel itemId={null} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('status').textContent).toBe('Updated 5 minutes ago');
  });

  it('shows the list of a label’s stories from a label in a story, keeping the search', async () => {
    const labelled = stories.map((story, i) => ({ ...story, labels: i === 1 ? ['Weather'] : ['UK'] }));
    await storeStories(labelled);
    localStorage.setItem(
      'smileband-news:list-filter',
      JSON.stringify({ query: 'story', unreadOnly: false, label: null }),
    );
    render(<SidePanel itemId="post-1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'UK' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows().map((row) => row.querySelector('.headline')!.textContent)).toEqual([
      'Story number 1',
      'Story number 3',
    ]);
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search' }).value).toBe('story');
    expect(
      within(screen.getByRole('toolbar', { name: 'Labels' }))
        .getAllByRole('button')[0]!
        .getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('opens a story from its list in place; Escape goes back with focus on its row', async () => {
    await storeStories(stories);
    await fakeBrowser.storage.local.set({ [bodyKey('post-3').replace('local:', '')]: '<p>The third body.</p>' });
    render(<SidePanel itemId={null} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(within(rows()[2]!).getByRole('link'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Story number 3' })).toBeTruthy();
    await screen.findByText('The third body.');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(document.activeElement).toBe(within(rows()[2]!).getByRole('link'));
  });

  it('finds the row to focus again whatever its link holds', async () => {
    // A URL keeps a backslash in its query: never part of a selector here.
    const odd = stories.map((story, i) =>
      i === 1 ? { ...story, link: 'https://www.smileband.co.uk/?q="x"\\' } : story,
    );
    await storeStories(odd);
    render(<SidePanel itemId={null} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(within(rows()[1]!).getByRole('link'));
    await screen.findByRole('heading', { level: 1, name: 'Story number 2' });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(document.activeElement).toBe(within(rows()[1]!).getByRole('link'));
  });

  it('says what failed on a first run that cannot reach the site, and retries', async () => {
    await storiesItem.setValue([]);
    await pollStatusItem.setValue({
      ...ok,
      lastSuccessAt: null,
      error: {
        kind: 'network',
        host: 'www.smileband.co.uk',
        message: 'Could not reach www.smileband.co.uk.',
        at: ok.lastAttemptAt!,
      },
    });
    render(<SidePanel itemId={null} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not reach www.smileband.co.uk.');
    expect(screen.getAllByText(/Could not reach/)).toHaveLength(1);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(sendRequest).toHaveBeenCalledWith({ type: 'refresh' });
  });
});

describe('SidePanel story toolbar', () => {
  beforeEach(async () => {
    await storeStories(stories);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const toolbar = () => within(screen.getByRole('navigation', { name: 'Story navigation' }));

  it('shows where the story is, the way to the original and a copy of its link, at the top', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<SidePanel itemId="post-2" />);
    await screen.findByRole('heading', { level: 1, name: 'Story number 2' });
    expect(toolbar().getByText('2 of 3')).toBeTruthy();
    expect(toolbar().getByRole('link', { name: 'Open original' }).getAttribute('href')).toBe(
      'https://www.smileband.co.uk/2.html',
    );
    fireEvent.click(toolbar().getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith('https://www.smileband.co.uk/2.html');
    await waitFor(() => expect(toolbar().getByRole('status').textContent).toBe('Link copied'));
  });

  it('says in the position’s tooltip what the count counts: a label’s stories, or the list as filtered', async () => {
    const { unmount } = render(<SidePanel itemId="post-2" />);
    await screen.findByRole('heading', { level: 1, name: 'Story number 2' });
    expect(toolbar().getByText('2 of 3').getAttribute('title')).toBeNull();
    unmount();
    localStorage.setItem('smileband-news:list-filter', JSON.stringify({ query: '', unreadOnly: false, label: 'UK' }));
    const labelled = render(<SidePanel itemId="post-2" />);
    await screen.findByRole('heading', { level: 1, name: 'Story number 2' });
    expect(toolbar().getByText('2 of 3').getAttribute('title')).toBe(
      'Story 2 of the 3 labelled “UK”, as you last filtered the list',
    );
    labelled.unmount();
    localStorage.setItem(
      'smileband-news:list-filter',
      JSON.stringify({ query: 'story', unreadOnly: false, label: null }),
    );
    render(<SidePanel itemId="post-2" />);
    await screen.findByRole('heading', { level: 1, name: 'Story number 2' });
    expect(toolbar().getByText('2 of 3').getAttribute('title')).toBe(
      'Story 2 of the 3 in the list as you last filtered it',
    );
  });

  it('shows the story at its first render when the early reads have come before the panel’s code', () => {
    const body = '<p>Dear readers, sponsored by Smileband,</p><p>The whole story, at once.</p>';
    window.smilebandEarlyReads = {
      answer: Promise.resolve({}),
      waiting: new Set(['stories', bodyKey('post-3').slice('local:'.length)]),
      values: { stories, [bodyKey('post-3').slice('local:'.length)]: body },
    };
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      render(<SidePanel itemId="post-3" />);
      // No await: nothing read, no "Loading" first.
      expect(screen.getByRole('heading', { level: 1, name: 'Story number 3' })).toBeTruthy();
      expect(screen.getByText('The whole story, at once.')).toBeTruthy();
      // What came early is not read again.
      const asked = get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]));
      expect(asked).not.toContain('stories');
      expect(asked).not.toContain(bodyKey('post-3').slice('local:'.length));
    } finally {
      get.mockRestore();
      delete window.smilebandEarlyReads;
    }
  });

  it('marks the story it opens read, once its first frame is on screen', async () => {
    render(<SidePanel itemId="post-3" />);
    await screen.findByRole('heading', { level: 1, name: 'Story number 3' });
    await waitFor(() => expect(sendRequest).toHaveBeenCalledWith({ type: 'set-read', ids: ['post-3'], read: true }));
    expect(sendRequest).toHaveBeenCalledTimes(1);
  });

  it('marks the story unread again, and read again', async () => {
    render(<SidePanel itemId="post-2" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark as unread' }));
    expect(sendRequest).toHaveBeenCalledWith({ type: 'set-read', ids: ['post-2'], read: false });
    await storiesItem.setValue(stories.map((story) => (story.id === 'post-2' ? { ...story, read: false } : story)));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark as read' }));
    expect(sendRequest).toHaveBeenLastCalledWith({ type: 'set-read', ids: ['post-2'], read: true });
  });

  it('steps through the list as the reader last filtered it, keeping the stories it showed', async () => {
    // Unread only, as the popup left it: story 2 is read, so 1 → 3.
    localStorage.setItem('smileband-news:list-filter', JSON.stringify({ query: '', unreadOnly: true }));
    render(<SidePanel itemId="post-1" />);
    await screen.findByRole('heading', { level: 1, name: 'Story number 1' });
    expect(toolbar().getByText('1 of 2')).toBeTruthy();
    // Opening marks story 1 read; it stays in the sequence, so Previous comes back to it.
    await storiesItem.setValue(stories.map((story) => (story.id === 'post-1' ? { ...story, read: true } : story)));
    fireEvent.click(toolbar().getByRole('button', { name: 'Next story' }));
    await screen.findByRole('heading', { level: 1, name: 'Story number 3' });
    expect(toolbar().getByText('2 of 2')).toBeTruthy();
    expect(toolbar().getByRole('button', { name: 'Next story' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(toolbar().getByRole('button', { name: 'Previous story' }));
    await screen.findByRole('heading', { level: 1, name: 'Story number 1' });
  });

  it('keeps the address on the story shown, and leaves the address it opened with alone', async () => {
    history.replaceState(null, '', '/sidepanel.html?item=post-1');
    const replace = vi.spyOn(history, 'replaceState');
    try {
      render(<SidePanel itemId="post-1" />);
      await screen.findByRole('heading', { level: 1, name: 'Story number 1' });
      // Already right: a history call on the first frame would cost it half a millisecond.
      expect(replace).not.toHaveBeenCalled();
      fireEvent.click(toolbar().getByRole('button', { name: 'Next story' }));
      await screen.findByRole('heading', { level: 1, name: 'Story number 2' });
      // A reload shows the story the reader moved to.
      expect(location.search).toBe('?item=post-2');
      expect(replace).toHaveBeenCalledTimes(1);
    } finally {
      replace.mockRestore();
      history.replaceState(null, '', '/');
    }
  });

  it('steps past the stories the reader’s rules hide', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, keywordRules: [{ words: 'number 2', action: 'hide' }] });
    render(<SidePanel itemId="post-1" />);
    await screen.findByRole('heading', { level: 1, name: 'Story number 1' });
    fireEvent.click(toolbar().getByRole('button', { name: 'Next story' }));
    await screen.findByRole('heading', { level: 1, name: 'Story number 3' });
    fireEvent.click(toolbar().getByRole('button', { name: 'Previous story' }));
    await screen.findByRole('heading', { level: 1, name: 'Story number 1' });
  });
});
