import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageBoundary } from '@/components/PageBoundary';

function Broken(): never {
  throw new RangeError('Invalid time value');
}

describe('PageBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the message, the original and Reload instead of a blank page, and logs once with context', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <PageBoundary
        context="story x"
        message="This story could not be shown."
        link="https://www.smileband.co.uk/a.html"
      >
        <Broken />
      </PageBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('This story could not be shown.');
    const original = screen.getByRole('link', { name: 'Open original' });
    expect(original.getAttribute('href')).toBe('https://www.smileband.co.uk/a.html');
    expect(original.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    const ours = log.mock.calls.filter(([first]) =>
      String(first).startsWith('Smileband News: story x could not be shown'),
    );
    expect(ours).toHaveLength(1);
    expect(ours[0]![1]).toBeInstanceOf(RangeError);
  });

  it('shows its children when nothing fails', () => {
    render(
      <PageBoundary context="page" message="Something went wrong on this page.">
        <p>Fine</p>
      </PageBoundary>,
    );
    expect(screen.getByText('Fine')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
