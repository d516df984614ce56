import { render } from 'preact';
import { Options } from './Options';
import { PageBoundary } from '@/components/PageBoundary';
import '@/components/theme.css';
import { t } from '@/utils/ui/i18n';
import './style.css';

// The HTML title is a manifest placeholder (WXT copies it there); the page gets the real words.
document.title = t('optionsTitle');
render(
  <PageBoundary context="options page" message={t('pageFailed')}>
    <Options />
  </PageBoundary>,
  document.getElementById('app')!,
);
