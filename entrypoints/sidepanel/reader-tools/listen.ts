// Listen, as the side panel starts it: finds a voice, reads the story with the voice and speed the
// reader chose in options, shows its bar and takes ← and → for a sentence back or on while it reads.
import { settingsItem } from '@/utils/storage';
import { listenBar } from './listen-bar';
import { startSession, type ListenSession } from './listen-session';

/** The story on the page (the side panel's): its bar's place, its headline and its cleaned body. */
export interface ListenPage {
  slot: HTMLElement;
  headline: HTMLElement;
  body: HTMLElement;
}

function panelPage(): ListenPage {
  return {
    slot: document.querySelector<HTMLElement>('.listen-slot')!,
    headline: document.getElementById('story-headline')!,
    body: document.querySelector<HTMLElement>('.story .body')!,
  };
}

export interface Listening {
  /** Pause, or go on (the toolbar's Listen and `r`). */
  toggle(): void;
  stop(): void;
}

/** How long voices may take to arrive (Chrome lists them after the page asks once). */
const VOICES_WAIT_MS = 1500;

/**
 * Starts reading the story on the page; null when the browser has no voice to read with.
 * `nextStory` goes on to the next story in the list (null on the last); `onEnd` is told once the
 * reading is over (stopped, or left).
 */
export async function listen(
  nextStory: (() => void) | null,
  onEnd: () => void,
  page: ListenPage = panelPage(),
  synth: SpeechSynthesis = speechSynthesis,
): Promise<Listening | null> {
  const request = { ...page, nextStory, onEnd };
  const voices = await voicesOf(synth);
  if (!voices.length) return null;
  const lang = storyLanguage(request.body);
  const { listenVoice, listenRate } = await settingsItem.getValue();
  // The voice chosen in options, where this browser has it; else the browser's own for the story's language.
  const voice = voices.find((each) => each.name === listenVoice) ?? null;
  const rate = listenRate ?? 1;
  let session: ListenSession | null = null;
  let over = false;
  // Once, however it ends: Stop, leaving the story, an engine error.
  const end = () => {
    if (over) return;
    over = true;
    removeEventListener('keydown', onKey, true);
    removeEventListener('pagehide', stop);
    bar.remove();
    request.onEnd();
  };
  const stop = () => {
    session?.stop();
    end();
  };
  const bar = listenBar(request.slot, {
    pauseOrResume: () => toggle(),
    skip: (by) => session?.skip(by),
    stop,
    nextStory: request.nextStory ? () => (stop(), request.nextStory!()) : undefined,
  });
  const toggle = () => (session?.state === 'paused' ? session.resume() : session?.pause());
  // Before the story's own keys (on the document), which take ← and → for the next story.
  const onKey = (event: KeyboardEvent) => {
    const by = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
    if (
      !by ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey ||
      /^(INPUT|SELECT|TEXTAREA)$/.test((event.target as Element).tagName)
    )
      return;
    session?.skip(by);
    event.stopPropagation();
    event.preventDefault();
  };
  addEventListener('keydown', onKey, true);
  // Closing the panel stops the reading too (an engine may go on past its page).
  addEventListener('pagehide', stop);
  session = startSession({
    headline: request.headline,
    body: request.body,
    lang,
    voice,
    rate,
    synth,
    onChange: (state, index, total) => {
      if (state === 'stopped') end();
      else bar.show(state, index, total);
    },
  });
  return { toggle, stop };
}

/** The browser's voices, waiting a moment for a list that arrives late. */
function voicesOf(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      synth.removeEventListener('voiceschanged', done);
      clearTimeout(timer);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, VOICES_WAIT_MS);
    synth.addEventListener('voiceschanged', done);
  });
}

/** The story's own language where its markup says it, else the site's (English). */
function storyLanguage(body: HTMLElement): string {
  return body.querySelector<HTMLElement>('[lang]')?.lang || 'en';
}
