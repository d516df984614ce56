import { useLayoutEffect } from 'preact/hooks';
import { readerFontScaleItem, readingStyleItem } from '@/utils/storage';
import { peekItem, readItem } from '@/utils/ui/early-reads';
import { useStored } from '@/utils/ui/use-stored';

/**
 * The story as Text settings set it, from the first render (the early reads): the size, typeface,
 * line spacing and column width as the panel's attributes, and the theme on the page's root (its
 * colours are :root's), set before the browser paints.
 */
export function useReadingStyle() {
  const scale = useStored(readerFontScaleItem, { read: readItem, peek: peekItem }) ?? 1;
  const style = useStored(readingStyleItem, { read: readItem, peek: peekItem });
  const theme = style?.theme;
  useLayoutEffect(() => {
    if (theme && theme !== 'system') document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
  }, [theme]);
  return {
    style: { '--font-scale': String(scale) },
    'data-font': style?.font,
    'data-spacing': style?.spacing,
    'data-width': style?.width,
  };
}
