// "Older stories" at the end of the popup's and the side panel's lists: the next page of the blog's
// archive on request, what it brought, the end, a failure, and the site's rest said in words.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Popup } from '@/entrypoints/popup/Popup';
import { SidePanel } from '@/entrypoints/sidepanel/SidePanel';
import type { OlderReply } from '@/utils/platform/messages';
import { atPageClock, storeStories, story } from '../support/page-test';
import { sendRequest } from '../support/messages-mock';

const stories = [
  story(1, { headline: 'Story 1', labels: ['UK'] }),
  story(2, { headline: 'Story 2', labels: ['Space'] }),
  story(3, { headline: 'Story 3', labels: ['UK'], read: true }),
];

async function open(page: 'popup' | 'panel' = 'popup') {
  await storeStories(stories);
  render(page === 'popup' ? <Popup /> : <SidePanel itemId={null} />);
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
  // Loaded on use: it follows the list.
  await screen.findByRole('button', { name: /older stories/i });
}
const older = () => screen.getByRole('button', { name: /older stories/i });
const none = () => screen.queryByRole('button', { name: /older stories/i });
/** What the last press brought, as the end of the list says it. */
const said = () => within(document.querySelector<HTMLElement>('.older-stories')!).findByRole(/status|alert/);
const answer = (reply: Partial<OlderReply>) =>
  sendRequest.mockResolvedValueOnce({ added: 0, done: false, error: null, ...reply });

describe('Older stories', () => {
  atPageClock();

  it('sits after the last story and asks the worker for the next page, saying what came', async () => {
    await open();
    const list = screen.getByRole('list', { name: 'Stories' });
    // After the list, inside what scrolls: the reader meets it at the end.
    expect(list.compareDocumentPosition(older()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(older().closest('.list-scroll')).toBe(list.closest('.list-scroll'));
    let reply!: (value: OlderReply) => void;
    sendRequest.mockReturnValueOnce(new Promise((resolve) => (reply = resolve)));
    fireEvent.click(older());
    expect(sendRequest).toHaveBeenCalledWith({ type: 'older-stories', label: null });
    // On its way: one press at a time.
    await waitFor(() => expect(older().textContent).toBe('Loading older stories…'));
    expect((older() as HTMLButtonElement).disabled).toBe(true);
    expect(older().getAttribute('aria-busy')).toBe('true');
    reply({ added: 100, done: false, error: null });
    expect((await said()).textContent).toBe('100 older stories added, marked read.');
    expect((older() as HTMLButtonElement).disabled).toBe(false);
    answer({ added: 1 });
    fireEvent.click(older());
    await waitFor(async () => expect((await said()).textContent).toBe('1 older story added, marked read.'));
  });

  it('pages the chosen label’s own feed, named on the button', async () => {
    await open();
    fireEvent.click(within(screen.getByRole('toolbar', { name: 'Labels' })).getByRole('button', { name: /^Space/ }));
    await waitFor(() => expect(older().textContent).toBe('Older stories in “Space”'));
    answer({ added: 4, done: true });
    fireEvent.click(older());
    expect(sendRequest).toHaveBeenCalledWith({ type: 'older-stories', label: 'Space' });
    expect((await said()).textContent).toBe('4 older stories added. That was the first story on Smileband News.');
    // The end of that label: no button. Another label may still page.
    expect(none()).toBeNull();
    fireEvent.click(within(screen.getByRole('toolbar', { name: 'Labels' })).getByRole('button', { name: /^UK/ }));
    await waitFor(() => expect(older().textContent).toBe('Older stories in “UK”'));
    expect(document.querySelector('.older-note')).toBeNull();
  });

  it('says when the archive is all stored, and when a page held nothing new', async () => {
    await open('panel');
    answer({ added: 0, done: false });
    fireEvent.click(older());
    expect((await said()).textContent).toBe('That page held only stories you have. Press again for the next one.');
    answer({ added: 0, done: true });
    fireEvent.click(older());
    await waitFor(async () =>
      expect((await said()).textContent).toBe('You have reached the first story on Smileband News.'),
    );
    expect(none()).toBeNull();
  });

  it('says a failure in words, and keeps the button to try again', async () => {
    await open();
    answer({ error: { kind: 'http', status: 503, host: 'www.smileband.co.uk', message: 'x' } });
    fireEvent.click(older());
    expect((await said()).getAttribute('role')).toBe('alert');
    expect((await said()).textContent).toBe('Older stories could not be loaded: www.smileband.co.uk answered 503.');
    expect(older()).toBeTruthy();
  });

  it('says until when the site is given a rest, having asked nothing', async () => {
    await open();
    answer({ waitUntil: '2026-02-03T09:10:00.000Z' });
    fireEvent.click(older());
    // The reader's own clock: 09:10 UTC in whatever zone the tests run in.
    const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(Date.parse('2026-02-03T09:10:00Z'));
    expect((await said()).textContent).toBe(`The site is being given a rest: ask for older stories after ${time}.`);
  });

  it('is not offered under a search, Unread only or the Saved view: those look only at what is stored', async () => {
    await open();
    expect(older()).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unread only' }));
    await waitFor(() => expect(none()).toBeNull());
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unread only' }));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'Story' } });
    await waitFor(() => expect(none()).toBeNull());
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });
    await waitFor(() => older());
    fireEvent.click(screen.getByRole('button', { name: /^Saved stories/ }));
    await waitFor(() => expect(none()).toBeNull());
  });
});
