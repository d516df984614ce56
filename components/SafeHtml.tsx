import { useLayoutEffect, useRef } from 'preact/hooks';
import { sanitizeStory } from '@/utils/preview/sanitize';

export interface SafeHtmlProps {
  /** Untrusted HTML from the feed. */
  html: string;
  /** The post's URL: relative links and images resolve against it. */
  baseUrl: string;
  /** The headline shown above: the clean preview does not repeat it. */
  headline?: string;
  class?: string;
}

/**
 * The only component that renders feed HTML. It inserts DOMPurify's sanitized nodes directly,
 * never a string, so nothing is parsed twice.
 */
export function SafeHtml({ html, baseUrl, headline, class: className }: SafeHtmlProps) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    box.current?.replaceChildren(sanitizeStory(html, { baseUrl, headline }));
  }, [html, baseUrl, headline]);
  return <div ref={box} class={className} />;
}
