// Bundled by the benchmark into a browser page: the side panel's sanitizer next to bare DOMPurify.
import DOMPurify from 'dompurify';
import { renderStory } from '@/utils/preview/sanitize';

// A fresh instance with DOMPurify's defaults: the side panel configures the default one.
(globalThis as unknown as { bench: unknown }).bench = { renderStory, DOMPurify: DOMPurify(window) };
