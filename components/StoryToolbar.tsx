import { useExpiring } from '@/utils/ui/use-expiring';
import { t } from '@/utils/ui/i18n';
import './StoryToolbar.css';

export interface StoryToolbarProps {
  /** 1-based place of the story in the list it was opened from (the popup's filter), and its length. */
  position: number;
  total: number;
  /** The post's own address; empty when the feed gave none. */
  link: string;
  read: boolean;
  saved: boolean;
  /** A message about the reader's last action (the Saved shelf is full), or null. */
  notice?: string | null;
  canShrink: boolean;
  canGrow: boolean;
  onList: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onToggleRead: () => void;
  onToggleSaved: () => void;
  onShrink: () => void;
  onGrow: () => void;
}

/** Navigation, the way to the original, read and saved state, and text size, above a story. */
export function StoryToolbar(props: StoryToolbarProps) {
  const [copied, setCopied] = useExpiring<string>(2500);
  const copy = () => {
    navigator.clipboard.writeText(props.link).then(
      () => setCopied(t('linkCopied')),
      () => setCopied(t('copyFailed')),
    );
  };
  return (
    <nav class="story-toolbar" aria-label={t('storyNavigation')}>
      <button type="button" onClick={props.onList} aria-label={t('allStories')} title={t('allStories')}>
        ☰
      </button>
      <button
        type="button"
        onClick={props.onPrevious}
        disabled={props.position <= 1}
        aria-label={t('previousStory')}
        title={t('previousStoryHint')}
      >
        ‹
      </button>
      <button
        type="button"
        onClick={props.onNext}
        disabled={props.position >= props.total}
        aria-label={t('nextStory')}
        title={t('nextStoryHint')}
      >
        ›
      </button>
      <span class="position">{t('storyPosition', [String(props.position), String(props.total)])}</span>
      <span class="spacer" />
      {props.link && (
        <>
          <a
            class="tool"
            href={props.link}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('openOriginal')}
            title={t('openOriginalHint')}
          >
            ↗
          </a>
          <button type="button" onClick={copy} aria-label={t('copyLink')} title={t('copyLink')}>
            {/* Drawn, not a glyph: no system font is sure to have a copy sign. */}
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden>
              <rect
                x="5.5"
                y="5.5"
                width="8"
                height="8"
                rx="1.5"
                fill="none"
                stroke="currentColor"
                stroke-width="1.5"
              />
              <path
                d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1"
                fill="none"
                stroke="currentColor"
                stroke-width="1.5"
              />
            </svg>
          </button>
        </>
      )}
      <button
        type="button"
        onClick={props.onToggleRead}
        aria-label={props.read ? t('markUnread') : t('markRead')}
        title={props.read ? t('markUnreadHint') : t('markReadHint')}
      >
        {props.read ? '●' : '✓'}
      </button>
      <button
        type="button"
        class="save"
        onClick={props.onToggleSaved}
        aria-label={t('saveStory')}
        aria-pressed={props.saved}
        title={props.saved ? t('unsaveStoryHint') : t('saveStoryHint')}
      >
        {props.saved ? '★' : '☆'}
      </button>
      <button type="button" onClick={props.onShrink} disabled={!props.canShrink} title={t('smallerText')}>
        <span aria-hidden>A−</span>
        <span class="visually-hidden">{t('smallerText')}</span>
      </button>
      <button type="button" onClick={props.onGrow} disabled={!props.canGrow} title={t('largerText')}>
        <span aria-hidden>A+</span>
        <span class="visually-hidden">{t('largerText')}</span>
      </button>
      <span class="copied" role="status">
        {props.notice ?? copied}
      </span>
    </nav>
  );
}
