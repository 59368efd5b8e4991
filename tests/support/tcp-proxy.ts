import { once } from "node:events";
import { type AddressInfo, createConnection, createServer, type Socket } from "node:net";

export type TcpProxy = {
  /** The port the proxy listens on (127.0.0.1), the same after a cut and a restore. */
  readonly port: number;
  /** Ends every connection at once (both sides destroyed) and stops listening: new connections are refused. */
  cut(): Promise<void>;
  /** Listens again on the same port and forwards as before. */
  restore(): Promise<void>;
  /** Keeps every connection open but forwards nothing more either way, as a dead network path does; new ones hang too. */
  hang(): void;
  /** Forwards again, what was held back included. */
  unhang(): void;
  close(): Promise<void>;
};

/**
 * A TCP proxy the test controls, between the app and its database: it forwards byte for byte until
 * the test cuts it (the database seems to have gone away) or makes it hang (the network path
 * died without a word), and until it is restored.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let hanging = false;
  const held: (() => void)[] = [];

  const server = createServer((client) => {
    const upstream = createConnection(target);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on("close", () => open.delete(s));
      // The other side's end or error ends this one too; the error itself is the point of the test, not a fault.
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    const forward = (from: Socket, to: Socket) =>
      from.on("data", (chunk: Buffer) => {
        if (hanging) held.push(() => to.write(chunk));
        else to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });

  const listen = async (port: number) => {
    server.listen(port, "127.0.0.1");
    await once(server, "listening");
    return (server.address() as AddressInfo).port;
  };
  const port = await listen(0);
  let listening = true;

  const stopListening = async () => {
    if (!listening) return;
    listening = false;
    const closed = once(server, "close");
    server.close();
    for (const s of open) s.destroy();
    await closed;
  };

  return {
    port,
    cut: stopListening,
    restore: async () => {
      if (listening) return;
      await listen(port);
      listening = true;
    },
    hang: () => {
      hanging = true;
    },
    unhang: () => {
      hanging = false;
      for (const send of held.splice(0)) send();
    },
    close: async () => {
      held.length = 0;
      await stopListening();
    },
  };
}
