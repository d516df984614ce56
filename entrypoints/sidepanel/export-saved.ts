import { storage } from 'wxt/utils/storage';
import type { StoryMeta } from '@/utils/feed/types';
import { savedStoriesDocument } from '@/utils/preview/saved-export';
import { bodyKey } from '@/utils/storage';
import { downloadFile } from '@/utils/ui/download-file';
import { filterStories } from '@/utils/ui/filter-stories';
import { t, uiLocale } from '@/utils/ui/i18n';

/** Writes the saved stories, with their stored bodies, to one HTML file the browser downloads. */
export async function exportSaved(stories: readonly StoryMeta[], now = new Date()): Promise<void> {
  const saved = filterStories(stories, { query: '', unreadOnly: false, label: null, saved: true });
  const bodies = await Promise.all(saved.map((story) => storage.getItem<string>(bodyKey(story.id))));
  const html = savedStoriesDocument(
    saved.map((story, index) => ({ story, body: bodies[index] ?? null })),
    { site: t('extName'), exportedAt: now, locale: uiLocale() },
  );
  downloadFile(`smileband-news-saved-${now.toISOString().slice(0, 10)}.html`, 'text/html', html);
}
