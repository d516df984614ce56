import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { Popup } from '@/entrypoints/popup/Popup';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { settingsItem } from '@/utils/storage';
import { atPageClock, storeStories, story } from '../support/page-test';

const stories = [
  story(1, { headline: 'Bank of England Holds Rates', labels: ['Economy'] }),
  story(2, { headline: 'Football: transfer rumours', labels: ['Sport'] }),
  story(3, { headline: 'League scores', labels: ['Sport'] }),
  story(4, { headline: 'Celebrity wedding', labels: ['Celebrity'] }),
];
const headlines = () =>
  within(screen.getByRole('list', { name: /Stories/ }))
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.headline')!.textContent);

describe('the reader’s rules in the list', () => {
  atPageClock();
  beforeEach(async () => {
    await storeStories(stories);
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      keywordRules: [{ words: 'football', action: 'hide' }],
      labelRules: { Sport: 'quiet', Celebrity: 'hide' },
    });
  });

  it('leaves hidden stories out of the list and the count; a quiet one says which rule quiets it', async () => {
    render(<Popup />);
    await waitFor(() => expect(headlines()).toEqual(['Bank of England Holds Rates', 'League scores']));
    // The count comes with the whole index, read after the first paint.
    expect(await screen.findByText('2 unread')).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'Listed quietly, without a notification, by your rule for the label “Sport”' }),
    ).toBeTruthy();
    expect(screen.getAllByRole('img', { name: /Listed quietly|Hidden by/ })).toHaveLength(1);
    // The rule in the row's tooltip too, where the pointer finds it.
    const quiet = screen.getAllByRole('link').find((link) => link.textContent?.startsWith('League scores'))!;
    expect(quiet.getAttribute('title')!.split('\n').at(-1)).toBe(
      'Listed quietly, without a notification, by your rule for the label “Sport”',
    );
  });

  it('shows what the rules hid on request, each saying which rule hid it', async () => {
    render(<Popup />);
    const hidden = await screen.findByRole('button', { name: 'Stories your rules hide (2)' });
    fireEvent.click(hidden);
    expect(hidden.getAttribute('aria-pressed')).toBe('true');
    expect(headlines()).toEqual(['Football: transfer rumours', 'Celebrity wedding']);
    expect(screen.getByRole('img', { name: 'Hidden by your rule for the words “football”' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Hidden by your rule for the label “Celebrity”' })).toBeTruthy();
    // The view says why at its top, and where the rules are changed.
    const why = await screen.findByText(
      /^Your rules keep these stories out of the list, the badge and notifications\./,
    );
    const openOptions = vi.spyOn(browser.runtime, 'openOptionsPage').mockResolvedValue();
    fireEvent.click(within(why).getByRole('button', { name: 'Edit rules' }));
    expect(openOptions).toHaveBeenCalledOnce();
    fireEvent.click(hidden);
    expect(headlines()).toHaveLength(2);
    expect(screen.queryByText(/^Your rules keep these stories/)).toBeNull();
  });

  it('says why in the Hidden view opened from Unread only, where the list’s end is not offered', async () => {
    localStorage.setItem('smileband-news:list-filter', JSON.stringify({ unreadOnly: true }));
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: 'Stories your rules hide (2)' }));
    expect(await screen.findByRole('button', { name: 'Edit rules' })).toBeTruthy();
  });

  it('offers only the labels of the stories the view shows: a label all of whose stories are hidden is not offered', async () => {
    render(<Popup />);
    await waitFor(() => expect(headlines()).toHaveLength(2));
    const offered = () =>
      within(screen.getByRole('toolbar', { name: /labels/i }))
        .getAllByRole('button')
        .map((chip) => chip.textContent);
    // Each chip: its name, its unread count, and that count in words for screen readers.
    // Celebrity's only story is hidden; Sport keeps its quiet one.
    expect(offered()).toEqual(['Economy 11 unread', 'Sport 11 unread']);
    fireEvent.click(screen.getByRole('button', { name: 'Stories your rules hide (2)' }));
    expect(offered()).toEqual(['Celebrity 11 unread', 'Sport 11 unread']);
  });

  it('lists everything, with no Hidden control, when there are no rules', async () => {
    await settingsItem.setValue(DEFAULT_SETTINGS);
    render(<Popup />);
    await waitFor(() => expect(headlines()).toHaveLength(4));
    expect(screen.queryByRole('button', { name: /Stories your rules hide/ })).toBeNull();
    expect(screen.queryByRole('img', { name: /Listed quietly/ })).toBeNull();
  });
});
