import { useLayoutEffect, useRef } from 'preact/hooks';
import { removeWithEmptyWrappers } from '@/utils/preview/clean-preview';
import { renderStory } from '@/utils/preview/sanitize';

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
 * never a string, so nothing is parsed twice. A picture that cannot load (offline, gone, blocked)
 * leaves with the box around it, so no broken-image icon or empty frame stays in the story.
 */
export function SafeHtml({ html, baseUrl, headline, class: className }: SafeHtmlProps) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (box.current) renderStory(box.current, html, { baseUrl, headline });
  }, [html, baseUrl, headline]);
  useLayoutEffect(() => {
    const root = box.current;
    if (!root) return;
    // Load errors do not bubble; the capture phase sees every picture's.
    const onError = (event: Event) => {
      if (event.target instanceof HTMLImageElement) removeWithEmptyWrappers(event.target, root);
    };
    root.addEventListener('error', onError, true);
    return () => root.removeEventListener('error', onError, true);
  }, []);
  return <div ref={box} class={className} />;
}
