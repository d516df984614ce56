// Text settings in the side panel story: font, size, line spacing, column width and theme, shown
// on the story as they are chosen, remembered, and closed by Done, Escape or a click elsewhere.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '@/entrypoints/sidepanel/SidePanel';
import { bodyKey, readerFontScaleItem, readingStyleItem } from '@/utils/storage';
import { atPageClock, storeStories, story } from '../support/page-test';

vi.mock('@/entrypoints/sidepanel/load-on-use', async (original) => ({
  ...(await original<object>()),
  loadReaderTools: async () => ({
    listen: (await import('@/entrypoints/sidepanel/reader-tools/listen')).listen,
    textSettings: (await import('@/entrypoints/sidepanel/reader-tools/text-settings')).textSettings,
  }),
}));

async function openStory() {
  await storeStories([story(1, { headline: 'Story number 1' }), story(2)]);
  await fakeBrowser.storage.local.set({ [bodyKey('post-1').replace('local:', '')]: '<p>The body.</p>' });
  render(<SidePanel itemId="post-1" />);
  await screen.findByText('The body.');
}
const panel = () => document.querySelector<HTMLElement>('main.panel')!;
const button = () => screen.getByRole('button', { name: 'Text settings' });
const dialog = () => screen.getByRole('dialog', { name: 'Text settings' });

describe('Text settings', () => {
  atPageClock();
  afterEach(() => delete document.documentElement.dataset.theme);

  it('opens from the toolbar and shows each choice on the story as it is made, remembered', async () => {
    await openStory();
    expect(button().getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button());
    await screen.findByRole('dialog', { name: 'Text settings' });
    expect(button().getAttribute('aria-expanded')).toBe('true');
    // Focus in the panel, on its first choice.
    expect(document.activeElement).toBe(within(dialog()).getAllByRole('radio')[0]);
    expect(within(dialog()).getByRole('radio', { name: 'Serif' })).toHaveProperty('checked', true);
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'Sans-serif' }));
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'Tight' }));
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'Narrow' }));
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'Sepia' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Larger text' }));
    await waitFor(() =>
      expect([panel().dataset.font, panel().dataset.spacing, panel().dataset.width]).toEqual([
        'sans',
        'tight',
        'narrow',
      ]),
    );
    expect(document.documentElement.dataset.theme).toBe('sepia');
    expect(panel().style.getPropertyValue('--font-scale')).toBe('1.15');
    expect(within(dialog()).getByText('115 %')).toBeTruthy();
    expect(await readingStyleItem.getValue()).toEqual({
      font: 'sans',
      spacing: 'tight',
      width: 'narrow',
      theme: 'sepia',
    });
    expect(await readerFontScaleItem.getValue()).toBe(1.15);
    // Opened again, the story keeps them from its first render.
    cleanup();
    delete document.documentElement.dataset.theme;
    render(<SidePanel itemId="post-1" />);
    await screen.findByText('The body.');
    await waitFor(() => expect(panel().dataset.font).toBe('sans'));
    expect(document.documentElement.dataset.theme).toBe('sepia');
    fireEvent.click(button());
    expect(await within(await screen.findByRole('dialog')).findByRole('radio', { name: 'Narrow' })).toHaveProperty(
      'checked',
      true,
    );
  });

  it('leaves the browser’s colours with System, and stops at the smallest and largest sizes', async () => {
    await readingStyleItem.setValue({ font: 'serif', spacing: 'normal', width: 'medium', theme: 'dark' });
    await openStory();
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    fireEvent.click(button());
    await screen.findByRole('dialog');
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'System' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
    const smaller = within(dialog()).getByRole('button', { name: 'Smaller text' });
    for (let i = 0; i < 6; i++) fireEvent.click(smaller);
    expect(smaller).toHaveProperty('disabled', true);
    expect(await readerFontScaleItem.getValue()).toBe(0.85);
  });

  it('closes with Done, Escape (staying on the story) or a click elsewhere, focus back on its button', async () => {
    await openStory();
    fireEvent.click(button());
    await screen.findByRole('dialog');
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button());
    await waitFor(() => expect(button().getAttribute('aria-expanded')).toBe('false'));
    fireEvent.click(button());
    await screen.findByRole('dialog');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Story number 1');
    fireEvent.click(button());
    await screen.findByRole('dialog');
    fireEvent.pointerDown(screen.getByText('The body.'));
    expect(screen.queryByRole('dialog')).toBeNull();
    // Leaving the story closes it too.
    fireEvent.click(button());
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByRole('button', { name: 'Next story' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe('Story number 1'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
