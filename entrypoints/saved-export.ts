// The saved-stories export, built as a script of its own and loaded by the side panel when the
// reader asks for it (entrypoints/sidepanel/load-on-use.ts): the panel is one classic script,
// which cannot leave code in a chunk for later, and the file builder is no part of its first paint.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { exportSaved } from './sidepanel/export-saved';

export default defineUnlistedScript(() => {
  window.smilebandExportSaved = exportSaved;
});
