import type { StoryMeta } from '@/utils/feed/types';
import { t } from '@/utils/ui/i18n';
import { useExpiring } from '@/utils/ui/use-expiring';
import { loadExportSaved } from './load-on-use';

/**
 * Export under the Saved view (the side panel only: it has the sanitizer). The file's builder is
 * loaded on use, no part of the panel's first paint; a failure says so here, and the next press
 * tries again.
 */
export function ExportSavedButton({ stories }: { stories: readonly StoryMeta[] }) {
  const [failed, setFailed] = useExpiring<string>(8000);
  const run = async () => {
    setFailed(null);
    try {
      const exportSaved = await loadExportSaved();
      await exportSaved(stories);
    } catch (error) {
      console.error('Smileband News: export of the saved stories failed', error);
      setFailed(t('exportSavedFailed'));
    }
  };
  return (
    <>
      {failed && (
        <p class="list-notice" role="alert">
          {failed}
        </p>
      )}
      <div class="saved-tools">
        <button type="button" onClick={() => void run()}>
          {t('exportSaved')}
        </button>
      </div>
    </>
  );
}
