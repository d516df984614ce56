import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/entrypoints/popup/Popup';
import { SidePanel } from '@/entrypoints/sidepanel/SidePanel';
import { bodyKey } from '@/utils/storage';
import { atPageClock, storeStories as store, story } from '../support/page-test';
import { sendRequest } from '../support/messages-mock';

// jsdom runs no script files: the export comes as /saved-export.js would hand it over.
const loadExportSaved = vi.hoisted(() => vi.fn());
vi.mock('@/entrypoints/sidepanel/load-on-use', () => ({ loadExportSaved }));

const stories = [
  story(1, { headline: 'Bank of England Holds Rates' }),
  story(2, { headline: 'Starlink pours satellites into orbit', saved: '2026-02-03T08:00:00.000Z' }),
  story(3, { headline: 'Waterworld closes after tragedy', saved: '2026-02-03T08:30:00.000Z', read: true }),
];

const headlines = () =>
  within(screen.getByRole('list', { name: /Stories|shown/ }))
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.headline')!.textContent);

describe('Saved for later', () => {
  atPageClock();
  beforeEach(() => {
    sendRequest.mockResolvedValue({ changed: [], full: false });
    loadExportSaved.mockImplementation(async () => (await import('@/entrypoints/sidepanel/export-saved')).exportSaved);
  });

  it('saves a story from its row’s Save toggle or with s, and unsaves a saved one', async () => {
    await store(stories);
    render(<Popup />);
    await waitFor(() => expect(headlines()).toHaveLength(3));
    const saves = screen.getAllByRole('button', { name: 'Save' });
    expect(saves.map((button) => button.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'true']);
    fireEvent.click(saves[0]!);
    expect(sendRequest).toHaveBeenLastCalledWith({ type: 'set-saved', ids: ['post-1'], saved: true });
    fireEvent.click(saves[1]!);
    expect(sendRequest).toHaveBeenLastCalledWith({ type: 'set-saved', ids: ['post-2'], saved: false });
    const firstRow = screen.getAllByRole('link')[0]!;
    firstRow.focus();
    fireEvent.keyDown(firstRow, { key: 's' });
    expect(sendRequest).toHaveBeenLastCalledWith({ type: 'set-saved', ids: ['post-1'], saved: true });
  });

  it('shows the Saved view, the most recently saved first, and remembers it', async () => {
    await store(stories);
    render(<Popup />);
    await waitFor(() => expect(headlines()).toHaveLength(3));
    const view = screen.getByRole('button', { name: 'Saved stories (2)' });
    expect(view.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(view);
    expect(view.getAttribute('aria-pressed')).toBe('true');
    expect(headlines()).toEqual(['Waterworld closes after tragedy', 'Starlink pours satellites into orbit']);
    cleanup();
    render(<Popup />);
    await waitFor(() => expect(headlines()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Saved stories (2)' }));
    expect(headlines()).toHaveLength(3);
  });

  it('says how to save when nothing is saved, and leads back to every story', async () => {
    await store(stories.map((s) => ({ ...s, saved: undefined })));
    localStorage.setItem('smileband-news:list-filter', JSON.stringify({ saved: true }));
    render(<Popup />);
    await waitFor(() => expect(screen.getByText('No saved stories yet.')).toBeTruthy());
    expect(screen.getByText(/Press ☆ on a story, or s/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all stories' }));
    await waitFor(() => expect(headlines()).toHaveLength(3));
  });

  it('says so when the shelf is full', async () => {
    sendRequest.mockResolvedValue({ changed: [], full: true });
    await store(stories);
    render(<Popup />);
    await waitFor(() => expect(headlines()).toHaveLength(3));
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[0]!);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Saved shelf is full \(200 stories/);
  });

  it('saves the open story from the side panel’s toolbar or with s, and says when the shelf is full', async () => {
    await store(stories);
    render(<SidePanel itemId="post-1" />);
    const save = await screen.findByRole('button', { name: 'Save' });
    expect(save.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(save);
    expect(sendRequest).toHaveBeenLastCalledWith({ type: 'set-saved', ids: ['post-1'], saved: true });
    sendRequest.mockResolvedValue({ changed: [], full: true });
    sendRequest.mockClear();
    // The panel's keys are listened for once its effects have run.
    await waitFor(() => {
      fireEvent.keyDown(document.body, { key: 's' });
      expect(sendRequest).toHaveBeenCalledWith({ type: 'set-saved', ids: ['post-1'], saved: true });
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Saved shelf is full/));
  });

  it('exports the saved stories as one HTML file, sanitized, with their sources', async () => {
    await store(stories);
    await fakeBrowser.storage.local.set({
      [bodyKey('post-3').replace('local:', '')]:
        '<p>Dear 222 News viewers, sponsored by smileband,</p><p>Water <b>safe</b></p><script>alert(1)</script><img src=x onerror=alert(1)>',
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:saved';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('smileband-news-saved-2026-02-03.html');
    });
    localStorage.setItem('smileband-news:list-filter', JSON.stringify({ saved: true }));
    render(<SidePanel itemId={null} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export saved stories' }));
    await waitFor(() => expect(clicks).toHaveBeenCalledOnce());
    const file = new DOMParser().parseFromString(await blobs[0]!.text(), 'text/html');
    expect([...file.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Waterworld closes after tragedy',
      'Starlink pours satellites into orbit',
    ]);
    const [water, starlink] = [...file.querySelectorAll('article')];
    expect(water!.textContent).toContain('Water safe');
    expect(water!.textContent).not.toContain('Dear 222 News viewers');
    expect(water!.querySelector('script, [onerror]')).toBeNull();
    expect(water!.querySelector<HTMLAnchorElement>('a.source')!.href).toBe('https://www.smileband.co.uk/3.html');
    expect(starlink!.textContent).toContain('Only the headline was kept for this story.');
    expect(file.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toMatch(
      /default-src 'none'/,
    );
    expect(file.querySelectorAll('nav a')).toHaveLength(2);
  });

  it('says so when the export cannot be written, and the next press tries again', async () => {
    await store(stories);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:saved');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    // A spy left on the prototype by another test keeps its calls: count from here.
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    clicks.mockClear();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failure = new Error('/saved-export.js could not be loaded');
    loadExportSaved.mockRejectedValueOnce(failure);
    localStorage.setItem('smileband-news:list-filter', JSON.stringify({ saved: true }));
    render(<SidePanel itemId={null} />);
    const button = await screen.findByRole('button', { name: 'Export saved stories' });
    fireEvent.click(button);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The saved stories could not be exported. Please try again.',
    );
    expect(clicks).not.toHaveBeenCalled();
    // And for whoever looks into it, the cause.
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('export of the saved stories failed'), failure);
    fireEvent.click(button);
    await waitFor(() => expect(clicks).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
