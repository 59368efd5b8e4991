import { once } from "node:events";
import { createServer, request as forward } from "node:http";
import type { AddressInfo } from "node:net";

export type RoundRobinProxy = {
  readonly baseUrl: string;
  /** Which backend (its index) served each request, in the order the requests arrived. */
  readonly served: readonly number[];
  /** Sets the backends' base URLs; requests alternate between them from the next one on. */
  setBackends(baseUrls: readonly string[]): void;
  close(): Promise<void>;
};

/**
 * A load balancer as small as it gets, in front of several app servers: every request goes to the
 * next backend in turn, on a connection of its own, so two requests in a row from one browser never
 * reach the same server and nothing can stick a session to one. It passes the request on as it
 * came (Host and Origin included, as a TLS-terminating proxy that keeps the Host header does).
 */
export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  let backends: URL[] = [];
  const served: number[] = [];
  let next = 0;
  const server = createServer((req, res) => {
    const index = next++ % backends.length;
    const target = backends[index];
    if (!target) {
      res.writeHead(502).end();
      return;
    }
    served.push(index);
    const upstream = forward(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    served,
    setBackends: (urls) => {
      backends = urls.map((u) => new URL(u));
    },
    close: async () => {
      const closed = once(server, "close");
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
