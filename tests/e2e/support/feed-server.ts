import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { bloggerPage } from '../../support/big-feed';

export const fixtureXml = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

/** The fixture with two newer posts on top, as the site looks after two new stories. */
export function withTwoNewPosts(xml: string): string {
  const entry = (n: number, headline: string) =>
    `<entry><id>tag:blogger.com,1999:blog-4412077813695013120.post-99${n}</id><published>2026-02-03T0${n}:00:00+00:00</published><updated>2026-02-03T0${n}:00:00+00:00</updated><title type='text'>Smileband News</title><content type='html'>&lt;p&gt;Dear 222 News viewers, sponsored by smileband,&amp;nbsp;&lt;/p&gt;&lt;p&gt;&lt;b&gt;${headline}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Body.&lt;/p&gt;</content><link rel='alternate' type='text/html' href='https://www.smileband.co.uk/2026/02/new-${n}.html'/><author><name>Christopher Stanley</name></author></entry>`;
  return xml.replace('<entry>', `${entry(2, 'Second new story')}${entry(1, 'First new story')}<entry>`);
}

export interface Served {
  path: string;
  /** The query, `?…`, or '' for none. */
  search: string;
  headers: IncomingHttpHeaders;
  status: number;
  bodyBytes: number;
}

/**
 * What the server answers; `send` records what went out. `raw` is for faults `send` cannot stage
 * (hanging, streaming); what it writes is not recorded.
 */
export type Responder = (
  request: { path: string; url: URL; headers: IncomingHttpHeaders },
  send: Send,
  raw: ServerResponse,
) => void;
export type Send = (status: number, body?: string | Buffer, headers?: Record<string, string>) => void;

/** A feed served like Blogger serves it: ETag and Last-Modified, 304 to a matching conditional GET. */
export function serveFeed(xml: string, etag = '"v1"', lastModified = 'Mon, 02 Feb 2026 15:40:11 GMT'): Responder {
  return ({ headers }, send) => {
    if (
      headers['if-none-match'] === etag ||
      (!headers['if-none-match'] && headers['if-modified-since'] === lastModified)
    ) {
      send(304, undefined, { ETag: etag, 'Last-Modified': lastModified });
    } else {
      send(200, xml, {
        'Content-Type': 'application/atom+xml; charset=UTF-8',
        ETag: etag,
        'Last-Modified': lastModified,
      });
    }
  };
}

/**
 * A blog of `posts` (newest first) served as Blogger serves it: the newest 25 at the feed's address
 * with validators (a 304 to a matching conditional GET), and pages, labels and searches by query.
 */
export function serveBlog(posts: readonly string[], etag = '"blog-v1"'): Responder {
  return ({ url, headers }, send) => {
    const plain = url.pathname.indexOf('/-/') === -1 && url.search === '';
    if (plain && headers['if-none-match'] === etag) return send(304, undefined, { ETag: etag });
    send(200, bloggerPage(posts, url), {
      'Content-Type': 'application/atom+xml; charset=UTF-8',
      ...(plain ? { ETag: etag } : {}),
    });
  };
}

export interface FeedServer {
  served: Served[];
  /** Swaps the answer; with `anyPath` the responder also answers paths other than the feed's. */
  respond(responder: Responder, options?: { anyPath?: boolean }): void;
  close(): Promise<void>;
}

/** A local feed server on 127.0.0.1:port whose answers the test swaps as it goes. */
export async function startFeedServer(port: number, path: string, responder: Responder): Promise<FeedServer> {
  const served: Served[] = [];
  let current = responder;
  let anyPath = false;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body?: string | Buffer, headers: Record<string, string> = {}) => {
      const bytes = body === undefined ? 0 : Buffer.byteLength(body);
      served.push({ path: url.pathname, search: url.search, headers: request.headers, status, bodyBytes: bytes });
      reply(response, status, body, headers);
    };
    // The feed, and a label's own feed beneath it (`/-/LABEL`), as Blogger has them.
    const ours = url.pathname === path || url.pathname.startsWith(`${path}/-/`);
    if (!ours && !anyPath) return send(404, 'not found', { 'Content-Type': 'text/plain' });
    current({ path: url.pathname, url, headers: request.headers }, send, response);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    served,
    respond: (next, options = {}) => {
      current = next;
      anyPath = options.anyPath ?? false;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function reply(
  response: ServerResponse,
  status: number,
  body: string | Buffer | undefined,
  headers: Record<string, string>,
) {
  response.writeHead(status, headers);
  response.end(body);
}
