import { useMemo } from 'preact/hooks';
import { sanitizeStoryHtml } from '@/utils/sanitize';

export interface SafeHtmlProps {
  /** Untrusted HTML from the feed. */
  html: string;
  /** The post's URL: relative links and images resolve against it. */
  baseUrl: string;
  class?: string;
}

/** The only component that renders feed HTML, and it sanitizes it first. */
export function SafeHtml({ html, baseUrl, class: className }: SafeHtmlProps) {
  const clean = useMemo(() => sanitizeStoryHtml(html, baseUrl), [html, baseUrl]);
  return <div class={className} dangerouslySetInnerHTML={{ __html: clean }} />;
}
