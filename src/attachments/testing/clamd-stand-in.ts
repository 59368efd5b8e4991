import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A stand-in for ClamAV's daemon in tests: it speaks INSTREAM over a unix socket as clamd does and
 * flags the EICAR test string, so the scan path runs without a real daemon. It checks the framing
 * (the command, each chunk's length, the zero terminator) and answers "INSTREAM ... ERROR" to
 * anything else, as clamd would.
 */

/** The EICAR anti-virus test file: harmless, and every scanner flags it. */
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

export type ClamdStandIn = { socketPath: string; scans: () => number; close: () => Promise<void> };

/** A socket path for a stand-in, known before it starts (an app configured with it may start first). */
export const standInSocketPath = () => join(tmpdir(), `clamd-stand-in-${randomUUID()}.sock`);

export async function startClamdStandIn(socketPath = standInSocketPath()): Promise<ClamdStandIn> {
  let scans = 0;
  const server: Server = createServer((socket: Socket) => {
    let buffered = Buffer.alloc(0);
    let commandRead = false;
    const received: Buffer[] = [];
    socket.on("data", (data) => {
      buffered = Buffer.concat([buffered, data]);
      if (!commandRead) {
        const command = "zINSTREAM\0";
        if (buffered.length < command.length) return;
        if (buffered.subarray(0, command.length).toString("latin1") !== command) {
          socket.end("UNKNOWN COMMAND\0");
          return;
        }
        commandRead = true;
        buffered = buffered.subarray(command.length);
      }
      while (buffered.length >= 4) {
        const length = buffered.readUInt32BE(0);
        if (length === 0) {
          scans += 1;
          const content = Buffer.concat(received).toString("latin1");
          socket.end(content.includes(EICAR) ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0");
          buffered = Buffer.alloc(0);
          return;
        }
        if (buffered.length < 4 + length) return;
        received.push(buffered.subarray(4, 4 + length));
        buffered = buffered.subarray(4 + length);
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    scans: () => scans,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(socketPath, { force: true });
    },
  };
}
