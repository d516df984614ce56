import { useEffect, useState } from 'preact/hooks';

/** This browser's voices for Listen, by name (Chrome lists them after the page asks); null until it says. */
export function useVoices(): readonly string[] | null {
  const [voices, setVoices] = useState<readonly string[] | null>(null);
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return setVoices([]);
    const read = () => setVoices([...new Set(speechSynthesis.getVoices().map((voice) => voice.name))]);
    read();
    speechSynthesis.addEventListener('voiceschanged', read);
    return () => speechSynthesis.removeEventListener('voiceschanged', read);
  }, []);
  return voices;
}
