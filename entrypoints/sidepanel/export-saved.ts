import { storage } from 'wxt/utils/storage';
import type { StoryMeta } from '@/utils/feed/types';
import { savedStoriesDocument } from '@/utils/preview/saved-export';
import { bodyKey, readerFontScaleItem, readingStyleItem } from '@/utils/storage';
import { downloadFile } from '@/utils/ui/download-file';
import { filterStories } from '@/utils/ui/filter-stories';
import { t, uiLocale } from '@/utils/ui/i18n';

/** Writes the saved stories, with their stored bodies, to one HTML file the browser downloads, set as Text settings say. */
export async function exportSaved(stories: readonly StoryMeta[], now = new Date()): Promise<void> {
  const saved = filterStories(stories, { query: '', unreadOnly: false, label: null, saved: true });
  const [bodies, style, scale] = await Promise.all([
    Promise.all(saved.map((story) => storage.getItem<string>(bodyKey(story.id)))),
    readingStyleItem.getValue(),
    readerFontScaleItem.getValue(),
  ]);
  const html = savedStoriesDocument(
    saved.map((story, index) => ({ story, body: bodies[index] ?? null })),
    { site: t('extName'), exportedAt: now, locale: uiLocale(), reading: { style, scale } },
  );
  downloadFile(`smileband-news-saved-${now.toISOString().slice(0, 10)}.html`, 'text/html', html);
}
