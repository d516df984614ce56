import { MAX_RETRY_AFTER_MS } from './limits';
import type { PollError } from './types';

export interface FetchFeedOptions {
  etag?: string | null;
  lastModified?: string | null;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  maxBytes: number;
  /** For Retry-After dates. */
  now: number;
}

export type FetchFeedResult =
  | { kind: 'ok'; text: string; etag: string | null; lastModified: string | null }
  /** Last-Modified as the 304 states it: a server whose copy is newer than ours gets asked again. */
  | { kind: 'not-modified'; lastModified: string | null }
  | { kind: 'error'; error: PollError; retryAfterMs?: number };

const ACCEPT = 'application/atom+xml, application/rss+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

/**
 * One conditional GET of a feed. Expected failures come back as values, never as throws: the
 * caller records them where the reader looks and keeps what it has stored.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchFeedResult> {
  const headers: Record<string, string> = { Accept: ACCEPT };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  const host = hostOf(url);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  // Aborting (not just cancelling the body) makes the browser drop the connection at the cap.
  const tooLarge = new AbortController();
  const signal = AbortSignal.any([timeout, tooLarge.signal]);
  try {
    // no-store: the 304 must reach this code, not be answered by the HTTP cache.
    const response = await options.fetch(url, { headers, signal, cache: 'no-store', credentials: 'omit' });
    if (response.status === 304) return { kind: 'not-modified', lastModified: response.headers.get('Last-Modified') };
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), options.now);
      const reason = response.statusText ? ` (${response.statusText})` : '';
      return {
        kind: 'error',
        error: {
          kind: 'http',
          status: response.status,
          host,
          ...(response.statusText ? { detail: response.statusText } : {}),
          message: `${host} answered ${response.status}${reason}.`,
        },
        retryAfterMs,
      };
    }
    const bytes = await readCapped(response, options.maxBytes);
    if (!bytes) {
      tooLarge.abort();
      const mb = Math.round(options.maxBytes / 1024 / 1024);
      return {
        kind: 'error',
        error: { kind: 'too-large', limit: mb, message: `The feed is larger than ${mb} MB, so it was not read.` },
      };
    }
    return {
      kind: 'ok',
      text: decode(bytes, response.headers.get('Content-Type')),
      etag: response.headers.get('ETag'),
      lastModified: response.headers.get('Last-Modified'),
    };
  } catch {
    if (timeout.aborted) {
      // Tenths below a second: a short test timeout must not read as "within 0 s".
      const seconds = Math.round(options.timeoutMs / 100) / 10;
      return {
        kind: 'error',
        error: { kind: 'timeout', host, limit: seconds, message: `${host} did not answer within ${seconds} s.` },
      };
    }
    return {
      kind: 'error',
      error: { kind: 'network', host, message: `Could not reach ${host}. Check your connection.` },
    };
  }
}

/** The body, or null once it passes maxBytes (stops reading there: a huge body never sits in memory). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('Content-Length'));
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    return null;
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Text in the charset the header names, else the XML declaration's, else UTF-8 (BOM dropped). A
 * UTF-8 BOM hides the declaration from the check, so the body reads as UTF-8, as browsers read it.
 */
export function decode(bytes: Uint8Array, contentType: string | null): string {
  const declared =
    /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(
      new TextDecoder('latin1').decode(bytes.subarray(0, 200)),
    )?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared); // UTF-8 when none is declared
  } catch {
    decoder = new TextDecoder(); // a charset it does not know
  }
  // decode() drops a byte order mark itself.
  return decoder.decode(bytes);
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date, at most a day. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const wait = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  return Number.isNaN(wait) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, wait));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
