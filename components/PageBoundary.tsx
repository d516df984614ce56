import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { t } from '@/utils/ui/i18n';
import './PageBoundary.css';

export interface PageBoundaryProps {
  children: ComponentChildren;
  /** What failed, for the log. */
  context: string;
  /** What the reader is told instead of a blank page. */
  message: string;
  /** Where the reader can go on: the story's original, when there is one. */
  link?: string | null;
}

/**
 * Catches a render error below it and shows a short message with a way on (the original, Reload)
 * instead of a blank page. The error is logged once, with what was being shown.
 */
export function PageBoundary({ children, context, message, link }: PageBoundaryProps) {
  const error: unknown = useErrorBoundary((caught: unknown) =>
    console.error(`Smileband News: ${context} could not be shown`, caught),
  )[0];
  if (!error) return <>{children}</>;
  return (
    <div class="page-error" role="alert">
      <p>{message}</p>
      <p class="page-error-actions">
        {link && (
          <a href={link} target="_blank" rel="noopener noreferrer">
            {t('openOriginal')}
          </a>
        )}
        <button type="button" onClick={() => location.reload()}>
          {t('reload')}
        </button>
      </p>
    </div>
  );
}
