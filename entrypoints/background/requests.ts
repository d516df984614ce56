import { setRead } from '@/utils/feed/read-state';
import type { Reply, Request } from '@/utils/messages';
import { storiesItem } from '@/utils/storage';
import { pollFeed, type PollOutcome } from './poll';
import { serialize } from './serialize';

type Handlers = {
  [T in Request['type']]: (request: Extract<Request, { type: T }>) => Promise<Reply<Extract<Request, { type: T }>>>;
};

/** What each UI intent does. The pages never write storage themselves. */
export function createHandlers(poll: () => Promise<PollOutcome> = () => pollFeed()): Handlers {
  return {
    refresh: async () => {
      const outcome = await poll();
      return { ok: outcome.error === null, error: outcome.error?.message ?? null, added: outcome.added.length };
    },
    'set-read': ({ ids, read }) => updateRead(ids, read),
    'mark-all-read': () => updateRead('all', true),
  };
}

function updateRead(ids: readonly string[] | 'all', read: boolean): Promise<{ changed: string[] }> {
  return serialize(async () => {
    const result = setRead(await storiesItem.getValue(), ids, read);
    if (result.changed.length) await storiesItem.setValue(result.stories);
    return { changed: result.changed };
  });
}

export function handleRequest(handlers: Handlers, request: Request): Promise<unknown> {
  const handler = handlers[request.type] as (request: Request) => Promise<unknown>;
  return handler(request);
}
