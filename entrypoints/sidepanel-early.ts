// The side panel's first reads, started from a classic script in its head while the browser is
// still loading the panel's modules (see utils/ui/early-reads.ts). Kept tiny: no storage library.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarlyReads } from '@/utils/ui/early-reads';
import { warmPageMemory } from '@/utils/ui/page-memory';
import { bodyKey, READER_FONT_SCALE_KEY, STORIES_KEY } from '@/utils/storage-keys';

export default defineUnlistedScript(() => {
  const item = new URLSearchParams(location.search).get('item');
  startEarlyReads([STORIES_KEY, READER_FONT_SCALE_KEY, ...(item ? [bodyKey(item)] : [])]);
  // The remembered list filter is read on the first render (previous and next follow it).
  warmPageMemory();
});
