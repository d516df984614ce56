import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { StoryView } from '@/components/StoryView';
import type { StoryMeta } from '@/utils/feed/types';

const story = {
  id: 'x',
  title: 'Smileband News',
  headline: 'Bank of England Holds Rates',
  sponsor: 'smileband',
  link: 'https://www.smileband.co.uk/2026/01/smileband-news_11.html',
  published: '2026-01-20T10:00:00.000Z',
  updated: '2026-01-20T10:00:00.000Z',
  author: 'Christopher Stanley',
  labels: ['Economy', 'UK'],
  image: null,
  read: true,
  firstSeen: '2026-01-20T10:05:00.000Z',
  truncated: false,
  contentHash: '0',
} satisfies StoryMeta;

describe('StoryView', () => {
  it('shows headline, author, labels, the sponsor once, the body and a link to the original', () => {
    render(<StoryView story={story} bodyHtml="<p>The committee voted.</p><script>alert(1)</script>" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Bank of England Holds Rates');
    expect(screen.getByText(/Christopher Stanley/)).toBeTruthy();
    // Its parts, each whole (the stylesheet puts "·" between them).
    const parts = [...document.querySelector('.byline')!.children].map((part) => part.textContent);
    expect(parts).toEqual([expect.stringContaining('2026'), 'Christopher Stanley', '1 min read']);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Economy', 'UK']);
    expect(screen.getAllByText('Sponsored by smileband')).toHaveLength(1);
    expect(screen.getByText('The committee voted.')).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
    const source = screen.getByRole('link', { name: 'Read on smileband.co.uk' });
    expect(source.getAttribute('href')).toBe(story.link);
    expect(source.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('says how many comments the post has, with a link to them', () => {
    render(
      <StoryView story={{ ...story, comments: 3, commentsLink: `${story.link}#comment-form` }} bodyHtml="<p>x</p>" />,
    );
    const link = screen.getByRole('link', { name: '3 comments' });
    expect(link.getAttribute('href')).toBe(`${story.link}#comment-form`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('says one comment in the singular, and nothing when there are none', () => {
    const { unmount } = render(<StoryView story={{ ...story, comments: 1 }} bodyHtml="<p>x</p>" />);
    expect(document.querySelector('.byline')!.lastElementChild!.textContent).toBe('1 comment');
    unmount();
    render(<StoryView story={story} bodyHtml="<p>x</p>" />);
    expect(document.querySelector('.byline')!.textContent).not.toMatch(/comment/);
  });

  it('says so while the body loads, and when the stored body was cut short', () => {
    render(<StoryView story={{ ...story, truncated: true }} bodyHtml={undefined} />);
    expect(screen.getByText('Loading story…')).toBeTruthy();
    expect(screen.getByText(/the rest is on the site/)).toBeTruthy();
  });
});

describe('StoryView with missing data', () => {
  it.each([
    ['no dates at all', { published: '', updated: '' }],
    ['invalid dates', { published: 'not a date', updated: 'yesterday-ish' }],
  ])('%s: the story still shows, without a date', (_case, dates) => {
    render(<StoryView story={{ ...story, ...dates }} bodyHtml="<p>Body text.</p>" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Bank of England Holds Rates');
    expect(screen.getByText('Body text.')).toBeTruthy();
    expect(document.querySelector('time')).toBeNull();
    expect(screen.getByText('Christopher Stanley')).toBeTruthy();
  });

  it('says so too when no body is stored at all', () => {
    render(<StoryView story={story} bodyHtml={null} />);
    expect(screen.getByText(/Only the headline of this older story is kept here/)).toBeTruthy();
  });

  it('says that only the headline of an older story is kept, and leads to the site', () => {
    render(<StoryView story={{ ...story, bodyDropped: true }} bodyHtml="" />);
    expect(screen.getByText(/Only the headline of this older story is kept here/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Read on smileband.co.uk' })).toBeTruthy();
  });
});
