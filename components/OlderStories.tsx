import { useState } from 'preact/hooks';
import { sendRequest, type OlderReply } from '@/utils/platform/messages';
import { describeError } from '@/utils/ui/error-text';
import { t } from '@/utils/ui/i18n';
import { clockTime } from '@/utils/ui/clock-time';

export interface OlderStoriesProps {
  /** The label the list shows: its own feed is paged. */
  label: string | null;
}

/**
 * The end of the list: fetches the next page of the blog's archive on request. Its stories arrive
 * as read (the worker stores them; the list grows from storage). Says what came, the end of the
 * archive, a failure, or until when the site is given a rest.
 */
export function OlderStories({ label }: OlderStoriesProps) {
  const [busy, setBusy] = useState(false);
  // The last answer, for the label it was asked for: another label starts fresh.
  const [reply, setReply] = useState<{ label: string | null; answer: OlderReply } | null>(null);
  const answer = reply?.label === label ? reply.answer : null;
  const ask = async () => {
    setBusy(true);
    try {
      setReply({ label, answer: await sendRequest({ type: 'older-stories', label }) });
    } finally {
      setBusy(false);
    }
  };
  const said = answer && sayReply(answer);
  return (
    <div class="older-stories">
      {said && (
        <p class={answer.error ? 'older-note older-error' : 'older-note'} role={answer.error ? 'alert' : 'status'}>
          {said}
        </p>
      )}
      {!answer?.done && (
        <button type="button" onClick={() => void ask()} disabled={busy} aria-busy={busy}>
          {busy ? t('olderLoading') : label === null ? t('olderStories') : t('olderStoriesLabel', label)}
        </button>
      )}
    </div>
  );
}

function sayReply({ added, done, error, waitUntil }: OlderReply): string | null {
  if (waitUntil) return t('olderWait', clockTime(waitUntil, Date.now()));
  if (error) return t('olderFailed', describeError(error));
  if (done) return added ? t('olderDoneAdded', added) : t('olderDone');
  if (!added) return t('olderNoneNew');
  return added === 1 ? t('olderAddedOne') : t('olderAddedMany', added);
}
