import { render } from 'preact';
import { SidePanel } from './SidePanel';
import { PageBoundary } from '@/components/PageBoundary';
import '@/components/theme.css';
import { t } from '@/utils/ui/i18n';
import './style.css';

// The HTML title is a manifest placeholder (WXT copies it there); the page gets the real words.
document.title = t('extName');
render(
  <PageBoundary context="side panel" message={t('pageFailed')}>
    <SidePanel itemId={new URLSearchParams(location.search).get('item')} />
  </PageBoundary>,
  document.getElementById('app')!,
);
