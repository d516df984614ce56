import type { RefObject } from 'preact';
import { LabelBar } from './LabelBar';
import type { LabelCount } from '@/utils/ui/label-counts';
import type { ListFilter } from '@/utils/ui/use-list-filter';
import { t } from '@/utils/ui/i18n';

export interface FilterRowProps {
  filter: ListFilter;
  savedTotal: number;
  hiddenTotal: number;
  labels: readonly LabelCount[];
  labelBarRef: RefObject<HTMLDivElement | null>;
}

/** What the list shows: unread only, the Saved view, the Hidden view, a label. The labels scroll sideways. */
export function FilterRow({ filter, savedTotal, hiddenTotal, labels, labelBarRef }: FilterRowProps) {
  const { unreadOnly, saved, showHidden, label, change } = filter;
  return (
    <div class="filter-row">
      <label class="toggle">
        <input
          type="checkbox"
          checked={unreadOnly}
          onChange={(event) => change({ unreadOnly: event.currentTarget.checked })}
        />{' '}
        {t('unreadOnly')}
      </label>
      <ViewToggle
        pressed={saved}
        name={t('savedStories', savedTotal)}
        hint={saved ? t('savedViewClearHint') : t('savedViewHint')}
        icon={saved ? 'i-star-filled' : 'i-star'}
        text={t('savedView')}
        count={savedTotal}
        onToggle={() => change({ saved: !saved })}
      />
      {(hiddenTotal > 0 || showHidden) && (
        <ViewToggle
          pressed={showHidden}
          name={t('hiddenStories', hiddenTotal)}
          hint={showHidden ? t('hiddenViewClearHint') : t('hiddenViewHint')}
          icon="i-hidden"
          text={t('hiddenView')}
          count={hiddenTotal}
          onToggle={() => change({ showHidden: !showHidden })}
        />
      )}
      {labels.length > 0 && (
        <LabelBar labels={labels} active={label} onChoose={(next) => change({ label: next })} barRef={labelBarRef} />
      )}
    </div>
  );
}

interface ViewToggleProps {
  pressed: boolean;
  /** The accessible name, with the count. */
  name: string;
  hint: string;
  /** Its icon's class (components/icons.css). */
  icon: string;
  text: string;
  count: number;
  onToggle: () => void;
}

/** A view of the list (Saved, Hidden): a pressed chip while it shows, with how many it holds. */
function ViewToggle({ pressed, name, hint, icon, text, count, onToggle }: ViewToggleProps) {
  return (
    <button type="button" class="view-toggle" aria-pressed={pressed} aria-label={name} title={hint} onClick={onToggle}>
      <span aria-hidden>
        <span class={icon} /> {text} {count > 0 && <span class="view-count">{count}</span>}
      </span>
    </button>
  );
}
