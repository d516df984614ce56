import { t } from '@/utils/ui/i18n';
import './ListHeader.css';
export interface ListHeaderProps {
  unread: number;
  status: { text: string; isError: boolean } | null;
  refreshing: boolean;
  onRefresh: () => void;
}

/**
 * Title, unread count and Refresh on one line, the status line under them. The sponsor disclosure
 * sits on each sponsored story, where it is true, not here.
 */
export function ListHeader({ unread, status, refreshing, onRefresh }: ListHeaderProps) {
  return (
    <header class="list-header">
      <div class="title-row">
        <h1>{t('extName')}</h1>
        {unread > 0 && <span class="count">{t('unreadCount', unread)}</span>}
        <button type="button" class="refresh" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
          <span class={refreshing ? 'spin' : undefined} aria-hidden="true">
            ⟳
          </span>{' '}
          {t('refresh')}
        </button>
      </div>
      <p class={status?.isError ? 'status error' : 'status'} role="status">
        {refreshing ? t('checking') : status?.text}
      </p>
    </header>
  );
}
