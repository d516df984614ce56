import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/entrypoints/popup/Popup';
import type { StoryMeta } from '@/utils/feed/types';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { pollStatusItem, settingsItem, storiesHeadItem, storiesItem } from '@/utils/storage';
import { asStored, postItem, updatedStatus } from '../support/stories';

const NOW = Date.parse('2026-02-03T09:00:00Z');
function story(n: number, headline: string, labels: string[]): StoryMeta {
  return asStored(postItem(n, new Date(NOW - n * 3600e3).toISOString(), { headline, labels }), {
    contentHash: String(n),
  });
}
const stories = [
  story(1, 'Bank of England Holds Rates', ['Economy']),
  story(2, 'Football: transfer rumours', ['Sport']),
  story(3, 'League scores', ['Sport']),
  story(4, 'Celebrity wedding', ['Celebrity']),
];
const headlines = () =>
  within(screen.getByRole('list', { name: /Stories/ }))
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.headline')!.textContent);

describe('the reader’s rules in the list', () => {
  afterEach(() => vi.useRealTimers());
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    fakeBrowser.reset();
    localStorage.clear();
    await storiesItem.setValue(stories);
    await storiesHeadItem.setValue(stories);
    await pollStatusItem.setValue(updatedStatus(NOW, 5));
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      keywordRules: [{ words: 'football', action: 'hide' }],
      labelRules: { Sport: 'quiet', Celebrity: 'hide' },
    });
  });

  it('leaves hidden stories out of the list and the count; a quiet one says which rule quiets it', async () => {
    render(<Popup />);
    await waitFor(() => expect(headlines()).toEqual(['Bank of England Holds Rates', 'League scores']));
    expect(screen.getByText('2 unread')).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'Listed quietly, without a notification, by your rule for the label “Sport”' }),
    ).toBeTruthy();
    expect(screen.getAllByRole('img', { name: /Listed quietly|Hidden by/ })).toHaveLength(1);
  });

  it('shows what the rules hid on request, each saying which rule hid it', async () => {
    render(<Popup />);
    const hidden = await screen.findByRole('button', { name: 'Stories your rules hide (2)' });
    fireEvent.click(hidden);
    expect(hidden.getAttribute('aria-pressed')).toBe('true');
    expect(headlines()).toEqual(['Football: transfer rumours', 'Celebrity wedding']);
    expect(screen.getByRole('img', { name: 'Hidden by your rule for the words “football”' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Hidden by your rule for the label “Celebrity”' })).toBeTruthy();
    fireEvent.click(hidden);
    expect(headlines()).toHaveLength(2);
  });

  it('lists everything, with no Hidden control, when there are no rules', async () => {
    await settingsItem.setValue(DEFAULT_SETTINGS);
    render(<Popup />);
    await waitFor(() => expect(headlines()).toHaveLength(4));
    expect(screen.queryByRole('button', { name: /Stories your rules hide/ })).toBeNull();
    expect(screen.queryByRole('img', { name: /Listed quietly/ })).toBeNull();
  });
});
