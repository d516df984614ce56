import type { Ref } from 'preact';
import type { LabelCount } from '@/utils/ui/label-counts';
import { t } from '@/utils/ui/i18n';
import './LabelBar.css';

export interface LabelBarProps {
  labels: readonly LabelCount[];
  /** The label the list is filtered to, or null. */
  active: string | null;
  /** A label to filter to; null shows every label again. */
  onChoose: (label: string | null) => void;
  barRef?: Ref<HTMLDivElement>;
}

/**
 * The blog's labels above the list, most used first, with their unread counts. The chosen one
 * comes first, pressed, with a × to clear it (LabelBar.css). One chip is in the tab order; arrows move along.
 */
export function LabelBar({ labels, active, onChoose, barRef }: LabelBarProps) {
  // A remembered label no stored story carries any more still shows, so it can be cleared.
  const chosen =
    labels.find((count) => count.label === active) ??
    (active === null ? undefined : { label: active, stories: 0, unread: 0 });
  const ordered = chosen ? [chosen, ...labels.filter((count) => count !== chosen)] : labels;
  const onKeyDown = (event: KeyboardEvent) => {
    const chips = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button')];
    const at = chips.indexOf(document.activeElement as HTMLButtonElement);
    const last = chips.length - 1;
    const to = ({ ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: last } as Record<string, number>)[event.key];
    if (to === undefined) return;
    chips[Math.min(last, Math.max(0, to))]?.focus();
    event.preventDefault();
  };
  return (
    <div class="label-bar" role="toolbar" aria-label={t('labels')} ref={barRef} onKeyDown={onKeyDown}>
      {ordered.map(({ label, unread }, index) => {
        const pressed = label === active;
        return (
          <button
            key={label}
            type="button"
            class="label-chip"
            aria-pressed={pressed}
            tabIndex={index === 0 ? 0 : -1}
            title={pressed ? t('labelClearHint') : t('labelFilterHint', label)}
            onClick={() => onChoose(pressed ? null : label)}
          >
            {label}
            {unread > 0 && (
              <span class="label-unread">
                {' '}
                <span aria-hidden>{unread}</span>
                <span class="visually-hidden">{t('unreadCount', unread)}</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
