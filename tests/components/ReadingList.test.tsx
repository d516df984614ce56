import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '@/entrypoints/sidepanel/SidePanel';
import { bodyKey, storiesItem } from '@/utils/storage';
import { story } from '../support/stories';

const bank = story(1, { headline: 'Bank of England Holds Rates' });
const addEntry = vi.fn();

async function openStory() {
  await storiesItem.setValue([bank]);
  await fakeBrowser.storage.local.set({ [bodyKey(bank.id).replace('local:', '')]: '<p>Rates held.</p>' });
  render(<SidePanel itemId={bank.id} />);
  await screen.findByText('Rates held.');
}

describe('Chrome’s Reading List from the side panel', () => {
  beforeEach(() => {
    addEntry.mockReset().mockResolvedValue(undefined);
    vi.stubGlobal('chrome', { readingList: { addEntry } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('asks for the permission at first use, then adds the story unread', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    await openStory();
    const add = await screen.findByRole('button', { name: 'Add to Reading List' });
    fireEvent.click(add);
    // In the click itself: the prompt needs the gesture.
    expect(request).toHaveBeenCalledWith({ permissions: ['readingList'] });
    await screen.findByText('Added to your Reading List.');
    expect(addEntry).toHaveBeenCalledWith({
      title: 'Bank of England Holds Rates',
      url: 'https://www.smileband.co.uk/1.html',
      hasBeenRead: false,
    });
    expect(add.hasAttribute('disabled')).toBe(true);
  });

  it.each([
    ['refused permission', () => false, undefined, 'Not added: the Reading List needs your permission.'],
    ['a story already there', () => true, new Error('Duplicate URL.'), 'Already in your Reading List.'],
    ['another failure', () => true, new Error('Something else'), 'The Reading List did not take it. Try again.'],
  ])('says so after %s', async (_case, granted, failure, message) => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => Promise.resolve(granted()));
    if (failure) addEntry.mockRejectedValue(failure);
    await openStory();
    fireEvent.click(await screen.findByRole('button', { name: 'Add to Reading List' }));
    await screen.findByText(message);
    expect(addEntry).toHaveBeenCalledTimes(failure ? 1 : 0);
  });

  it.each([
    ['the permission request fails', () => Promise.reject(new Error('no gesture'))],
    ['the browser grants it but has no Reading List to add to', () => Promise.resolve(true)],
  ])('says it did not take it when %s', async (_case, request) => {
    vi.stubGlobal('chrome', undefined);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(request);
    await openStory();
    fireEvent.click(await screen.findByRole('button', { name: 'Add to Reading List' }));
    await screen.findByText('The Reading List did not take it. Try again.');
  });

  it('offers nothing where the browser has no Reading List (it refuses the permission’s name)', async () => {
    const contains = vi
      .spyOn(fakeBrowser.permissions, 'contains')
      .mockRejectedValue(new Error("'readingList' is not a recognized permission."));
    await openStory();
    await waitFor(() => expect(contains).toHaveBeenCalled());
    // Past the answer: the panel has had the chance to show the button.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('button', { name: 'Add to Reading List' })).toBeNull();
  });
});
