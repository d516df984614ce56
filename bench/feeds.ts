import type { StoryMeta } from '@/utils/feed/types';
import type { KeywordRule, Settings } from '@/utils/settings/settings-defaults';
import { bigFeed, entries, fixture, head } from '../tests/support/big-feed';

/** `count` stored stories as the popup reads them. */
export function storedStories(count: number): StoryMeta[] {
  return Array.from({ length: count }, (_, i) => {
    const published = new Date(Date.UTC(2026, 1, 2) - i * 3600e3).toISOString();
    return {
      id: `tag:blogger.com,1999:blog-4412077813695013120.post-${7351294870123456000n + BigInt(i)}`,
      title: 'Smileband News',
      headline: `Story ${i}: ${['Jamaica’s HIV Epidemic Amid Ongoing Challenges', 'Bank of England Holds Rates as Inflation Eases', 'Starlink pours thousands of satellites into low-Earth orbit'][i % 3]}`,
      sponsor: 'smileband',
      link: `https://www.smileband.co.uk/2026/01/story-${i}.html`,
      published,
      updated: published,
      author: 'Christopher Stanley',
      labels: ['UK', 'World'].slice(0, (i % 2) + 1),
      image: i % 2 ? `https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEi${i}/s72-c/${i}.jpg` : null,
      read: i % 4 === 0,
      firstSeen: published,
      truncated: false,
      contentHash: String(i),
    };
  });
}

const escapeXml = (html: string) => html.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An ordinary feed (the site's posts repeated) of about `bytes` characters. */
export function ordinaryFeedOfSize(bytes: number): string {
  const perEntry = (fixture.length - head.length) / entries.length;
  return bigFeed(Math.ceil(bytes / perEntry));
}

// Bodies built to make scans slow: unclosed tags and quotes, deep nesting, entities by the
// hundred, names on Object.prototype, an unclosed comment.
const HOSTILE_BODIES = [
  (size: number) => `<p>Unclosed</p>${'<a "'.repeat(size / 4)}`,
  (size: number) => `<p>Nested</p>${'<div><span>'.repeat(size / 11)}`,
  (size: number) => `<p>Entities</p>${'&amp;&constructor;&#x1F600;'.repeat(size / 26)}`,
  (size: number) => `<p>Lone</p>${'< x <'.repeat(size / 5)}`,
  (size: number) => `<p>Comment</p><!--${'<p>x</p>'.repeat(size / 8)}`,
];

/**
 * A feed of `count` entries of about `bytes` characters in all, every body hostile (see above),
 * with XHTML titles here and there so the ordered parse path runs too.
 */
export function adversarialFeed(bytes: number, count = 500): string {
  const bodySize = Math.floor(bytes / count / 1.6); // escaping grows a body by about 1.6×
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const title =
      i % 10 === 0
        ? `<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hostile <b>${i}</b></div></title>`
        : '<title>Smileband News</title>';
    const body = HOSTILE_BODIES[i % HOSTILE_BODIES.length]!(bodySize);
    out.push(
      `<entry><id>urn:hostile:${i}</id><published>2026-01-01T00:00:00Z</published>${title}` +
        `<link rel="alternate" href="https://www.smileband.co.uk/h/${i}.html"/><content type="html">${escapeXml(body)}</content></entry>`,
    );
  }
  return `${head}${out.join('')}</feed>`;
}

/** One entry whose body is `size` characters of the worst markup for a scan: unclosed tags. */
export function oneHostileBody(size: number): string {
  return `${head}<entry><id>urn:one</id><title>Smileband News</title><content type="html">${escapeXml(`<p>Head</p>${'<a "'.repeat(size / 4)}`)}</content></entry></feed>`;
}

/**
 * A hundred rules, the most a settings file or the shared settings can bring: keyword rules that
 * match no stored headline (every story reads every rule to the end, the worst case) but one quiet
 * rule that does, and two label rules that quiet a story without hiding it.
 */
export function hundredRules(): Required<Pick<Settings, 'keywordRules' | 'labelRules'>> {
  const actions = ['quiet', 'hide', 'always'] as const;
  const keywordRules: KeywordRule[] = Array.from({ length: 97 }, (_, i) => ({
    words: `Topic ${i} ${['Brexit vote', 'transfer window', 'celebrity gossip'][i % 3]}`,
    action: actions[i % 3]!,
  }));
  keywordRules.push({ words: 'Starlink', action: 'quiet' });
  return { keywordRules, labelRules: { Celebrity: 'hide', World: 'quiet' } };
}
