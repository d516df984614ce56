// "Search all of Smileband News": offered under a search that finds few stored stories, it asks the
// blog's own search and lists what it finds like any story, page by page.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '@/entrypoints/popup/Popup';
import type { StoryMeta } from '@/utils/feed/types';
import type { SearchReply } from '@/utils/platform/messages';
import { storiesItem } from '@/utils/storage';
import { atPageClock, storeStories, story } from '../support/page-test';
import { sendRequest } from '../support/messages-mock';

const openSidePanel = vi.hoisted(() => vi.fn(async () => {}));
vi.mock('@/utils/platform/browser-compat', async (original) => ({ ...(await original<object>()), openSidePanel }));

const stories = [
  story(1, { headline: 'Ceasefire talks resume in Doha' }),
  story(2, { headline: 'Bank of England holds rates' }),
  story(3, { headline: 'Starlink pours satellites into orbit' }),
];
/** Older posts the blog's search finds, stored by the worker as it answers. */
const archive = [
  // The blog matched its body: the headline says otherwise.
  story(40, { headline: 'Truce holds in the south', read: true, archived: true }),
  story(41, { headline: 'Border crossings reopen', read: true, archived: true }),
  // Its headline matches: once stored, the list above shows it.
  story(42, { headline: 'Ceasefire collapses after a week', read: true, archived: true }),
];

async function open() {
  await storeStories(stories);
  render(<Popup />);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
}
const search = (words: string) => fireEvent.input(screen.getByRole('searchbox'), { target: { value: words } });
const askButton = () => screen.findByRole('button', { name: 'Search all of Smileband News' });
const section = () => screen.getByRole('region', { name: 'Found on Smileband News' });
/** The worker's answer, once it has stored what it found. */
function answer(reply: Partial<SearchReply>, store: StoryMeta[] = []) {
  sendRequest.mockImplementationOnce(async () => {
    if (store.length) await storiesItem.setValue([...(await storiesItem.getValue()), ...store]);
    return { ids: [], total: 0, next: null, error: null, ...reply };
  });
}

describe('Search all of Smileband News', () => {
  atPageClock();

  it('is offered under a search with few stored matches, and says words are matched one by one', async () => {
    await open();
    expect(screen.queryByRole('button', { name: 'Search all of Smileband News' })).toBeNull();
    search('ceasefire');
    await askButton();
    expect(section().textContent).toContain('The site matches each word on its own, not as a phrase.');
    expect(sendRequest).not.toHaveBeenCalled();
  });

  it('asks the blog’s search and lists what it found, leaving out what the list above shows', async () => {
    await open();
    search('ceasefire');
    answer({ ids: [stories[0]!.id, archive[0]!.id, archive[2]!.id], total: 3, next: null }, [archive[0]!, archive[2]!]);
    fireEvent.click(await askButton());
    expect(sendRequest).toHaveBeenCalledWith({ type: 'search-blog', query: 'ceasefire', start: 1 });
    const found = await screen.findByRole('list', { name: 'Found on Smileband News' });
    await waitFor(() =>
      expect(
        within(found)
          .getAllByRole('listitem')
          .map((row) => row.querySelector('.headline')!.textContent),
      ).toEqual(['Truce holds in the south']),
    );
    const above = screen.getByRole('list', { name: /^Stories/ });
    expect(
      within(above)
        .getAllByRole('listitem')
        .map((row) => row.querySelector('.headline')!.textContent),
    ).toEqual(['Ceasefire talks resume in Doha', 'Ceasefire collapses after a week']);
    expect(section().textContent).toContain('3 found on Smileband News for “ceasefire”');
    // The last page: nothing more to ask.
    expect(screen.queryByRole('button', { name: 'More results' })).toBeNull();
    // A found story opens like any story: in the side panel.
    fireEvent.click(within(found).getByRole('link'));
    await waitFor(() => expect(openSidePanel).toHaveBeenCalledWith(`sidepanel.html?item=${archive[0]!.id}`, undefined));
  });

  it('pages on with More results, and a new search starts fresh', async () => {
    await open();
    search('convoys');
    answer({ ids: [archive[0]!.id], total: 2, next: 2 }, [archive[0]!]);
    fireEvent.click(await askButton());
    const more = await screen.findByRole('button', { name: 'More results' });
    answer({ ids: [archive[1]!.id], total: 2, next: null }, [archive[1]!]);
    fireEvent.click(more);
    expect(sendRequest).toHaveBeenLastCalledWith({ type: 'search-blog', query: 'convoys', start: 2 });
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Found on Smileband News' })).getAllByRole('listitem'),
      ).toHaveLength(2),
    );
    search('starlink orbit');
    await askButton();
    expect(screen.queryByRole('list', { name: 'Found on Smileband News' })).toBeNull();
  });

  it('says when the blog has nothing, when it fails, and when the site is given a rest', async () => {
    await open();
    search('zebra');
    answer({ ids: [], total: 0, next: null });
    fireEvent.click(await askButton());
    await waitFor(() => expect(section().textContent).toContain('Nothing on Smileband News matches “zebra”.'));
    search('zebras');
    answer({ ids: [], total: null, error: { kind: 'offline', message: 'x' } });
    fireEvent.click(await askButton());
    const alert = await within(section()).findByRole('alert');
    expect(alert.textContent).toBe('The site could not be searched: You are offline.');
    // Still offered, to try again.
    expect(await askButton()).toBeTruthy();
    answer({ ids: [], total: null, waitUntil: '2026-02-03T09:10:00.000Z' });
    fireEvent.click(await askButton());
    const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(Date.parse('2026-02-03T09:10:00Z'));
    await waitFor(() =>
      expect(within(section()).getByRole('status').textContent).toBe(
        `The site is being given a rest: search it after ${time}.`,
      ),
    );
  });

  it('leads a search that matches nothing stored: one message, the blog’s search first, Show all stories quieter', async () => {
    await open();
    search('zebra');
    const ask = await askButton();
    // One message: its title, then the way on, then the way out.
    const message = screen.getByText('No headlines match “zebra”.').parentElement!;
    const buttons = within(message).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Search all of Smileband News', 'Show all stories']);
    expect(buttons[0]).toBe(ask);
    expect(ask.className).toBe('primary');
    expect(buttons[1]!.className).toBe('quiet');
    expect(message.textContent).toContain('The site matches each word on its own, not as a phrase.');
    // What the blog finds is listed inside that message, under its title.
    answer({ ids: [archive[0]!.id], total: 1, next: null }, [archive[0]!]);
    fireEvent.click(ask);
    const found = await screen.findByRole('list', { name: 'Found on Smileband News' });
    expect(message.contains(found)).toBe(true);
    expect(message.textContent).toContain('1 found on Smileband News for “zebra”');
    fireEvent.click(within(message).getByRole('button', { name: 'Show all stories' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(4));
  });

  it('shows under each find whose headline does not match the text that did, with the words marked', async () => {
    await open();
    search('ceasefire');
    answer(
      {
        ids: [archive[0]!.id, archive[2]!.id],
        total: 2,
        next: null,
        snippets: { [archive[0]!.id]: '…both sides agreed a ceasefire on Sunday…' },
      },
      [archive[0]!, archive[2]!],
    );
    fireEvent.click(await askButton());
    const found = await screen.findByRole('list', { name: 'Found on Smileband News' });
    const row = await within(found).findByText('Truce holds in the south');
    const snippet = row.closest('li')!.querySelector('.snippet')!;
    expect(snippet.textContent).toBe('…both sides agreed a ceasefire on Sunday…');
    expect([...snippet.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['ceasefire']);
  });

  it('is not offered when the stored stories match enough, nor in the Saved view', async () => {
    const many = Array.from({ length: 6 }, (_, n) => story(n + 10, { headline: `Weather warning ${n}` }));
    await storeStories(many);
    render(<Popup />);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(6));
    search('weather');
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(6));
    expect(screen.queryByRole('button', { name: 'Search all of Smileband News' })).toBeNull();
    search('weather warning 1');
    await askButton();
    fireEvent.click(screen.getByRole('button', { name: /^Saved stories/ }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Search all of Smileband News' })).toBeNull());
  });
});
