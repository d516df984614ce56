import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { options } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoryList } from '@/components/StoryList';
import { WithRows } from '../support/row-actions';
import type { StoryMeta } from '@/utils/feed/types';
import { story } from '../support/stories';

const NOW = Date.parse('2026-02-02T16:00:00Z');
const noop = () => {};
const stories = [
  story(1, {
    id: 'a',
    headline: 'Rates held at 3.2%',
    published: '2026-02-02T15:55:00Z',
    image: 'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEiboe/s72-c/boe.jpg',
  }),
  story(2, { id: 'b', headline: 'Crater found under the Atlantic', published: '2026-01-31T16:00:00Z', read: true }),
];

describe('StoryList', () => {
  it('makes a thumbnail lazy and referrer-free before its address can start a request', () => {
    // What the image carries at the moment Preact assigns its src.
    const atSrc: (string | null)[][] = [];
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
    const spy = vi.spyOn(HTMLImageElement.prototype, 'src', 'set').mockImplementation(function (
      this: HTMLImageElement,
      value: string,
    ) {
      atSrc.push([this.getAttribute('loading'), this.getAttribute('referrerpolicy')]);
      src.set!.call(this, value);
    });
    render(
      <WithRows now={NOW} onOpen={() => {}}>
        <StoryList stories={stories} label="Stories" />
      </WithRows>,
    );
    spy.mockRestore();
    expect(atSrc).toEqual([['lazy', 'no-referrer']]);
  });

  it('shows headline, age with the exact date as tooltip, labels, unread state and a sharper thumbnail', () => {
    render(
      <WithRows now={NOW} onOpen={() => {}}>
        <StoryList stories={stories} label="Stories" />
      </WithRows>,
    );
    const rows = screen.getAllByRole('listitem');
    const parts = (row: HTMLElement) => [
      row.querySelector('.row-main')!.textContent,
      row.querySelector('time')!.textContent,
      [...row.querySelectorAll('.label')].map((label) => label.textContent),
    ];
    expect(rows.map(parts)).toEqual([
      ['Rates held at 3.2% Unread.', '5 minutes ago', ['UK']],
      ['Crater found under the Atlantic', '2 days ago', ['UK']],
    ]);
    // The exact date and time in the row's tooltip, shown wherever the pointer rests on the row.
    expect(rows[0]!.querySelector('.row-main')!.getAttribute('title')).toMatch(
      /^Rates held at 3\.2%\n[\s\S]*\b2026\b.*\d:\d\d/,
    );
    expect(rows[0]!.querySelector('img')!.getAttribute('src')).toBe(
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEiboe/s96-c/boe.jpg',
    );
    expect(rows[0]!.querySelector('img')!.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('shows no picture, and no empty square, where a post has none or its picture fails to load', () => {
    render(
      <WithRows now={NOW} onOpen={() => {}}>
        <StoryList stories={stories} label="Stories" />
      </WithRows>,
    );
    const rows = screen.getAllByRole('listitem');
    expect(rows[1]!.querySelector('.thumb')).toBeNull();
    const thumb = rows[0]!.querySelector('img')!;
    fireEvent.error(thumb);
    // The row draws without it (no broken-image icon); the headline keeps the whole width.
    expect(rows[0]!.querySelector('.thumb')).toBeNull();
    expect(rows[0]!.querySelector('.headline')!.textContent).toBe('Rates held at 3.2%');
  });

  it('clamps nothing away from the reader: the whole headline is in the row’s tooltip and in the link', () => {
    const long = 'A very long headline '.repeat(8).trim();
    render(
      <WithRows now={NOW} onOpen={noop}>
        <StoryList stories={[story(3, { id: 'c', headline: long, published: '2026-02-02T15:00:00Z' })]} label="S" />
      </WithRows>,
    );
    expect(screen.getByRole('link').getAttribute('title')!.split('\n')[0]).toBe(long);
    expect(screen.getByRole('link').textContent).toContain(long);
  });

  it('offers per-row controls with plain names', () => {
    const onToggleRead = vi.fn();
    const onOpenOriginal = vi.fn();
    render(
      <WithRows now={NOW} onOpen={() => {}} onToggleRead={onToggleRead} onOpenOriginal={onOpenOriginal}>
        <StoryList stories={stories} label="Stories" />
      </WithRows>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Mark as read' }));
    expect(onToggleRead).toHaveBeenCalledWith(stories[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Mark as unread' }));
    expect(onToggleRead).toHaveBeenLastCalledWith(stories[1]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Open original' })[1]!);
    expect(onOpenOriginal).toHaveBeenCalledWith(stories[1]);
  });

  it('re-renders only the row that changed', () => {
    const rendered: string[] = [];
    const previous = Reflect.get<typeof options, 'diffed'>(options, 'diffed');
    options.diffed = (vnode) => {
      const type = vnode.type as { name?: string };
      // The row's own render function (named Row, or Row2 once bundled beside `const Row`).
      if (type?.name?.startsWith('Row')) rendered.push((vnode.props as unknown as { story: StoryMeta }).story.id);
      previous?.(vnode);
    };
    try {
      const { rerender } = render(
        <WithRows now={NOW} onOpen={noop}>
          <StoryList stories={stories} label="Stories" />
        </WithRows>,
      );
      expect(rendered).toEqual(['a', 'b']);
      rendered.length = 0;
      rerender(
        <WithRows now={NOW} onOpen={noop}>
          <StoryList stories={[stories[0]!, { ...stories[1]!, read: false }]} label="Stories" />
        </WithRows>,
      );
      expect(rendered).toEqual(['b']);
    } finally {
      options.diffed = previous;
    }
  });
});

describe('StoryList, long', () => {
  const many = Array.from({ length: 250 }, (_, i) =>
    story(i, { id: `s${i}`, published: new Date(NOW - i * 60_000).toISOString(), read: i % 2 === 0 }),
  );
  // jsdom has no IntersectionObserver: this one lets a test say when the list's end comes near.
  let nearEnd: (() => void) | null = null;
  beforeEach(() => {
    nearEnd = null;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(private readonly callback: IntersectionObserverCallback) {}
        observe(target: Element) {
          nearEnd = () => this.callback([{ isIntersecting: true, target } as IntersectionObserverEntry], this as never);
        }
        disconnect() {
          nearEnd = null;
        }
      },
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('draws a screenful first and more as the reader nears the end, each row knowing its place in all', async () => {
    render(
      <WithRows now={NOW} onOpen={noop}>
        <StoryList stories={many} label="Stories" />
      </WithRows>,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(30);
    await act(() => nearEnd!());
    const rows = screen.getAllByRole('listitem');
    expect(rows).toHaveLength(130);
    expect(rows[129]!.getAttribute('aria-posinset')).toBe('130');
    expect(rows[129]!.getAttribute('aria-setsize')).toBe('250');
    await act(() => nearEnd!());
    await act(() => nearEnd!());
    expect(screen.getAllByRole('listitem')).toHaveLength(250);
    // All drawn: nothing left to watch.
    expect(nearEnd).toBeNull();
  });

  it('End goes to the last story even when it is not drawn yet, and focuses it', async () => {
    render(
      <WithRows now={NOW} onOpen={noop}>
        <StoryList stories={many} label="Stories" />
      </WithRows>,
    );
    const first = screen.getAllByRole('link')[0]!;
    first.focus();
    fireEvent.keyDown(first, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.closest('li')?.getAttribute('data-id')).toBe('s249'));
    expect(screen.getAllByRole('listitem')).toHaveLength(250);
  });
});
