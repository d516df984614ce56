// The options page's one script, run from its page's head (entrypoints/options/index.html), as the
// side panel's is. Built apart from the popup, the options page shares no chunk with it: the popup
// is one file, compressed as one (0.5 KB less than two), and carries nothing only options runs.
import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Options } from './options/Options';
import { PageBoundary } from '@/components/PageBoundary';
import '@/components/theme.css';
import './options/style.css';
import { t } from '@/utils/ui/i18n';

export default defineUnlistedScript(() => {
  // The HTML title is a manifest placeholder (WXT copies it there); the page gets the real words.
  document.title = t('optionsTitle');
  const mount = () =>
    render(
      <PageBoundary context="options page" message={t('pageFailed')}>
        <Options />
      </PageBoundary>,
      document.getElementById('app')!,
    );
  // Run from the head, before the parser has reached the page's <div>.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true });
  else mount();
});
