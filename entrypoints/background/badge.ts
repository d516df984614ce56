import { badgeView } from '@/utils/ui/badge-view';
import { toolbarAction } from '@/utils/platform/browser-compat';
import { unreadShown } from '@/utils/stories/story-rules';
import { currentRules } from './current-rules';
import type { StoryMeta } from '@/utils/feed/types';
import { t } from '@/utils/ui/i18n';
import { pollStatusItem, settingsItem, storiesItem } from '@/utils/storage';

/**
 * Derives the badge from storage (never stored itself): unread count (of the stories the reader's
 * rules do not hide), or the error state. A caller
 * that was just handed the story list (a storage watch) passes it, so it is not read again.
 */
export async function updateBadge(known: StoryMeta[] | null = null, now = Date.now()): Promise<void> {
  const [stories, status, settings] = await Promise.all([
    known ?? storiesItem.getValue(),
    pollStatusItem.getValue(),
    settingsItem.getValue(),
  ]);
  const view = badgeView({
    showCount: settings.badge,
    unread: unreadShown(stories, currentRules(settings)),
    error: status.error,
    lastSuccessAt: status.lastSuccessAt,
    now,
    extensionName: t('extName'),
  });
  const action = toolbarAction();
  await Promise.all([
    action.setBadgeText({ text: view.text }),
    action.setBadgeBackgroundColor({ color: view.color }),
    action.setTitle({ title: view.title }),
  ]);
}
