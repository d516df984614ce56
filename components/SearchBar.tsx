import type { RefObject } from 'preact';
import { t } from '@/utils/ui/i18n';

export interface SearchBarProps {
  query: string;
  onQuery: (query: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** The list below: ArrowDown leaves the search for its focused row. */
  listRef: RefObject<HTMLUListElement | null>;
  unread: number;
  onMarkAllRead: () => void;
}

/** The search field and Mark all read, above the list. */
export function SearchBar({ query, onQuery, searchRef, listRef, unread, onMarkAllRead }: SearchBarProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      listRef.current?.querySelector<HTMLElement>('.row-main[tabindex="0"]')?.focus();
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      onQuery('');
    }
  };
  return (
    <div class="toolbar">
      <input
        ref={searchRef}
        type="search"
        class="search"
        placeholder={t('searchPlaceholder')}
        aria-label={t('search')}
        title={t('searchHint')}
        aria-keyshortcuts="/"
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {/* Words and an icon; in a panel too narrow for the words, the icon with its tooltip. */}
      <button
        type="button"
        class="i-check-all"
        onClick={onMarkAllRead}
        disabled={unread === 0}
        title={t('markAllRead')}
      >
        <span class="words">{t('markAllRead')}</span>
      </button>
    </div>
  );
}
