import { t } from '@/utils/ui/i18n';
import './StoryToolbar.css';
export interface StoryToolbarProps {
  hasPrevious: boolean;
  hasNext: boolean;
  canShrink: boolean;
  canGrow: boolean;
  onList: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onShrink: () => void;
  onGrow: () => void;
}

/** Navigation and text size above a story. */
export function StoryToolbar(props: StoryToolbarProps) {
  return (
    <nav class="story-toolbar" aria-label={t('storyNavigation')}>
      <button type="button" onClick={props.onList} aria-label={t('allStories')} title={t('allStories')}>
        ☰
      </button>
      <button
        type="button"
        onClick={props.onPrevious}
        disabled={!props.hasPrevious}
        aria-label={t('previousStory')}
        title={t('previousStoryHint')}
      >
        ‹
      </button>
      <button
        type="button"
        onClick={props.onNext}
        disabled={!props.hasNext}
        aria-label={t('nextStory')}
        title={t('nextStoryHint')}
      >
        ›
      </button>
      <span class="spacer" />
      <button type="button" onClick={props.onShrink} disabled={!props.canShrink} title={t('smallerText')}>
        <span aria-hidden="true">A−</span>
        <span class="visually-hidden">{t('smallerText')}</span>
      </button>
      <button type="button" onClick={props.onGrow} disabled={!props.canGrow} title={t('largerText')}>
        <span aria-hidden="true">A+</span>
        <span class="visually-hidden">{t('largerText')}</span>
      </button>
    </nav>
  );
}
