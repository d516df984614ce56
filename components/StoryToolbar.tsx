import { useExpiring } from '@/utils/ui/use-expiring';
import { t } from '@/utils/ui/i18n';
import './StoryToolbar.css';

export interface StoryToolbarProps {
  /** 1-based place of the story in the list it was opened from (the popup's filter), and its length. */
  position: number;
  total: number;
  /** What that list was filtered by, said in the position's tooltip: a label, any other filter (true), or none. */
  within?: string | boolean;
  /** The post's own address; empty when the feed gave none. */
  link: string;
  read: boolean;
  saved: boolean;
  /** A message about the reader's last action (the Saved shelf is full), or null. */
  notice?: string | null;
  onList: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onToggleRead: () => void;
  onToggleSaved: () => void;
  /** Listen is reading (or paused): its button shows pressed, and pauses or goes on. */
  listening?: boolean;
  onListen?: () => void;
  /** The Text settings panel is open; the button opens and closes it (it gives itself, to take focus back). */
  textOpen?: boolean;
  onTextSettings?: (opener: HTMLElement) => void;
}

/** Navigation, the way to the original, read and saved state, Listen and Text settings, above a story. */
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
      <button
        type="button"
        class="i-list"
        onClick={props.onList}
        aria-label={t('allStories')}
        title={t('allStories')}
      />
      <button
        type="button"
        class="i-prev"
        onClick={props.onPrevious}
        disabled={props.position <= 1}
        aria-label={t('previousStory')}
        title={t('previousStoryHint')}
      />
      <button
        type="button"
        class="i-next"
        onClick={props.onNext}
        disabled={props.position >= props.total}
        aria-label={t('nextStory')}
        title={t('nextStoryHint')}
      />
      <span class="position" title={positionHint(props)}>
        {t('storyPosition', [String(props.position), String(props.total)])}
      </span>
      <span class="spacer" />
      {props.link && (
        <>
          <a
            class="tool i-open"
            href={props.link}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('openOriginal')}
            title={t('openOriginalHint')}
          />
          <button type="button" class="i-copy" onClick={copy} aria-label={t('copyLink')} title={t('copyLink')} />
        </>
      )}
      <button
        type="button"
        class={props.read ? 'i-unread' : 'i-check'}
        onClick={props.onToggleRead}
        aria-label={props.read ? t('markUnread') : t('markRead')}
        title={props.read ? t('markUnreadHint') : t('markReadHint')}
      />
      <button
        type="button"
        class="save"
        onClick={props.onToggleSaved}
        aria-label={t('saveStory')}
        aria-pressed={props.saved}
        title={props.saved ? t('unsaveStoryHint') : t('saveStoryHint')}
      />
      <button
        type="button"
        class="i-listen"
        onClick={props.onListen}
        aria-pressed={!!props.listening}
        aria-label={t('listen')}
        aria-keyshortcuts="r"
        title={t('listenHint')}
      />
      <button
        type="button"
        class="i-text"
        onClick={(event) => props.onTextSettings?.(event.currentTarget)}
        aria-expanded={!!props.textOpen}
        aria-label={t('textSettings')}
        title={t('textSettings')}
      />
      <span class="copied" role="status">
        {props.notice ?? copied}
      </span>
    </nav>
  );
}

/** "3 of 8" says of what: the stories labelled so, or the list as the reader filtered it. */
function positionHint({ position, total, within }: StoryToolbarProps): string | undefined {
  const place = [String(position), String(total)];
  if (typeof within === 'string') return t('storyPositionLabel', [...place, within]);
  return within ? t('storyPositionFiltered', place) : undefined;
}
