// Listen's controls under the story's toolbar. Plain DOM, as all the reader's tools (./dom.ts).
// Styles: components/StoryToolbar.css.
import { t } from '@/utils/ui/i18n';
import { h } from './dom';
import type { ListenState } from './listen-session';

export interface BarActions {
  pauseOrResume: () => void;
  skip: (by: number) => void;
  stop: () => void;
  /** Offered at the end; absent on the list's last story. */
  nextStory?: () => void;
}

export interface ListenBar {
  show: (state: ListenState, index: number, total: number) => void;
  remove: () => void;
}

const iconButton = (icon: string, label: string, onClick: () => void) =>
  h('button', { type: 'button', class: icon, 'aria-label': label, title: label, click: onClick });

/** The bar, in `slot`: back, pause or resume, on, stop, and what it is doing (the voice and speed are options'). */
export function listenBar(slot: HTMLElement, actions: BarActions): ListenBar {
  const pause = iconButton('i-pause', t('listenPause'), actions.pauseOrResume);
  const status = h('span', { class: 'listen-status', role: 'status' });
  const next = h(
    'button',
    { type: 'button', class: 'primary', click: () => actions.nextStory?.() },
    t('listenNextStory'),
  );
  next.hidden = true;
  // The controls and what it reads (at the end, with the next story) on one line.
  const bar = h(
    'div',
    { class: 'listen-bar', role: 'group', 'aria-label': t('listen') },
    iconButton('i-prev', t('listenBack'), () => actions.skip(-1)),
    pause,
    iconButton('i-next', t('listenOn'), () => actions.skip(1)),
    iconButton('i-stop', t('listenStop'), actions.stop),
    h('div', { class: 'listen-line' }, status, next),
  );
  slot.replaceChildren(bar);
  return {
    show(state, index, total) {
      const paused = state === 'paused';
      pause.className = paused ? 'i-play' : 'i-pause';
      pause.setAttribute('aria-label', paused ? t('listenResume') : t('listenPause'));
      pause.title = pause.getAttribute('aria-label')!;
      pause.disabled = state === 'ended';
      status.textContent =
        state === 'ended'
          ? t('listenEnded')
          : t(paused ? 'listenPaused' : 'listenReading', [String(index + 1), String(total)]);
      next.hidden = state !== 'ended' || !actions.nextStory;
    },
    remove: () => bar.remove(),
  };
}
