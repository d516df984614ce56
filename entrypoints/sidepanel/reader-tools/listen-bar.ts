// Listen's controls under the story's toolbar. Plain DOM, as all the reader's tools (./dom.ts).
// Styles: components/StoryToolbar.css.
import { t } from '@/utils/ui/i18n';
import { h } from './dom';
import type { ListenState } from './listen-session';

export const RATES = [0.75, 1, 1.25, 1.5, 2] as const;

export interface BarActions {
  pauseOrResume: () => void;
  skip: (by: number) => void;
  stop: () => void;
  /** Offered at the end; absent on the list's last story. */
  nextStory?: () => void;
  chooseVoice: (voiceURI: string) => void;
  chooseRate: (rate: number) => void;
}

export interface ListenBar {
  show: (state: ListenState, index: number, total: number) => void;
  remove: () => void;
}

const iconButton = (icon: string, label: string, onClick: () => void) =>
  h('button', { type: 'button', class: icon, 'aria-label': label, title: label, click: onClick });

/** The bar, in `slot`: back, pause or resume, on, stop, the voice and the speed, and what it is doing. */
export function listenBar(
  slot: HTMLElement,
  voices: readonly SpeechSynthesisVoice[],
  chosen: { voice: SpeechSynthesisVoice | null; rate: number },
  actions: BarActions,
): ListenBar {
  const pause = iconButton('i-pause', t('listenPause'), actions.pauseOrResume);
  const status = h('span', { class: 'listen-status', role: 'status' });
  const next = h(
    'button',
    { type: 'button', class: 'primary', click: () => actions.nextStory?.() },
    t('listenNextStory'),
  );
  next.hidden = true;
  const voice = h(
    'select',
    {
      'aria-label': t('listenVoice'),
      title: t('listenVoice'),
      change: (event) => actions.chooseVoice((event.target as HTMLSelectElement).value),
    },
    h('option', { value: '' }, t('listenDefaultVoice')),
    ...voices.map((each) => h('option', { value: each.voiceURI, selected: each === chosen.voice }, each.name)),
  );
  const rate = h(
    'select',
    {
      'aria-label': t('listenSpeed'),
      title: t('listenSpeed'),
      change: (event) => actions.chooseRate(Number((event.target as HTMLSelectElement).value)),
    },
    ...RATES.map((each) => h('option', { value: String(each), selected: each === chosen.rate }, `${each}×`)),
  );
  // The controls, the voice and the speed on one line; what it reads (and, at the end, the next
  // story) on the next.
  const bar = h(
    'div',
    { class: 'listen-bar', role: 'group', 'aria-label': t('listen') },
    iconButton('i-prev', t('listenBack'), () => actions.skip(-1)),
    pause,
    iconButton('i-next', t('listenOn'), () => actions.skip(1)),
    iconButton('i-stop', t('listenStop'), actions.stop),
    voice,
    rate,
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
