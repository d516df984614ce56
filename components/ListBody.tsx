import type { RefObject } from 'preact';
import { StateMessage } from './StateMessage';
import { StoryList } from './StoryList';
import type { StoryMeta } from '@/utils/feed/types';
import type { PollStatus } from '@/utils/storage';
import type * as ListEnd from './ListEnd';
import type { ListFilter } from '@/utils/ui/use-list-filter';
import { t } from '@/utils/ui/i18n';

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
  /** The list's end (loaded on use), and which of its parts to show. */
  listEnd: typeof ListEnd | null;
  older: boolean;
  askBlog: boolean;
}

/** The headlines, or the one message that stands in for them: loading, first run, failure with Retry, no match, nothing saved. */
export function ListBody(props: ListBodyProps) {
  const { stories, status, visible, filter, savedTotal, failure, refreshing, onRetry } = props;
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
  if (filter.saved && savedTotal === 0) {
    return (
      <StateMessage title={t('noSavedStories')}>
        <p>{t('noSavedHint')}</p>
        <ShowAll filter={filter} />
      </StateMessage>
    );
  }
  return <Stories {...props} stories={stories} visible={visible} />;
}

function Stories({
  stories,
  all,
  visible,
  filter,
  listRef,
  listEnd,
  older,
  askBlog,
}: ListBodyProps & {
  stories: readonly StoryMeta[];
  visible: readonly StoryMeta[];
}) {
  const { query, label, narrowed } = filter;
  return (
    <div class="list-scroll">
      {visible.length ? (
        <StoryList
          stories={visible}
          label={narrowed ? t('storiesShown', visible.length) : t('stories')}
          listRef={listRef}
        />
      ) : (
        <StateMessage
          title={query ? t('noMatch', query) : label !== null ? t('noStoriesLabelled', label) : t('allCaughtUp')}
        >
          <ShowAll filter={filter} />
        </StateMessage>
      )}
      {listEnd && older && <listEnd.OlderStories label={label} />}
      {listEnd && askBlog && <listEnd.BlogSearch query={query.trim()} stories={all ?? stories} shown={visible} />}
    </div>
  );
}

function ShowAll({ filter }: { filter: ListFilter }) {
  return (
    <button type="button" onClick={filter.showAll}>
      {t('showAllStories')}
    </button>
  );
}
