import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HeadlineList } from '@/components/HeadlineList';
import type { StoryMeta } from '@/utils/feed/types';

const NOW = Date.parse('2026-02-02T16:00:00Z');
const story = (id: string, headline: string, published: string, read: boolean) =>
  ({ id, headline, published, read }) as StoryMeta;
const stories = [
  story('a', 'Rates held at 3.2%', '2026-02-02T15:55:00Z', false),
  story('b', 'Crater found under the Atlantic', '2026-01-31T16:00:00Z', true),
];

describe('HeadlineList', () => {
  it('lists each headline with its age and marks the unread ones', () => {
    render(<HeadlineList stories={stories} now={NOW} onOpen={() => {}} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Rates held at 3.2%5 minutes ago',
      'Crater found under the Atlantic2 days ago',
    ]);
    expect(screen.getAllByLabelText('Unread')).toHaveLength(1);
    expect(rows[0]!.contains(screen.getByLabelText('Unread'))).toBe(true);
  });

  it('opens the story that was clicked', () => {
    const onOpen = vi.fn();
    render(<HeadlineList stories={stories} now={NOW} onOpen={onOpen} />);
    fireEvent.click(screen.getByRole('button', { name: /Crater found/ }));
    expect(onOpen).toHaveBeenCalledWith(stories[1]);
  });
});
