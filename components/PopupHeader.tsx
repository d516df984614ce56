import { t } from '@/utils/ui/i18n';
import './PopupHeader.css';
export interface PopupHeaderProps {
  unread: number;
  sponsor: string | null;
  status: { text: string; isError: boolean } | null;
  refreshing: boolean;
  onRefresh: () => void;
}

/** Title, unread count, the sponsor disclosure (once), the status line and Refresh. */
export function PopupHeader({ unread, sponsor, status, refreshing, onRefresh }: PopupHeaderProps) {
  return (
    <header class="popup-header">
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
      {sponsor && <p class="sponsor">{t('sponsoredBy', sponsor)}</p>}
      <p class={status?.isError ? 'status error' : 'status'} role="status">
        {refreshing ? t('checking') : status?.text}
      </p>
    </header>
  );
}
