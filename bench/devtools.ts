import WebSocket from 'ws';

/** The extension's service worker as a DevTools target, on the port Chromium was started with. */
export async function serviceWorkerTarget(port: number, extensionId: string): Promise<string> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    type: string;
    url: string;
    webSocketDebuggerUrl: string;
  }[];
  const worker = targets.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!worker) throw new Error('The extension’s service worker is not a DevTools target');
  return worker.webSocketDebuggerUrl;
}

/** The V8 heap in use by a target after a full garbage collection, in MB. */
export async function heapAfterGc(webSocketUrl: string): Promise<number> {
  const socket = new WebSocket(webSocketUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let next = 0;
  const send = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = ++next;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse((data as Buffer).toString('utf8')) as {
          id?: number;
          result?: Record<string, unknown>;
        };
        if (message.id !== id) return;
        socket.off('message', onMessage);
        resolve(message.result ?? {});
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await send('HeapProfiler.collectGarbage');
    const { usedSize } = (await send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / 1024 / 1024;
  } finally {
    socket.close();
  }
}
