import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/ui/i18n';
import { loadReaderTools } from './load-on-use';
import type { Listening } from './reader-tools/listen';

/**
 * Listen for the story on screen: its script loaded on the first press, then the press (and `r`)
 * pauses and resumes. Leaving the story stops it; its bar's Next story goes on reading the next,
 * once that story's body is on screen (`bodyShown`).
 */
export function useListen(
  storyId: string | undefined,
  bodyShown: boolean,
  next: (() => void) | null,
  say: (text: string) => void,
) {
  const sessionRef = useRef<Listening | null>(null);
  const [on, setOn] = useState(false);
  const goOnRef = useRef(false);
  // The story the session reads: leaving it stops it, and nothing else does.
  const readingRef = useRef(storyId);
  const toggle = async () => {
    if (sessionRef.current) return sessionRef.current.toggle();
    readingRef.current = storyId;
    try {
      const { listen } = await loadReaderTools();
      sessionRef.current = await listen(next && (() => ((goOnRef.current = true), next())), () => {
        sessionRef.current = null;
        setOn(false);
      });
      if (sessionRef.current) setOn(true);
      else say(t('listenNoVoice'));
    } catch (error) {
      console.error(error);
      say(t('listenFailed'));
    }
  };
  useEffect(() => () => void (readingRef.current === storyId && sessionRef.current?.stop()), [storyId]);
  useEffect(() => {
    if (bodyShown && goOnRef.current) {
      goOnRef.current = false;
      void toggle();
    }
  });
  return { on, toggle };
}
