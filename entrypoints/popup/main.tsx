import { render } from 'preact';
import { Popup } from './Popup';
import { PageBoundary } from '@/components/PageBoundary';
import '@/components/theme.css';
import { t } from '@/utils/ui/i18n';
import './style.css';

// The HTML title is a manifest placeholder (WXT copies it there); the page gets the real words.
document.title = t('extName');
render(
  <PageBoundary context="popup" message={t('pageFailed')}>
    <Popup />
  </PageBoundary>,
  document.getElementById('app')!,
);
