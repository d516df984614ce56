// Atom feeds shaped like the site's, of any length: shared by the benchmark and the browser tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const fixture = readFileSync(resolve(import.meta.dirname, '../fixtures/smileband-atom.xml'), 'utf8');
/** The feed document up to its first entry. */
export const head = fixture.slice(0, fixture.indexOf('<entry>'));
/** The fixture's 25 entries. */
export const entries = fixture.match(/<entry>[\s\S]*?<\/entry>/g)!;

/**
 * An Atom feed of `count` entries shaped like the site's: the fixture's 25 posts repeated with new
 * ids and older dates (as make-feeds.mjs --entries N does). `offset` skips the newest entries, to
 * fill a store past one poll's item cap.
 */
export function bigFeed(count: number, offset = 0): string {
  return `${head}${feedEntries(count, offset).join('')}</feed>`;
}

/** The entries of bigFeed(count, offset), one string each: the posts of a blog that old. */
export function feedEntries(count: number, offset = 0): string[] {
  const out: string[] = [];
  for (let i = offset; i < offset + count; i++) {
    const round = Math.floor(i / entries.length);
    const entry = entries[i % entries.length]!;
    out.push(
      round === 0
        ? entry
        : entry
            .replace(/\.post-(\d+)</, `.post-$1r${round}<`)
            .replace(/<published>(\d{4})/, (_m, year: string) => `<published>${Number(year) - round}`)
            .replace(/\.html'/, `-${round}.html'`),
    );
  }
  return out;
}

/**
 * One page of a blog holding `posts` (newest first), answered as Blogger answers `url`: a label's
 * own feed at `/-/LABEL`, `q` matching every word anywhere in a post (not as a phrase),
 * `start-index` from 1, `max-results` (25 by default, at most 500), the total and a `next` link;
 * an empty page past the end.
 */
export function bloggerPage(posts: readonly string[], url: URL): string {
  const label = /\/-\/(.+)$/.exec(url.pathname)?.[1];
  const words = (url.searchParams.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const matching = posts.filter(
    (post) =>
      (!label || post.includes(`term='${decodeURIComponent(label)}'`)) &&
      words.every((word) => post.toLowerCase().includes(word)),
  );
  const start = Math.max(1, Number(url.searchParams.get('start-index')) || 1);
  const max = Math.min(500, Math.max(1, Number(url.searchParams.get('max-results')) || 25));
  const page = matching.slice(start - 1, start - 1 + max);
  const next =
    start - 1 + max < matching.length
      ? `<link rel='next' type='application/atom+xml' href='${url.origin}${url.pathname}?start-index=${start + max}&amp;max-results=${max}'/>`
      : '';
  const pageHead = head
    .replace(/<link rel='next'[^>]*\/>/, next)
    .replace(/<openSearch:totalResults>\d+/, `<openSearch:totalResults>${matching.length}`)
    .replace(/<openSearch:startIndex>\d+/, `<openSearch:startIndex>${start}`)
    .replace(/<openSearch:itemsPerPage>\d+/, `<openSearch:itemsPerPage>${max}`);
  return `${pageHead}${page.join('')}</feed>`;
}
