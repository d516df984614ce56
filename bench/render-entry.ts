// Bundled by the benchmark into a browser page: the side panel's sanitizer next to bare DOMPurify.
import DOMPurify from 'dompurify';
import { sanitizeStory } from '@/utils/preview/sanitize';

(globalThis as unknown as { bench: unknown }).bench = { sanitizeStory, DOMPurify };
