import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/entrypoints/popup/Popup';
import type { StoryMeta } from '@/utils/feed/types';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { settingsItem, type PollStatus } from '@/utils/storage';
import { atPageClock, NOW, storeStories, story } from '../support/page-test';
import { updatedStatus } from '../support/stories';
import { sendRequest } from '../support/messages-mock';

const openSidePanel = vi.hoisted(() => vi.fn(async () => {}));
vi.mock('@/utils/platform/browser-compat', async (original) => ({ ...(await original<object>()), openSidePanel }));

const ok = updatedStatus(NOW, 5);
const stories = [
  story(1, { headline: 'Bank of England Holds Rates' }),
  story(2, { headline: 'Starlink pours satellites into orbit', read: true, labels: ['Space'] }),
  story(3, { headline: 'Waterworld closes after tragedy' }),
];

async function renderPopup(list: StoryMeta[] = stories, status: PollStatus = ok) {
  await storeStories(list, status);
  render(<Popup />);
}
const rows = () => within(screen.getByRole('list', { name: /Stories/ })).getAllByRole('listitem');

describe('Popup', () => {
  atPageClock();

  it('lists real headlines newest first, the sponsor on sponsored stories, the unread count and when it updated', async () => {
    await renderPopup([stories[0]!, stories[1]!, { ...stories[2]!, sponsor: null }]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((row) => row.querySelector('.headline')!.textContent)).toEqual([
      'Bank of England Holds Rates',
      'Starlink pours satellites into orbit',
      'Waterworld closes after tragedy',
    ]);
    // A quiet mark where the greeting names a sponsor, the full disclosure in the row's tooltip; no tagline.
    const tooltips = rows().map((row) => row.querySelector('.row-main')!.getAttribute('title')!.split('\n'));
    expect(tooltips.map((lines) => lines[1])).toEqual([
      'Sponsored by smileband',
      'Sponsored by smileband',
      expect.stringMatching(/2026/),
    ]);
    expect(rows().map((row) => row.querySelector('.sponsored') !== null)).toEqual([true, true, false]);
    expect(rows()[0]!.querySelector('.sponsored')!.textContent).toBe('Sponsored');
    expect(screen.queryByText('Sponsored by smileband')).toBeNull();
    expect(await screen.findByText('2 unread')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Updated 5 minutes ago');
    expect(rows()[0]!.textContent).toContain('Unread.');
    expect(rows()[1]!.textContent).not.toContain('Unread.');
  });

  it('filters headlines as you type, and says so when nothing matches', async () => {
    await renderPopup();
    const search = await screen.findByRole('searchbox', { name: 'Search' });
    fireEvent.input(search, { target: { value: 'orbit' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]!.textContent).toContain('Starlink');
    // What matched is marked; the headline reads as before.
    expect([...rows()[0]!.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['orbit']);
    expect(rows()[0]!.querySelector('.headline')!.textContent).toBe('Starlink pours satellites into orbit');
    // Word starts only: "rates" is in "Rates", "ates" is in no word's start.
    fireEvent.input(search, { target: { value: 'ates' } });
    await screen.findByText('No headlines match “ates”.');
    fireEvent.input(search, { target: { value: 'nothing like this' } });
    await screen.findByText('No headlines match “nothing like this”.');
    fireEvent.click(screen.getByRole('button', { name: 'Show all stories' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('shows only unread stories when asked, and remembers it the next time it opens', async () => {
    await renderPopup();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Unread only' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    cleanup();
    render(<Popup />);
    expect((await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Unread only' })).checked).toBe(true);
    await waitFor(() => expect(rows()).toHaveLength(2));
    // Turned off, it stays off.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unread only' }));
    cleanup();
    render(<Popup />);
    expect((await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Unread only' })).checked).toBe(false);
  });

  it('opens a clicked headline in the side panel and marks it read; Ctrl-click is left to the browser', async () => {
    await renderPopup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getByRole('link', { name: /Bank of England/ }));
    expect(openSidePanel).toHaveBeenCalledWith('sidepanel.html?item=post-1', undefined);
    expect(sendRequest).toHaveBeenCalledWith({ type: 'set-read', ids: ['post-1'], read: true });
    openSidePanel.mockClear();
    const ctrlClick = !fireEvent.click(screen.getByRole('link', { name: /Waterworld/ }), { ctrlKey: true });
    expect(ctrlClick).toBe(false);
    expect(openSidePanel).not.toHaveBeenCalled();
  });

  it('opens the original post instead when the reader chose that in the options', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, openIn: 'original' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await renderPopup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    // The setting arrives with the first storage answers.
    await waitFor(() => {
      create.mockClear();
      openSidePanel.mockClear();
      fireEvent.click(screen.getByRole('link', { name: /Bank of England/ }));
      expect(create).toHaveBeenCalledWith({ url: 'https://www.smileband.co.uk/1.html' });
    });
    expect(openSidePanel).not.toHaveBeenCalled();
    expect(sendRequest).toHaveBeenCalledWith({ type: 'set-read', ids: ['post-1'], read: true });
  });

  it('marks all read, then Undo puts back exactly what it changed', async () => {
    sendRequest.mockResolvedValue({ changed: ['post-1', 'post-3'] });
    await renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all read' }));
    expect(sendRequest).toHaveBeenCalledWith({ type: 'mark-all-read' });
    await screen.findByText('Marked 2 stories read.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(sendRequest).toHaveBeenLastCalledWith({ type: 'set-read', ids: ['post-1', 'post-3'], read: false });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('takes the Undo away eight seconds after it appears, by the fake clock alone', async () => {
    sendRequest.mockResolvedValue({ changed: ['post-1'] });
    await renderPopup();
    const markAll = await screen.findByRole('button', { name: 'Mark all read' });
    // From here on only the test moves time: timeouts are fake too, and nothing advances them
    // on its own, so a slow machine cannot eat into the eight seconds.
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: NOW });
    // act flushes the reply (a resolved promise), the render and its effects.
    await act(async () => {
      fireEvent.click(markAll);
      await Promise.resolve();
    });
    expect(screen.getByText('Marked 1 story read.')).toBeTruthy();
    await act(() => {
      vi.advanceTimersByTime(7999);
    });
    expect(screen.getByText('Marked 1 story read.')).toBeTruthy();
    await act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(screen.queryByText('Marked 1 story read.')).toBeNull();
  });

  it('works from the keyboard: arrows and j/k move, m toggles read, o opens the original, / searches', async () => {
    await renderPopup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.tabIndex)).toEqual([0, -1, -1]);
    links[0]!.focus();
    fireEvent.keyDown(links[0]!, { key: 'j' });
    expect(document.activeElement).toBe(links[1]);
    expect(screen.getAllByRole('link').map((link) => link.tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(links[1]!, { key: 'm' });
    expect(sendRequest).toHaveBeenLastCalledWith({ type: 'set-read', ids: ['post-2'], read: false });
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    fireEvent.keyDown(links[1]!, { key: 'o' });
    expect(created).toHaveBeenCalledWith({ url: 'https://www.smileband.co.uk/2.html' });
    fireEvent.keyDown(links[1]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(links[0]);
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[0]);
  });

  it('answers j and ↓ the moment it opens, with nothing focused: the first story, then the next', async () => {
    await renderPopup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    const links = screen.getAllByRole('link');
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(document.activeElement).toBe(links[0]);
    fireEvent.keyDown(links[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[1]);
    // Once something has focus, a key on the page leaves it there.
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(document.activeElement).toBe(links[1]);
  });

  it('paints last time’s first screen at once, then what storage holds', async () => {
    await renderPopup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await waitFor(() => expect(localStorage.getItem('smileband-news:first-screen')).not.toBeNull());
    cleanup();
    await storeStories([stories[2]!]);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    render(<Popup />);
    // Synchronously, before any storage answer: the cached screen.
    expect(rows().map((row) => row.querySelector('.headline')!.textContent)).toEqual([
      'Bank of England Holds Rates',
      'Starlink pours satellites into orbit',
      'Waterworld closes after tragedy',
    ]);
    // Storage is asked only after that screen's first frame: no answer can hold the frame back.
    expect(get).not.toHaveBeenCalled();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(get).toHaveBeenCalled();
    get.mockRestore();
  });

  it('hides in its first screen what the reader’s rules hide, before the settings are read', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, keywordRules: [{ words: 'Starlink', action: 'hide' }] });
    await renderPopup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await waitFor(() => expect(localStorage.getItem('smileband-news:first-screen')).toContain('Starlink'));
    cleanup();
    render(<Popup />);
    // Synchronously, from last time's screen: the hidden story is not there even for a frame.
    expect(rows().map((row) => row.querySelector('.headline')!.textContent)).toEqual([
      'Bank of England Holds Rates',
      'Waterworld closes after tragedy',
    ]);
  });

  it('paints a first screen from an older cache without the rules, and drops a corrupt copy of them', async () => {
    await renderPopup();
    await waitFor(() => expect(localStorage.getItem('smileband-news:first-screen')).not.toBeNull());
    cleanup();
    const screenCache = JSON.parse(localStorage.getItem('smileband-news:first-screen')!) as Record<string, unknown>;
    localStorage.setItem(
      'smileband-news:first-screen',
      JSON.stringify({ ...screenCache, view: { keywordRules: 'Starlink', labelRules: [] } }),
    );
    render(<Popup />);
    expect(rows()).toHaveLength(3);
  });

  it('says it is fetching on first run', async () => {
    await renderPopup([], { lastAttemptAt: null, lastSuccessAt: null, lastChangeAt: null, error: null });
    await screen.findByText('Fetching the latest stories…');
  });

  it('explains a failure with no stories yet, and retries', async () => {
    sendRequest.mockResolvedValue({ ok: false, error: 'Could not reach www.smileband.co.uk.' });
    const error = {
      kind: 'network' as const,
      host: 'www.smileband.co.uk',
      message: 'Could not reach www.smileband.co.uk.',
      at: ok.lastAttemptAt!,
    };
    await renderPopup([], { ...ok, lastSuccessAt: null, error });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Stories could not be loaded');
    expect(alert.textContent).toContain('Could not reach www.smileband.co.uk. Check your connection. Not updated yet.');
    // Said once: the status line above does not repeat it.
    expect(screen.getAllByText(/Could not reach/)).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(sendRequest).toHaveBeenCalledWith({ type: 'refresh' });
  });

  it('says what a refresh found', async () => {
    sendRequest.mockResolvedValue({ ok: true, error: null, added: 2 });
    await renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Updated 5 minutes ago · 2 new stories'));
  });

  it('inside the site’s Retry-After, Refresh says until when, and asks anyway when pressed again', async () => {
    sendRequest.mockResolvedValueOnce({ ok: false, error: null, added: 0, waitUntil: '2026-02-03T09:10:00.000Z' });
    await renderPopup();
    const refresh = await screen.findByRole('button', { name: 'Refresh' });
    fireEvent.click(refresh);
    const alert = await screen.findByRole('alert');
    // The reader's own clock: 09:10 UTC in whatever zone the tests run in.
    const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(Date.parse('2026-02-03T09:10:00Z'));
    expect(alert.textContent).toBe(`The site asked for a pause until ${time}. Press Refresh again to ask anyway.`);
    expect(sendRequest).toHaveBeenLastCalledWith({ type: 'refresh' });
    sendRequest.mockResolvedValueOnce({ ok: true, error: null, added: 0 });
    await waitFor(() => expect(refresh.hasAttribute('disabled')).toBe(false));
    fireEvent.click(refresh);
    expect(sendRequest).toHaveBeenLastCalledWith({ type: 'refresh', force: true });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('keeps the stories and shows the error in the status line when a refresh fails', async () => {
    const error = {
      kind: 'http' as const,
      status: 503,
      host: 'www.smileband.co.uk',
      message: 'www.smileband.co.uk answered 503.',
      at: ok.lastAttemptAt!,
    };
    await renderPopup(stories, { ...ok, error });
    await waitFor(() => expect(rows()).toHaveLength(3));
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('www.smileband.co.uk answered 503. Last updated 5 minutes ago.');
    expect(status.className).toContain('error');
  });
});
