import { connect, type Socket } from "node:net";
import type { ScanResult, VirusScanner } from "../domain/attachments/virus-scan.ts";

/**
 * ClamAV's daemon (clamd) over its INSTREAM protocol: "zINSTREAM\0", the file in chunks each led by
 * its length as 4 bytes big-endian, a zero length to end, then one reply ending in "\0":
 * "stream: OK", "stream: <signature> FOUND", or "... ERROR" (say, over clamd's StreamMaxLength).
 * Anything but OK or FOUND, a refused connection or silence past the time budget is an error:
 * the upload is then refused, never stored unscanned.
 */

export type ClamdAddress = { path: string } | { host: string; port: number };

/** CLAMD_SOCKET: a unix socket's path, or host:port ([v6]:port) for clamd's TCP socket. */
export function parseClamdAddress(value: string): ClamdAddress | null {
  const tcp = /^(?:\[([^\]]+)\]|([^:/\s]+)):(\d{1,5})$/.exec(value);
  if (tcp) {
    const port = Number(tcp[3]);
    return port >= 1 && port <= 65535 ? { host: tcp[1] ?? tcp[2] ?? "", port } : null;
  }
  return value.includes("/") ? { path: value } : null;
}

const CHUNK = 64 * 1024;

export function clamdScanner(address: ClamdAddress, { timeoutMs = 30_000 }: { timeoutMs?: number } = {}): VirusScanner {
  return (bytes) =>
    new Promise<ScanResult>((resolve, reject) => {
      const socket: Socket = "path" in address ? connect(address.path) : connect(address.port, address.host);
      const replies: Buffer[] = [];
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        socket.destroy();
        outcome();
      };
      socket.setTimeout(timeoutMs, () => settle(() => reject(new Error(`clamd did not answer within ${timeoutMs / 1000} s`))));
      socket.on("error", (error) => settle(() => reject(new Error(`clamd is unreachable: ${error.message}`))));
      socket.on("data", (data) => {
        replies.push(data);
        const reply = Buffer.concat(replies).toString("utf8");
        if (reply.includes("\0")) settle(() => answer(reply.slice(0, reply.indexOf("\0")).trim()));
      });
      socket.on("end", () => settle(() => answer(Buffer.concat(replies).toString("utf8").replace(/\0.*$/s, "").trim())));
      const answer = (reply: string) => {
        if (/^stream: OK$/.test(reply)) return resolve({ clean: true });
        const virus = /^stream: (.+) FOUND$/.exec(reply);
        if (virus?.[1]) return resolve({ clean: false, signature: virus[1] });
        reject(new Error(`clamd answered: ${reply || "(nothing)"}`));
      };
      socket.on("connect", () => {
        socket.write("zINSTREAM\0");
        for (let offset = 0; offset < bytes.length; offset += CHUNK) {
          const chunk = bytes.subarray(offset, offset + CHUNK);
          const length = Buffer.alloc(4);
          length.writeUInt32BE(chunk.length);
          socket.write(length);
          socket.write(chunk);
        }
        socket.write(Buffer.alloc(4));
      });
    });
}
