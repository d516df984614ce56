import { memo } from '../utils/ui/memo';
import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { StoryMeta } from '@/utils/feed/types';
import { relativeTime } from '@/utils/ui/relative-time';
import { sharperThumbnail } from '@/utils/ui/thumbnail';
import { useRowsOnScroll } from '@/utils/ui/use-rows-on-scroll';
import { t, uiLocale } from '@/utils/ui/i18n';
import { matchRanges } from '@/utils/ui/filter-stories';
import { useRowActions } from './row-actions';
import './StoryList.css';

export interface StoryListProps {
  stories: readonly StoryMeta[];
  label: string;
  listRef?: Ref<HTMLUListElement>;
}

const LOCALE = uiLocale();
// Made on first use: the side panel opened on one story never needs it.
let exact: Intl.DateTimeFormat | undefined;

/**
 * The row's tooltip, shown wherever the pointer rests on it (the link covers the row): the whole
 * headline, the sponsor, the exact date and time, and the rule that quiets or hides it.
 */
function rowTooltip(story: StoryMeta, note: string | null): string {
  const published = Date.parse(story.published);
  return [
    story.headline,
    story.sponsor && t('sponsoredBy', story.sponsor),
    // A date that does not parse is left out.
    !isNaN(published) &&
      (exact ??= new Intl.DateTimeFormat(LOCALE, { dateStyle: 'full', timeStyle: 'short' })).format(published),
    note,
  ]
    .filter(Boolean)
    .join('\n');
}
const THUMB_PX = 48;

/**
 * Headlines, newest first. One row at a time is in the tab order (roving focus): arrows or j/k
 * move, Enter opens in the side panel, `o` opens the original, `m` toggles read, Shift+M marks the
 * stories below read, `s` saves. A plain click
 * opens the side panel; Ctrl/Cmd/middle click opens the original, as links do.
 */
export function StoryList({ stories, label, listRef }: StoryListProps) {
  const { onOpenOriginal, onToggleRead, onToggleSaved, onMarkOlder, ruleNote } = useRowActions();
  const [activeId, setActiveId] = useState<string | null>(null);
  // The first screenful paints at once; more rows follow as the reader scrolls toward them.
  const { limit, setLimit, sentinel } = useRowsOnScroll(stories.length);
  const more = limit < stories.length;
  const shown = more ? stories.slice(0, limit) : stories;
  const activeIndex = Math.max(
    0,
    stories.findIndex((story) => story.id === activeId),
  );
  // A keyboard move to a row not drawn yet focuses it once it is.
  const pendingFocusRef = useRef<{ list: HTMLElement; index: number } | null>(null);
  useLayoutEffect(() => {
    const pending = pendingFocusRef.current;
    if (!pending) return;
    pendingFocusRef.current = null;
    pending.list.querySelectorAll<HTMLElement>('.row-main')[pending.index]?.focus();
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const story = stories[activeIndex];
    const move = (index: number) => {
      const to = Math.min(stories.length - 1, Math.max(0, index));
      const target = stories[to];
      if (!target) return;
      setActiveId(target.id);
      if (to < shown.length) {
        (event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('.row-main')[to]?.focus();
      } else {
        pendingFocusRef.current = { list: event.currentTarget as HTMLElement, index: to };
        setLimit(to + 1);
      }
    };
    if (event.key === 'ArrowDown' || event.key === 'j') move(activeIndex + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') move(activeIndex - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(stories.length - 1);
    else if (event.key === 'o' && story && onOpenOriginal) onOpenOriginal(story);
    else if (event.key === 'm' && story && onToggleRead) onToggleRead(story);
    else if (event.key === 'M' && story && onMarkOlder) onMarkOlder(story);
    else if (event.key === 's' && story && onToggleSaved) onToggleSaved(story);
    else return;
    event.preventDefault();
  };

  return (
    <ul class="stories" aria-label={label} onKeyDown={onKeyDown} ref={listRef}>
      {shown.map((story, index) => (
        <Row
          key={story.id}
          story={story}
          position={index + 1}
          total={stories.length}
          active={index === activeIndex}
          onFocus={setActiveId}
          note={ruleNote?.(story) ?? null}
        />
      ))}
      {more && <li ref={sentinel} class="more-rows" aria-hidden />}
    </ul>
  );
}

interface RowProps {
  story: StoryMeta;
  /** 1-based place in the whole list, and its length: screen readers say "3 of 1000" though fewer rows are drawn. */
  position: number;
  total: number;
  active: boolean;
  onFocus: (id: string) => void;
  note: string | null;
}

const Row = memo(function Row({ story, position, total, active, onFocus, note }: RowProps) {
  const { highlight, onOpen, snippet } = useRowActions();
  const matched = snippet?.(story);
  const tabIndex = active ? 0 : -1;
  const onClick = (event: MouseEvent) => {
    // Let the browser open the original for Ctrl/Cmd/Shift/middle clicks, as with any link.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    onOpen(story);
  };
  return (
    <li class={story.read ? 'row' : 'row unread'} data-id={story.id} aria-posinset={position} aria-setsize={total}>
      {/* The link covers the whole row (::after), and the label chips sit above it: a click
          anywhere opens the story, a click on a label filters by it. */}
      <a
        class="row-main"
        href={story.link || undefined}
        target="_blank"
        rel="noopener noreferrer"
        tabIndex={tabIndex}
        onClick={onClick}
        onFocus={() => onFocus(story.id)}
        title={rowTooltip(story, note)}
      >
        {/* Clamped to two lines on screen; the tooltip and the link's name keep all of it. */}
        <span class="headline">{marked(story.headline, highlight)}</span>
        {!story.read && <span class="visually-hidden"> {t('unreadMarker')}</span>}
      </a>
      {story.image && <Thumbnail image={story.image} />}
      <MetaLine story={story} note={note} />
      {matched && <span class="snippet">{marked(matched, highlight)}</span>}
      <ActionTray story={story} tabIndex={tabIndex} />
    </li>
  );
});

/**
 * Preact sets attributes in this order: lazy loading and no referrer must be in place before src
 * starts a request. A picture that cannot load leaves, and the headline takes its place (no
 * broken-image icon, no empty square).
 */
function Thumbnail({ image }: { image: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === image) return null;
  return (
    <img
      class="thumb"
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
      alt=""
      width={THUMB_PX}
      height={THUMB_PX}
      src={sharperThumbnail(image, THUMB_PX * 2)}
      onError={() => setFailed(image)}
    />
  );
}

/** Saved, the rule that quiets it, its age, its sponsor, then as many of its labels (chips that filter; a search marks what it matched) as fit. */
function MetaLine({ story, note }: { story: StoryMeta; note: string | null }) {
  const { now, activeLabel = null, onLabel, highlight } = useRowActions();
  return (
    <span class="meta">
      {/* Seen at a glance; the Save toggle says it to screen readers. */}
      {story.saved && <span class="saved-mark" aria-hidden />}
      {note && <span class="rule-mark" role="img" aria-label={note} />}
      {/* Nothing for a date that does not parse (relativeTime says nothing for it). */}
      <time dateTime={story.published}>{relativeTime(Date.parse(story.published), now, LOCALE)}</time>
      {story.sponsor && <span class="sponsored">{t('sponsored')}</span>}
      {/* Whole chips only: one that does not fit wraps onto a line the row does not show. */}
      <span class="labels">
        {story.labels.map((label) =>
          onLabel ? (
            <button
              key={label}
              type="button"
              class="label"
              // A shortcut for the mouse: the filter bar offers every label to the keyboard.
              tabIndex={-1}
              aria-pressed={label === activeLabel}
              title={label === activeLabel ? t('labelClearHint') : t('labelFilterHint', label)}
              onClick={() => onLabel(label)}
            >
              {marked(label, highlight)}
            </button>
          ) : (
            <span key={label} class="label">
              {marked(label, highlight)}
            </span>
          ),
        )}
      </span>
    </span>
  );
}

/** Save, mark read or unread, open the original: shown on hover and focus. */
function ActionTray({ story, tabIndex }: { story: StoryMeta; tabIndex: number }) {
  const { onToggleRead, onOpenOriginal, onToggleSaved, onMarkOlder } = useRowActions();
  if (!onToggleRead && !onOpenOriginal && !onToggleSaved) return null;
  return (
    <span class="row-actions">
      {onToggleSaved && (
        <button
          type="button"
          class="toggle-saved"
          tabIndex={tabIndex}
          aria-label={t('saveStory')}
          aria-pressed={!!story.saved}
          title={story.saved ? t('unsaveStoryHint') : t('saveStoryHint')}
          onClick={() => onToggleSaved(story)}
        />
      )}
      {onToggleRead && (
        <button
          type="button"
          class="toggle-read"
          tabIndex={tabIndex}
          aria-label={story.read ? t('markUnread') : t('markRead')}
          title={story.read ? t('markUnreadHint') : t('markReadHint')}
          onClick={() => onToggleRead(story)}
        />
      )}
      {onMarkOlder && (
        <button
          type="button"
          class="mark-older"
          tabIndex={tabIndex}
          aria-label={t('markOlder')}
          aria-keyshortcuts="Shift+M"
          title={t('markOlderHint')}
          onClick={() => onMarkOlder(story)}
        />
      )}
      {onOpenOriginal && story.link && (
        <button
          type="button"
          class="open-original"
          tabIndex={tabIndex}
          aria-label={t('openOriginal')}
          title={t('openOriginalHint')}
          onClick={() => onOpenOriginal(story)}
        />
      )}
    </span>
  );
}

/** The headline with what the search matched in <mark>. */
function marked(text: string, words: readonly string[]) {
  const ranges = matchRanges(text, words);
  if (!ranges.length) return text;
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}
