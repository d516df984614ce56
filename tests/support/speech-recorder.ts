// The browser's speech engine replaced by a recorder: test machines have no voices. It keeps what
// Listen asks of the engine (each utterance's text, pause, resume, cancel) and lets the test end
// the utterance being spoken, as an engine does when it has said it. Self-contained (no imports,
// no outer names): the browser tests hand it to page.addInitScript, which sends its source.

export interface SpeechLog {
  /** Every call in order: "speak: <text>", "pause", "resume", "cancel". */
  calls: string[];
  /** The voice and rate each utterance was given. */
  voices: (string | null)[];
  rates: number[];
  /** Ends the utterance being spoken (its `end` event). */
  finish(): void;
}

declare global {
  var speechLog: SpeechLog | undefined;
}

/** Installs the recorder on `globalThis` with these voices (`[name, lang]`); none stands for a machine without speech. */
export function installSpeechRecorder(voices: [string, string][]): void {
  const listed = voices.map(([name, lang], index) => ({
    name,
    lang,
    voiceURI: `test-voice-${name}`,
    default: index === 0,
    localService: true,
  }));
  let speaking: { onend: ((event: unknown) => void) | null } | null = null;
  const log: SpeechLog = {
    calls: [],
    voices: [],
    rates: [],
    finish() {
      const ending = speaking;
      speaking = null;
      ending?.onend?.({});
    },
  };
  class Utterance {
    text: string;
    lang = '';
    voice: { name: string } | null = null;
    rate = 1;
    onend: ((event: unknown) => void) | null = null;
    onerror: ((event: { error: string }) => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  const engine = {
    getVoices: () => listed,
    speak(utterance: Utterance) {
      log.calls.push(`speak: ${utterance.text}`);
      log.voices.push(utterance.voice?.name ?? null);
      log.rates.push(utterance.rate);
      speaking = utterance;
    },
    pause: () => void log.calls.push('pause'),
    resume: () => void log.calls.push('resume'),
    cancel() {
      log.calls.push('cancel');
      const cancelled = speaking as Utterance | null;
      speaking = null;
      cancelled?.onerror?.({ error: 'canceled' });
    },
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(globalThis, 'speechSynthesis', { value: engine, configurable: true });
  Object.defineProperty(globalThis, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  globalThis.speechLog = log;
}
