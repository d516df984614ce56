import { useMemo } from 'preact/hooks';
import { unreadCount } from '../stories/read-state';
import { savedCount } from '../stories/saved';
import { hasRules, judgeStory, type Rules, type Verdict } from '../stories/story-rules';
import type { StoryMeta } from '../feed/types';
import { filterStories } from './filter-stories';
import { labelCounts } from './label-counts';
import type { ListFilter } from './use-list-filter';

/**
 * What the list shows under the filter and the reader's rules, and the counts around it (unread
 * past the hidden, saved, hidden, per label). `all` is the whole index; `stories` may be the popup's
 * first screen while it loads.
 */
export function useListView(
  stories: readonly StoryMeta[] | undefined,
  all: readonly StoryMeta[] | undefined,
  rules: Rules,
  filter: ListFilter,
  locale: string,
) {
  const { query, unreadOnly, label, saved, showHidden } = filter;
  const everything = all ?? stories;
  const verdicts = useMemo(() => judgeAll(everything ?? [], rules), [everything, rules]);
  const hiddenTotal = useMemo(() => {
    let count = 0;
    for (const verdict of verdicts.values()) if (verdict.action === 'hide') count++;
    return count;
  }, [verdicts]);
  // Apart from the filter: a keystroke filters again, it does not judge again.
  const shown = useMemo(
    () => stories?.filter((story) => (verdicts.get(story.id)?.action === 'hide') === showHidden),
    [stories, verdicts, showHidden],
  );
  const visible = useMemo(
    () => shown && filterStories(shown, { query, unreadOnly, label, saved }),
    [shown, query, unreadOnly, label, saved],
  );
  const savedTotal = useMemo(() => savedCount(everything ?? []), [everything]);
  // The labels of the stories this view can show: in the list, a label whose every story the
  // rules hide would offer a filter that shows nothing.
  const labels = useMemo(
    () =>
      labelCounts(
        (everything ?? []).filter((story) => (verdicts.get(story.id)?.action === 'hide') === showHidden),
        locale,
      ),
    [everything, verdicts, showHidden, locale],
  );
  const unread = useMemo(
    () => (all ? unreadCount(all.filter((story) => verdicts.get(story.id)?.action !== 'hide')) : 0),
    [all, verdicts],
  );
  return { verdicts, visible, hiddenTotal, savedTotal, labels, unread };
}

/** Each story's verdict under the rules, by id (none to judge without rules). */
function judgeAll(stories: readonly StoryMeta[], rules: Rules): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  if (!hasRules(rules)) return verdicts;
  for (const story of stories) verdicts.set(story.id, judgeStory(story, rules));
  return verdicts;
}
