import { afterEach, describe, expect, it } from "vitest";
import { clamdScanner, parseClamdAddress } from "./clamd-scanner.ts";
import { type ClamdStandIn, EICAR, standInSocketPath, startClamdStandIn } from "./testing/clamd-stand-in.ts";

const running: ClamdStandIn[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
});

describe("the ClamAV client (clamd's INSTREAM)", () => {
  it("reads CLAMD_SOCKET as a unix socket's path or host:port", () => {
    expect(parseClamdAddress("/run/clamav/clamd.ctl")).toEqual({ path: "/run/clamav/clamd.ctl" });
    expect(parseClamdAddress("127.0.0.1:3310")).toEqual({ host: "127.0.0.1", port: 3310 });
    expect(parseClamdAddress("clamav:3310")).toEqual({ host: "clamav", port: 3310 });
    expect(parseClamdAddress("[::1]:3310")).toEqual({ host: "::1", port: 3310 });
    expect(parseClamdAddress("clamav")).toBeNull();
    expect(parseClamdAddress("clamav:99999")).toBeNull();
  });

  it("streams a file in length-prefixed chunks and hears OK, or the signature found", async () => {
    const clamd = await startClamdStandIn();
    running.push(clamd);
    const scan = clamdScanner({ path: clamd.socketPath });
    // Larger than one chunk, so the framing across chunks is exercised; EICAR straddles the chunk border.
    const big = new Uint8Array(200 * 1024).fill(0x41);
    expect(await scan(big)).toEqual({ clean: true });
    const infected = Buffer.concat([Buffer.alloc(64 * 1024 - 10, 0x41), Buffer.from(EICAR), Buffer.alloc(1000, 0x41)]);
    expect(await scan(new Uint8Array(infected))).toEqual({ clean: false, signature: "Eicar-Test-Signature" });
    expect(clamd.scans()).toBe(2);
  });

  it("fails when clamd is unreachable, so the upload is refused rather than stored unscanned", async () => {
    await expect(clamdScanner({ path: standInSocketPath() })(new Uint8Array([1]))).rejects.toThrow(/unreachable/);
    await expect(clamdScanner({ host: "127.0.0.1", port: 1 })(new Uint8Array([1]))).rejects.toThrow(/unreachable/);
  });
});
