import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { PNG } from "../../src/attachments/testing/sample-files.ts";
import { multipart } from "../support/multipart.ts";
import { apiOver, freePort, type ServerProcess, seededDatabaseEnv, startServerProcess } from "../support/server-process.ts";
import { PASSWORD } from "../support/test-app.ts";

/**
 * SIGTERM, as a process manager sends it: the server stops taking connections at once, lets the
 * requests under way finish (a slow upload, an export), closes everything and exits 0 within its
 * grace period; started again on the same data it serves, with what the last requests wrote. A
 * request that outlives the grace period is cut and the server exits anyway. Real server
 * processes (`npm start`'s entry point), on whichever database the run targets.
 */
describe("graceful shutdown on SIGTERM", { timeout: 240_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ansluta-shutdown-"));
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    rmSync(dir, { recursive: true, force: true });
  });
  const started = (server: ServerProcess) => {
    cleanups.push(async () => {
      server.kill("SIGKILL");
      await server.exited;
    });
    return server;
  };

  /** A multipart upload whose body arrives in two halves, the second only when `finish` is called. */
  function slowUpload(server: ServerProcess, token: string, deliverableId: string) {
    const { payload, contentType } = multipart({}, { name: "avtal.png", bytes: PNG, type: "image/png" });
    const request = http.request(`${server.baseUrl}/api/v1/deliverables/${deliverableId}/attachments`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": contentType, "content-length": payload.length },
    });
    const answer = new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
      request.on("response", (res) => {
        let body = "";
        res.on("data", (c: Buffer) => {
          body += c.toString("utf8");
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
        res.on("error", reject);
      });
      request.on("error", reject);
    });
    const half = Math.floor(payload.length / 2);
    request.write(payload.subarray(0, half));
    return { answer, finish: () => request.end(payload.subarray(half)) };
  }

  /** Whether a new TCP connection to the server's port is refused. */
  const refused = (baseUrl: string) =>
    new Promise<boolean>((resolve) => {
      const socket = connect(Number(new URL(baseUrl).port), "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(false);
      });
      socket.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED"));
    });

  it("finishes the requests under way, refuses new connections, exits 0, and a restart on the same data serves them", async () => {
    const { env, drop, world } = await seededDatabaseEnv(path.join(dir, "data"));
    cleanups.push(drop);
    const server = started(
      await startServerProcess(env, { env: { SHUTDOWN_GRACE_SECONDS: "15", SANDBOX_PORT: String(await freePort()), LOG_LEVEL: "debug" } }),
    );
    await server.waitForOutput(/Mina meddelanden emulator listening/);
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: world.emails.plA, password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const api = await apiOver(server.baseUrl, world.emails.plA, PASSWORD);
    const initiative = (await (
      await api("POST", "/api/v1/initiatives", { organisationId: world.orgA.id, name: "Nedstängning" })
    ).json()) as {
      id: string;
    };
    const created = await api("POST", `/api/v1/initiatives/${initiative.id}/deliverables`, { deliverableTypeId: "idebeskrivning" });
    expect(created.status).toBe(201);
    const doc = (await created.json()) as { id: string; template: { id: string }[] };
    const sections = Object.fromEntries(doc.template.map((s) => [s.id, `Text i ${s.id}. `.repeat(40)]));
    expect((await api("PUT", `/api/v1/deliverables/${doc.id}/sections`, { sections })).status).toBe(200);

    // Two requests under way when the signal comes: an upload half sent, and an export asked for.
    let mark = server.output().length;
    const upload = slowUpload(server, token, doc.id);
    await server.waitForOutput(/"url":"\/api\/v1\/deliverables\/[^"]+\/attachments"/, { from: mark });
    mark = server.output().length;
    // Read as it arrives, as a browser does: undici (fetch) stops parsing a body nobody reads yet, and
    // takes the connection's close meanwhile for a cut even when every byte has arrived.
    const exported = api("GET", `/api/v1/deliverables/${doc.id}/export?format=pdf`).then(async (r) => ({
      status: r.status,
      type: r.headers.get("content-type"),
      head: Buffer.from(await r.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    }));
    await server.waitForOutput(/"url":"\/api\/v1\/deliverables\/[^"]+\/export"/, { from: mark });

    const signalledAt = performance.now();
    server.kill("SIGTERM");
    await server.waitForOutput(/SIGTERM: shutting down/);
    // New connections are refused at once, while the upload is still arriving.
    let refusedAfter = Number.NaN;
    while (performance.now() - signalledAt < 10_000) {
      if (await refused(server.baseUrl)) {
        refusedAfter = performance.now() - signalledAt;
        break;
      }
      await sleep(20);
    }
    expect(refusedAfter, "new connections refused within 10 s of SIGTERM").toBeLessThanOrEqual(10_000);
    await sleep(1_000);
    upload.finish();

    const uploaded = await upload.answer;
    expect(uploaded.status, uploaded.body).toBe(201);
    // Its connection ends with it rather than idling until the client drops it, which would hold the shutdown up.
    expect(uploaded.connection).toBe("close");
    expect(await exported).toEqual({ status: 200, type: "application/pdf", head: "%PDF-" });
    const { code, signal } = await server.exited;
    const shutdownMs = performance.now() - signalledAt;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(shutdownMs).toBeLessThanOrEqual(15_000);
    expect(server.output()).toMatch(/SIGTERM: stopped/);

    // A process manager starts it again on the same data: it serves, with the upload that finished during the shutdown.
    const restartedAt = performance.now();
    const again = started(await startServerProcess(env, { env: { SHUTDOWN_GRACE_SECONDS: "2", LOG_LEVEL: "debug" } }));
    const restartMs = performance.now() - restartedAt;
    const api2 = await apiOver(again.baseUrl, world.emails.plA, PASSWORD);
    const { attachments } = (await (await api2("GET", `/api/v1/deliverables/${doc.id}/attachments`)).json()) as {
      attachments: { filename: string }[];
    };
    expect(attachments.map((a) => a.filename)).toEqual(["avtal.png"]);

    // A request that outlives the grace period (2 s here) is cut, and the server exits 0 all the same.
    const login2 = (await (
      await fetch(`${again.baseUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: world.emails.plA, password: PASSWORD }),
      })
    ).json()) as { token: string };
    mark = again.output().length;
    const stuck = slowUpload(again, login2.token, doc.id);
    const stuckAnswer = stuck.answer.then(
      (a) => `answered ${a.status}`,
      (e: Error) => `cut: ${e.message}`,
    );
    await again.waitForOutput(/"url":"\/api\/v1\/deliverables\/[^"]+\/attachments"/, { from: mark });
    const signalledAgainAt = performance.now();
    again.kill("SIGTERM");
    const second = await again.exited;
    const forcedMs = performance.now() - signalledAgainAt;
    expect(second).toEqual({ code: 0, signal: null });
    expect(forcedMs).toBeGreaterThanOrEqual(1_500);
    expect(forcedMs).toBeLessThanOrEqual(12_000);
    expect(again.output()).toMatch(/requests still under way after 2 s; closing their connections/);
    expect(await stuckAnswer).toMatch(/^cut: /);

    const own = /"requestsDoneMs":(\d+),"shutdownMs":(\d+)/.exec(server.output());
    console.info(
      `graceful shutdown: new connections refused ${Math.round(refusedAfter)} ms after SIGTERM; upload and export finished; ` +
        `the server's own count: requests done ${own?.[1]} ms, all closed ${own?.[2]} ms after the signal; ` +
        `exit 0 ${Math.round(shutdownMs)} ms after SIGTERM; restart to /healthz ${Math.round(restartMs)} ms; ` +
        `a request outliving a 2 s grace cut and exit 0 after ${Math.round(forcedMs)} ms`,
    );
  });
});
