import { t } from '@/utils/ui/i18n';
import './ListHeader.css';
export interface ListHeaderProps {
  unread: number;
  status: { text: string; isError: boolean } | null;
  refreshing: boolean;
  onRefresh: () => void;
}

/**
 * Title and Refresh on one line; the unread count and the status line under them. The sponsor disclosure
 * sits on each sponsored story, where it is true, not here.
 */
export function ListHeader({ unread, status, refreshing, onRefresh }: ListHeaderProps) {
  return (
    <header class="list-header">
      <div class="title-row">
        <h1>{t('extName')}</h1>
        {/* An icon named by its tooltip (also its accessible name): the product's name keeps the room. */}
        <button
          type="button"
          class="refresh"
          onClick={onRefresh}
          disabled={refreshing}
          aria-busy={refreshing}
          title={t('refresh')}
        />
      </div>
      {/* The count under the name, beside the status: the name reads whole at 320 px in every language. */}
      <div class="status-row">
        {unread > 0 && <span class="count">{t('unreadCount', unread)}</span>}
        <p class={status?.isError ? 'status error' : 'status'} role="status">
          {refreshing ? t('checking') : status?.text}
        </p>
      </div>
    </header>
  );
}
