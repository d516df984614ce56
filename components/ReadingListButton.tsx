import { useState } from 'preact/hooks';
import type { ReadingListOutcome } from '@/utils/ui/reading-list';
import { t } from '@/utils/ui/i18n';

export interface ReadingListButtonProps {
  /** Adds the story to the browser's Reading List (asking for the permission first). */
  onAdd: () => Promise<ReadingListOutcome>;
}

const SAY = {
  added: 'readingListAdded',
  already: 'readingListAlready',
  denied: 'readingListDenied',
  failed: 'readingListFailed',
} as const;

/** "Add to Reading List", then what came of it, beside the way to the original. */
export function ReadingListButton({ onAdd }: ReadingListButtonProps) {
  const [outcome, setOutcome] = useState<ReadingListOutcome | null>(null);
  const done = outcome === 'added' || outcome === 'already';
  return (
    <p class="reading-list">
      <button type="button" disabled={done} onClick={() => void onAdd().then(setOutcome)}>
        {t('addToReadingList')}
      </button>
      <span role="status">{outcome && t(SAY[outcome])}</span>
    </p>
  );
}
