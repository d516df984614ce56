// Labels as filters, in the list home the popup and the side panel share: a chip on every row and
// a bar of the blog's labels above the list, the choice remembered.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Popup } from '@/entrypoints/popup/Popup';
import { atPageClock, storeStories, story } from '../support/page-test';

const stories = [
  story(1, { headline: 'Bank of England Holds Rates', labels: ['Economy', 'UK'] }),
  story(2, { headline: 'Starlink pours satellites into orbit', labels: ['Space'], read: true }),
  story(3, { headline: 'Heatwave grips the south', labels: ['Weather', 'UK'] }),
  story(4, { headline: 'Storm warning for the coast', labels: ['Weather'] }),
];

async function renderPopup() {
  await storeStories(stories);
  render(<Popup />);
  await waitFor(() => expect(headlines()).toHaveLength(4));
}
const list = () => screen.getByRole('list', { name: /Stories/ });
const headlines = () =>
  within(list())
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.headline')!.textContent);
const bar = () => screen.getByRole('toolbar', { name: 'Labels' });
const chips = () => within(bar()).getAllByRole('button');

describe('labels as filters', () => {
  atPageClock();

  it('offers the blog’s labels, most used first, with their unread counts', async () => {
    await renderPopup();
    expect(chips().map((chip) => chip.textContent)).toEqual([
      'UK 22 unread',
      'Weather 22 unread',
      'Economy 11 unread',
      'Space',
    ]);
    expect(chips().every((chip) => chip.getAttribute('aria-pressed') === 'false')).toBe(true);
  });

  it('marks on a row’s chip what a search matched in its labels, as in its headline', async () => {
    await renderPopup();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'weath' } });
    await waitFor(() => expect(headlines()).toEqual(['Heatwave grips the south', 'Storm warning for the coast']));
    const marks = [...list().querySelectorAll('mark')].map((mark) => [
      mark.closest('.label, .headline')!.className,
      mark.textContent,
    ]);
    expect(marks).toEqual([
      ['label', 'Weath'],
      ['label', 'Weath'],
    ]);
  });

  it('filters the list to a label pressed on a row, and shows it chosen (its × drawn by the stylesheet)', async () => {
    await renderPopup();
    const weather = within(within(list()).getAllByRole('listitem')[2]!).getByRole('button', { name: 'Weather' });
    fireEvent.click(weather);
    await waitFor(() => expect(headlines()).toEqual(['Heatwave grips the south', 'Storm warning for the coast']));
    expect(list().getAttribute('aria-label')).toBe('Stories (2 shown)');
    const chosen = chips()[0]!;
    expect(chosen.textContent).toBe('Weather 22 unread');
    expect(chosen.getAttribute('aria-pressed')).toBe('true');
    expect(chosen.title).toBe('Show stories with any label');
    expect(
      within(list())
        .getAllByRole('button', { name: 'Weather' })
        .every((chip) => chip.getAttribute('aria-pressed') === 'true'),
    ).toBe(true);
    // The chosen chip clears it.
    fireEvent.click(chosen);
    await waitFor(() => expect(headlines()).toHaveLength(4));
    expect(list().getAttribute('aria-label')).toBe('Stories');
  });

  it('combines a label with search and Unread only, and remembers it for the next opening', async () => {
    await renderPopup();
    fireEvent.click(within(bar()).getByRole('button', { name: /^UK/ }));
    await waitFor(() => expect(headlines()).toHaveLength(2));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'heat' } });
    await waitFor(() => expect(headlines()).toEqual(['Heatwave grips the south']));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '' } });
    cleanup();
    render(<Popup />);
    await waitFor(() => expect(headlines()).toEqual(['Bank of England Holds Rates', 'Heatwave grips the south']));
    expect(chips()[0]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('says when the chosen label has nothing to show, and shows everything again on request', async () => {
    await renderPopup();
    fireEvent.click(within(bar()).getByRole('button', { name: 'Space' }));
    await waitFor(() => expect(headlines()).toEqual(['Starlink pours satellites into orbit']));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unread only' }));
    expect(await screen.findByText('No stories labelled “Space” to show.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all stories' }));
    await waitFor(() => expect(headlines()).toHaveLength(4));
    expect(chips().every((chip) => chip.getAttribute('aria-pressed') === 'false')).toBe(true);
  });

  it('keeps a remembered label that no story carries any more in the bar, so it can be cleared', async () => {
    localStorage.setItem('smileband-news:list-filter', JSON.stringify({ query: '', unreadOnly: false, label: 'Gone' }));
    await storeStories(stories);
    render(<Popup />);
    expect(await screen.findByText('No stories labelled “Gone” to show.')).toBeTruthy();
    fireEvent.click(within(bar()).getByRole('button', { name: 'Gone' }));
    await waitFor(() => expect(headlines()).toHaveLength(4));
  });

  it('moves to the labels with l, and along them with the arrows', async () => {
    await renderPopup();
    fireEvent.keyDown(document.body, { key: 'l' });
    expect(document.activeElement).toBe(chips()[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(chips()[1]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(chips()[3]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(chips()[3]);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(chips()[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(chips()[0]);
    // Only one chip is in the tab order.
    expect(chips().map((chip) => chip.tabIndex)).toEqual([0, -1, -1, -1]);
    // Typing l in search types it.
    const search = screen.getByRole('searchbox', { name: 'Search' });
    search.focus();
    fireEvent.keyDown(search, { key: 'l' });
    expect(document.activeElement).toBe(search);
  });
});
