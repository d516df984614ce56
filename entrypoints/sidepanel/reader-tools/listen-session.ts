// Listen: the story read aloud by the browser's speechSynthesis, one sentence per utterance, the
// sentence being read marked on the page (the CSS Custom Highlight API: no change to the story's
// DOM) and kept in view.
import { spokenSentences, type SpokenSentence } from '@/utils/preview/speech-text';

export type ListenState = 'reading' | 'paused' | 'ended' | 'stopped';

export interface SessionOptions {
  /** The story's headline, read first. */
  headline: HTMLElement;
  /** The cleaned body on the page. */
  body: HTMLElement;
  /** The story's language (a BCP 47 tag). */
  lang: string;
  voice: SpeechSynthesisVoice | null;
  rate: number;
  /** Told every change: the state and the sentence (0-based) of how many. */
  onChange: (state: ListenState, index: number, total: number) => void;
  synth?: SpeechSynthesis;
}

export interface ListenSession {
  readonly state: ListenState;
  pause(): void;
  resume(): void;
  /** A sentence back (-1) or on (+1) from the one being read. */
  skip(by: number): void;
  stop(): void;
}

const HIGHLIGHT = 'listen-sentence';

/** Starts reading the story from its headline. */
export function startSession(options: SessionOptions): ListenSession {
  const synth = options.synth ?? speechSynthesis;
  const sentences: SpokenSentence[] = [
    headlineSentence(options.headline),
    ...spokenSentences(options.body, options.lang),
  ];
  const { voice, rate } = options;
  let state: ListenState = 'reading';
  let index = 0;
  // Each utterance's events are heeded only while it is the current one: cancel() ends the old
  // one with an error or an end event after the next has been queued.
  let current: SpeechSynthesisUtterance | null = null;

  const tell = () => options.onChange(state, index, sentences.length);
  const speak = () => {
    synth.cancel();
    const sentence = sentences[index]!;
    const utterance = new SpeechSynthesisUtterance(sentence.text);
    utterance.lang = voice?.lang ?? options.lang;
    utterance.voice = voice;
    utterance.rate = rate;
    utterance.onend = () => {
      if (current !== utterance || state !== 'reading') return;
      if (index + 1 < sentences.length) {
        index += 1;
        speak();
      } else finish('ended');
    };
    utterance.onerror = (event) => {
      // "interrupted" and "canceled" are ours (skip, stop); anything else ends the reading.
      if (current !== utterance || event.error === 'interrupted' || event.error === 'canceled') return;
      console.warn(`Smileband News: reading aloud stopped (${event.error})`);
      finish('stopped');
    };
    current = utterance;
    mark(sentence);
    synth.speak(utterance);
    tell();
  };
  const finish = (end: ListenState) => {
    state = end;
    current = null;
    synth.cancel();
    unmark();
    tell();
  };

  speak();
  return {
    get state() {
      return state;
    },
    pause() {
      if (state !== 'reading') return;
      state = 'paused';
      synth.pause();
      tell();
    },
    resume() {
      if (state !== 'paused') return;
      state = 'reading';
      synth.resume();
      tell();
    },
    skip(by) {
      if (state === 'stopped' || state === 'ended') return;
      index = Math.min(sentences.length - 1, Math.max(0, index + by));
      state = 'reading';
      speak();
    },
    stop() {
      if (state !== 'stopped') finish('stopped');
    },
  };
}

/** The headline as the first sentence: the whole heading, read as it is shown. */
function headlineSentence(headline: HTMLElement): SpokenSentence {
  const node = headline.firstChild instanceof Text ? headline.firstChild : headline.appendChild(new Text(''));
  return { text: headline.textContent?.trim() ?? '', start: { node, offset: 0 }, end: { node, offset: node.length } };
}

/** Marks the sentence being read and keeps it in view. */
function mark({ start, end }: SpokenSentence): void {
  const range = new Range();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
  const box = range.getBoundingClientRect?.();
  if (box && (box.top < 0 || box.bottom > innerHeight)) {
    start.node.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}

function unmark(): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(HIGHLIGHT);
}
