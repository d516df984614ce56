// The side panel's one script, run from its page's head (entrypoints/sidepanel/index.html). One
// classic script rather than modules: every file an extension page loads before its first paint
// delays it, whatever the file's size, and the module page loaded four (its module, the chunks it
// shared with the popup, a small script starting the reads early) and two stylesheets (README
// "Performance" has the measurements). A classic script in the head also runs as soon as it
// arrives, not after the stylesheet as modules do, so the first screen's reads leave at once and
// the panel renders while its styles are still loading.
import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { SidePanel } from './sidepanel/SidePanel';
import { PageBoundary } from '@/components/PageBoundary';
import '@/components/theme.css';
import './sidepanel/style.css';
import { startEarlyReads } from '@/utils/ui/early-reads';
import { warmPageMemory } from '@/utils/ui/page-local-storage';
import { t } from '@/utils/ui/i18n';
import {
  bodyKey,
  POLL_STATUS_KEY,
  READER_FONT_SCALE_KEY,
  READING_STYLE_KEY,
  SETTINGS_KEY,
  STORIES_HEAD_KEY,
  STORIES_KEY,
} from '@/utils/storage/keys';

export default defineUnlistedScript(() => {
  const itemId = new URLSearchParams(location.search).get('item');
  // The first screen's reads leave now; the panel takes their answers (utils/ui/early-reads.ts).
  // A story's page: the index and the story's body; the list: the index's head and what the list
  // shows around it (the whole index is read after the head's first frame).
  const first = itemId ? [STORIES_KEY, bodyKey(itemId)] : [STORIES_HEAD_KEY, SETTINGS_KEY, POLL_STATUS_KEY];
  startEarlyReads([...first, READER_FONT_SCALE_KEY, READING_STYLE_KEY]);
  // The remembered list filter is read on the first render (previous and next follow it).
  warmPageMemory();
  // The HTML title is a manifest placeholder (WXT copies it there); the page gets the real words.
  document.title = t('extName');
  const mount = () =>
    render(
      <PageBoundary context="side panel" message={t('pageFailed')}>
        <SidePanel itemId={itemId} />
      </PageBoundary>,
      document.getElementById('app')!,
    );
  // Run from the head, before the parser has reached the panel's <div>.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true });
  else mount();
});
