import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/ui/i18n';
import { loadReaderTools } from './load-on-use';
import type { TextSettingsPanel } from './reader-tools/text-settings';

/** Text settings for the story on screen: the panel's script loaded on the first press; leaving the story closes it. */
export function useTextSettings(storyId: string | undefined, say: (text: string) => void) {
  const panelRef = useRef<TextSettingsPanel | null>(null);
  const [open, setOpen] = useState(false);
  // The story it was opened on: leaving that story closes it, and nothing else does.
  const openOnRef = useRef(storyId);
  const toggle = async (opener: HTMLElement) => {
    if (panelRef.current) return panelRef.current.close();
    openOnRef.current = storyId;
    try {
      const { textSettings } = await loadReaderTools();
      panelRef.current = await textSettings(opener, () => {
        panelRef.current = null;
        setOpen(false);
      });
      setOpen(true);
    } catch (error) {
      console.error(error);
      say(t('textSettingsFailed'));
    }
  };
  useEffect(() => () => void (openOnRef.current === storyId && panelRef.current?.close()), [storyId]);
  return { open, toggle };
}
