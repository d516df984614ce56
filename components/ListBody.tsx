import type { RefObject } from 'preact';
import { StateMessage } from './StateMessage';
import { StoryList } from './StoryList';
import type { StoryMeta } from '@/utils/feed/types';
import type { PollStatus } from '@/utils/storage';
import type { ListFilter } from '@/utils/ui/use-list-filter';
import { t } from '@/utils/ui/i18n';
import { useLazy } from '@/utils/ui/use-lazy';

/** Fewer stored matches than this, and a search offers the whole blog's. */
const FEW_MATCHES = 5;

export interface ListBodyProps {
  stories: readonly StoryMeta[] | undefined;
  /** The whole index (the blog's search stores its finds among it). */
  all: readonly StoryMeta[] | undefined;
  status: PollStatus | undefined;
  /** What the filter and the rules leave of `stories`. */
  visible: readonly StoryMeta[] | undefined;
  filter: ListFilter;
  savedTotal: number;
  /** The status line's words, for a failed first run. */
  failure: string | undefined;
  refreshing: boolean;
  onRetry: () => void;
  listRef: RefObject<HTMLUListElement | null>;
}

/** The headlines, or the one message that stands in for them: loading, first run, failure with Retry, no match, nothing saved. */
export function ListBody(props: ListBodyProps) {
  const { stories, status, visible, filter, savedTotal, failure, refreshing, onRetry } = props;
  const { query, unreadOnly, saved, showHidden, label } = filter;
  // Older stories at the end of the list, for all posts or a label's; the archive arrives read, so
  // not under Unread only, and a search, Saved and Hidden look only at what is stored.
  const older = !query && !unreadOnly && !saved && !showHidden;
  // A search that finds few stored matches offers the blog's own.
  const askBlog = !saved && !showHidden && (visible?.length ?? FEW_MATCHES) < FEW_MATCHES && !!query.trim();
  const listEnd = useLazy(() => import('./ListEnd'), older || askBlog || showHidden);
  const showAll = (
    <button type="button" class="quiet" onClick={filter.showAll}>
      {t('showAllStories')}
    </button>
  );
  if (!stories || !status || !visible) return <StateMessage title={t('loadingStories')} tone="busy" />;
  if (stories.length === 0) {
    if (status.error) {
      return (
        <StateMessage title={t('loadFailed')} tone="error">
          <p>{failure}</p>
          <button type="button" onClick={onRetry} disabled={refreshing}>
            {t('tryAgain')}
          </button>
        </StateMessage>
      );
    }
    if (!status.lastSuccessAt) return <StateMessage title={t('fetchingFirst')} tone="busy" />;
    return <StateMessage title={t('noStoriesInFeed')} />;
  }
  const blogSearch = listEnd && askBlog && (
    <listEnd.BlogSearch query={query.trim()} stories={props.all ?? stories} shown={visible} />
  );
  if (filter.saved && savedTotal === 0) {
    return (
      <StateMessage title={t('noSavedStories')}>
        <p>{t('noSavedHint')}</p>
        {showAll}
      </StateMessage>
    );
  }
  return (
    <div class="list-scroll">
      {listEnd && showHidden && <listEnd.HiddenWhy />}
      {visible.length ? (
        <StoryList
          stories={visible}
          label={
            query || unreadOnly || label !== null || saved || showHidden
              ? t('storiesShown', visible.length)
              : t('stories')
          }
          listRef={props.listRef}
        />
      ) : (
        <StateMessage
          title={query ? t('noMatch', query) : label !== null ? t('noStoriesLabelled', label) : t('allCaughtUp')}
        >
          {/* Nothing stored matches: the blog's search is the way on, and comes first. */}
          {blogSearch}
          {showAll}
        </StateMessage>
      )}
      {listEnd && older && <listEnd.OlderStories label={label} />}
      {visible.length > 0 && blogSearch}
    </div>
  );
}
