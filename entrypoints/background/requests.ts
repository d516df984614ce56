import type { Reply, Request } from '@/utils/platform/messages';
import { pollStatusItem } from '@/utils/storage';
import { pollFeed, type PollOutcome } from './poll';
import { loadOlderStories, searchBlog } from './archive-pages';
import { importRead, updateRead } from './read-state';
import { updateSaved } from './saved';

type Handlers = {
  [T in Request['type']]: (request: Extract<Request, { type: T }>) => Promise<Reply<Extract<Request, { type: T }>>>;
};

/** What each UI intent does. The pages never write storage themselves. */
export function createHandlers(
  poll: () => Promise<PollOutcome> = () => pollFeed(),
  now: () => number = Date.now,
): Handlers {
  return {
    refresh: async ({ force }) => {
      // Polite: inside the site's own Retry-After, say when it will take a request instead of asking.
      const { serverRetryAt } = await pollStatusItem.getValue();
      if (!force && serverRetryAt && Date.parse(serverRetryAt) > now()) {
        return { ok: false, error: null, added: 0, waitUntil: serverRetryAt };
      }
      const outcome = await poll();
      return { ok: outcome.error === null, error: outcome.error?.message ?? null, added: outcome.added.length };
    },
    'set-read': ({ ids, read }) => updateRead(ids, read),
    'mark-all-read': () => updateRead('all', true),
    'import-read': ({ read }) => importRead(read),
    'set-saved': ({ ids, saved }) => updateSaved(ids, saved),
    'older-stories': ({ label }) => loadOlderStories(typeof label === 'string' ? label : null),
    'search-blog': ({ query, start }) => searchBlog(String(query), Number(start)),
  };
}

export function handleRequest(handlers: Handlers, request: Request): Promise<unknown> {
  const handler = handlers[request.type] as (request: Request) => Promise<unknown>;
  return handler(request);
}
