import { useMemo, useState } from 'preact/hooks';
import { foundRowActions, RowActionsContext, useRowActions } from './row-actions';
import { StoryList } from './StoryList';
import type { StoryMeta } from '@/utils/feed/types';
import { sendRequest, type SearchReply } from '@/utils/platform/messages';
import { clockTime } from '@/utils/ui/clock-time';
import { describeError } from '@/utils/ui/error-text';
import { t } from '@/utils/ui/i18n';

export interface BlogSearchProps {
  query: string;
  /** Every stored story: what the blog finds is stored first, then shown from here. */
  stories: readonly StoryMeta[];
  /** What the list above shows already: not repeated. */
  shown: readonly StoryMeta[];
}

interface Found {
  query: string;
  ids: string[];
  total: number | null;
  next: number | null;
  /** By id: the text that matched, where the headline does not show it. */
  snippets: Record<string, string>;
  /** What the last press said: a failure, the site's rest. */
  said: { text: string; error: boolean } | null;
}

/**
 * Offered under a search that finds few stored stories: asks the blog's own search (loaded on use)
 * and lists what it finds like any story, page by page. A new query starts fresh.
 */
export function BlogSearch({ query, stories, shown }: BlogSearchProps) {
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<Found | null>(null);
  const found = state?.query === query ? state : null;
  // Its rows act as the list's, but say what matched and neither filter nor name a rule.
  const actions = useRowActions();
  const snippets = found?.snippets;
  const rows = useMemo(() => foundRowActions(actions, snippets), [actions, snippets]);
  const ask = async () => {
    setBusy(true);
    try {
      const reply = await sendRequest({ type: 'search-blog', query, start: found?.next ?? 1 });
      setState(merge(found, query, reply));
    } finally {
      setBusy(false);
    }
  };
  const list = useMemo(() => {
    if (!found) return [];
    const byId = new Map(stories.map((story) => [story.id, story]));
    const skip = new Set(shown.map((story) => story.id));
    return found.ids.flatMap((id) => (skip.has(id) ? [] : (byId.get(id) ?? [])));
  }, [found, stories, shown]);
  const asked = found && found.total !== null;

  return (
    <section class="blog-search" aria-label={t('blogSearchResults')}>
      {asked && (
        <p class="blog-search-title">
          {found.total ? t('blogSearchFound', [found.total, query]) : t('blogSearchNone', query)}
        </p>
      )}
      {list.length > 0 && (
        <RowActionsContext.Provider value={rows}>
          <StoryList stories={list} label={t('blogSearchResults')} />
        </RowActionsContext.Provider>
      )}
      {found?.said && (
        <p
          class={found.said.error ? 'older-note older-error' : 'older-note'}
          role={found.said.error ? 'alert' : 'status'}
        >
          {found.said.text}
        </p>
      )}
      {(!asked || found.next !== null) && (
        <button
          type="button"
          class={asked ? undefined : 'primary'}
          onClick={() => void ask()}
          disabled={busy}
          aria-busy={busy}
        >
          {busy ? t('blogSearching') : asked ? t('blogSearchMore') : t('blogSearchAll')}
        </button>
      )}
      {!asked && <p class="older-note">{t('blogSearchHint')}</p>}
    </section>
  );
}

/** The found ids so far and this page's, or what stopped it. */
function merge(found: Found | null, query: string, reply: SearchReply): Found {
  const said = reply.waitUntil
    ? { text: t('blogSearchWait', clockTime(reply.waitUntil, Date.now())), error: false }
    : reply.error
      ? { text: t('blogSearchFailed', describeError(reply.error)), error: true }
      : null;
  const snippets = found?.snippets ?? {};
  if (said)
    return { query, ids: found?.ids ?? [], total: found?.total ?? null, next: found?.next ?? null, snippets, said };
  return {
    query,
    ids: [...(found?.ids ?? []), ...reply.ids],
    total: reply.total ?? 0,
    next: reply.next,
    snippets: { ...snippets, ...reply.snippets },
    said: null,
  };
}
