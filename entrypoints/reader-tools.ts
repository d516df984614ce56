// The side panel's reader tools (Listen, Text settings), built as a script of their own and loaded
// on the first press of either (entrypoints/sidepanel/load-on-use.ts), as the saved-stories export
// is: no part of the panel's first paint.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { listen } from './sidepanel/reader-tools/listen';
import { textSettings } from './sidepanel/reader-tools/text-settings';

export default defineUnlistedScript(() => {
  window.smilebandReaderTools = { listen, textSettings };
});
