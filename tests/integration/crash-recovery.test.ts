import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import { auditLog, communications, deliverableVersions, messageFlows, milestoneDecisions } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { verifyAuditLog } from "../../src/domain/audit/verify-audit-log.ts";
import { buildApp } from "../../src/http/app.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { openDatabaseOf, type ServerProcess, seededDatabaseEnv, startServerProcess } from "../support/server-process.ts";
import { apiAs, PASSWORD } from "../support/test-app.ts";
import { TEST_AUDIT_KEY, TEST_SECRETS } from "../support/test-secrets.ts";

/**
 * The server is killed (SIGKILL: no shutdown, as a power cut or the OOM killer) at a random moment
 * under a mixed write load — section edits, milestone decisions, new message flows — several
 * times, and started again on the same data each time. Afterwards every write that was answered
 * 2xx is stored, nothing is half-written (a decision without its audit entry or its
 * communications, a flow without its audit entry, a document whose text is not what its last
 * audit entry says), and the audit chain verifies against its signed checkpoint. Real server
 * processes on whichever database the run targets; CRASH_SEED repeats a run's kill moments.
 */
const ROUNDS = 3;
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

/** mulberry32: a small seeded generator, so a failing run's kill moments can be repeated. */
function random(seedValue: number) {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Edit = { doc: string; section: string; text: string; n: number };

describe(`crash recovery: SIGKILL under a mixed write load, ${ROUNDS} rounds (CRASH_SEED=${seed})`, { timeout: 300_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ansluta-crash-"));
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every acknowledged write, shows nothing half-written, and the audit chain verifies", async () => {
    const next = random(seed);
    const { env, drop, world } = await seededDatabaseEnv(path.join(dir, "data"));
    cleanups.push(drop);

    // Made in this process before any server runs: an initiative whose milestone I is ready to be
    // decided again and again, one for new flows, and documents to edit.
    const prepared = await (async () => {
      const handle = await openDatabaseOf(env);
      const app = await buildApp({ handle, config: readConfig({ LOG_LEVEL: "silent" }), secrets: TEST_SECRETS, logger: false });
      try {
        const pl = await apiAs(app, world.emails.plA);
        const va = await apiAs(app, world.emails.vaA);
        const created = await pl.post("/api/v1/initiatives", { organisationId: world.orgA.id, name: "Krasch" });
        const initiativeId = (created.json() as { id: string }).id;
        await prepareMilestone(pl, initiativeId, "I", va);
        const docs: { id: string; sections: string[] }[] = [];
        for (const type of ["idebeskrivning", "idebeskrivning", "idebeskrivning"]) {
          const doc = (await pl.post(`/api/v1/initiatives/${initiativeId}/deliverables`, { deliverableTypeId: type })).json() as {
            id: string;
            template: { id: string }[];
          };
          docs.push({ id: doc.id, sections: doc.template.map((s) => s.id) });
        }
        return { initiativeId, docs };
      } finally {
        await app.close();
        await handle.close();
      }
    })();

    const acknowledged = { edits: [] as Edit[], flows: [] as string[], decisions: [] as { id: string; communications: string[] }[] };
    const attempted = { edits: [] as Edit[], flows: new Set<string>() };
    let writes = 0;
    let editCounter = 0;
    let flowCounter = 0;
    const roundFigures: string[] = [];

    for (let round = 1; round <= ROUNDS + 1; round++) {
      const server: ServerProcess = await startServerProcess(env, { env: { REMINDER_INTERVAL_MINUTES: "0", LOG_LEVEL: "warn" } });
      cleanups.push(async () => {
        server.kill("SIGKILL");
        await server.exited;
      });
      const call = async (token: string, method: string, url: string, body?: unknown) => {
        const res = await fetch(`${server.baseUrl}${url}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return { status: res.status, json: (await res.json().catch(() => null)) as unknown };
      };
      const login = async (email: string) => {
        const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password: PASSWORD }),
        });
        expect(res.status).toBe(200);
        return ((await res.json()) as { token: string }).token;
      };
      const pl = await login(world.emails.plA);
      const va = await login(world.emails.vaA);
      // The server is up again: the last round's acknowledged decisions are there (the rest is checked in the database at the end).
      const history = await call(pl, "GET", `/api/v1/initiatives/${prepared.initiativeId}/milestones/I/decisions`);
      expect(history.status).toBe(200);
      const listed = new Set((history.json as { decisions: { id: string }[] }).decisions.map((d) => d.id));
      expect(acknowledged.decisions.filter((d) => !listed.has(d.id))).toEqual([]);
      if (round > ROUNDS) {
        server.kill("SIGTERM");
        expect(await server.exited).toEqual({ code: 0, signal: null });
        break;
      }

      let alive = true;
      const roundWrites = { before: writes };
      const guard = async (work: () => Promise<void>) => {
        // A write cut by the kill rejects (the connection closed): it was never acknowledged, which is the point.
        while (alive) await work().catch(() => {});
      };
      const editor = (doc: { id: string; sections: string[] }) =>
        guard(async () => {
          const n = editCounter++;
          const section = doc.sections[n % doc.sections.length] as string;
          const edit = { doc: doc.id, section, text: `Runda ${round}, ändring ${n}.`, n };
          attempted.edits.push(edit);
          const res = await call(pl, "PUT", `/api/v1/deliverables/${doc.id}/sections`, { sections: { [section]: edit.text } });
          if (res.status === 200) {
            acknowledged.edits.push(edit);
            writes++;
          }
        });
      const flowWriter = () =>
        guard(async () => {
          const name = `Flöde ${flowCounter++}`;
          attempted.flows.add(name);
          const res = await call(pl, "POST", `/api/v1/initiatives/${prepared.initiativeId}/flows`, {
            name,
            recipientType: "privatperson",
            annualVolume: 100,
          });
          if (res.status === 201) {
            acknowledged.flows.push(name);
            writes++;
          }
        });
      const decider = () =>
        guard(async () => {
          const current = await call(va, "GET", `/api/v1/initiatives/${prepared.initiativeId}/milestones/I/decisions`);
          const supersedes =
            (current.json as { decisions: { id: string; current: boolean }[] }).decisions.find((d) => d.current)?.id ?? null;
          const res = await call(
            va,
            "POST",
            `/api/v1/initiatives/${prepared.initiativeId}/milestones/I/decision`,
            decisionBody("I", { supersedes }),
          );
          if (res.status === 201) {
            const body = res.json as { id: string; communications: { id: string }[] };
            acknowledged.decisions.push({ id: body.id, communications: body.communications.map((c) => c.id) });
            writes++;
          }
        });
      const load = Promise.all([...prepared.docs.map(editor), flowWriter(), flowWriter(), decider()]);
      // Killed between 1 and 4 s after the round's first acknowledged write (a fresh process on a busy
      // machine can take that long for its first): at any point of whatever is under way.
      const loadStarted = performance.now();
      while (writes === roundWrites.before && performance.now() - loadStarted < 60_000) await sleep(10);
      const killAfter = 1_000 + Math.floor(next() * 3_000);
      await sleep(killAfter);
      server.kill("SIGKILL");
      const { signal } = await server.exited;
      expect(signal).toBe("SIGKILL");
      alive = false;
      await load;
      roundFigures.push(`round ${round}: killed ${killAfter} ms after the first write, ${writes - roundWrites.before} writes acknowledged`);
    }

    // Every server has exited: the test opens the database itself.
    const handle = await openDatabaseOf(env);
    try {
      const db = handle.db;
      // Flows: every acknowledged one stored, none stored that was never sent, each with its audit entry.
      const flows = await db.select().from(messageFlows).where(eq(messageFlows.initiativeId, prepared.initiativeId));
      const flowNames = new Set(flows.map((f) => f.name));
      expect(acknowledged.flows.filter((n) => !flowNames.has(n))).toEqual([]);
      expect([...flowNames].filter((n) => !attempted.flows.has(n))).toEqual([]);
      const flowAudit = await db.select({ entityId: auditLog.entityId }).from(auditLog).where(eq(auditLog.action, "message_flow.create"));
      const auditedFlows = new Set(flowAudit.map((a) => a.entityId));
      expect(flows.filter((f) => !auditedFlows.has(f.id)).map((f) => f.name)).toEqual([]);

      // Decisions: every acknowledged one stored with the communications it answered; every stored one audited with exactly its communications.
      const decisions = await db.select().from(milestoneDecisions).where(eq(milestoneDecisions.initiativeId, prepared.initiativeId));
      const decisionIds = new Set(decisions.map((d) => d.id));
      expect(acknowledged.decisions.filter((d) => !decisionIds.has(d.id))).toEqual([]);
      const decisionAudit = await db.select().from(auditLog).where(eq(auditLog.action, "milestone.decide"));
      const comms = decisions.length
        ? await db
            .select()
            .from(communications)
            .where(
              inArray(
                communications.decisionId,
                decisions.map((d) => d.id),
              ),
            )
        : [];
      for (const d of decisions) {
        const entry = decisionAudit.find((a) => a.entityId === d.id);
        expect(entry, `decision ${d.id} has its audit entry`).toBeDefined();
        const stored = comms
          .filter((c) => c.decisionId === d.id)
          .map((c) => c.id)
          .sort();
        expect(stored.length, `decision ${d.id} has its communications`).toBeGreaterThan(0);
        expect(stored).toEqual([...((entry?.after ?? { communications: [] }) as { communications: string[] }).communications].sort());
        const answered = acknowledged.decisions.find((a) => a.id === d.id);
        if (answered) expect(stored).toEqual([...answered.communications].sort());
      }
      // Each supersedes the one before: one unbroken chain, one current decision.
      expect(decisions.length).toBeGreaterThan(0);
      const superseded = new Set(decisions.map((d) => d.supersedesId).filter((id) => id !== null));
      expect(decisions.filter((d) => !superseded.has(d.id))).toHaveLength(1);
      expect(decisions.filter((d) => d.supersedesId === null)).toHaveLength(1);

      // Documents: the text stored is the last acknowledged edit's or a later attempt's, and what the last audit entry says.
      const versions = await db
        .select()
        .from(deliverableVersions)
        .where(
          inArray(
            deliverableVersions.deliverableId,
            prepared.docs.map((d) => d.id),
          ),
        );
      const editAudit = await db
        .select()
        .from(auditLog)
        .where(
          inArray(
            auditLog.entityId,
            prepared.docs.map((d) => d.id),
          ),
        );
      for (const doc of prepared.docs) {
        const version = versions.filter((v) => v.deliverableId === doc.id).sort((a, b) => b.version - a.version)[0];
        const sections = (version?.sections ?? {}) as Record<string, string>;
        for (const section of doc.sections) {
          const lastAcked = acknowledged.edits.filter((e) => e.doc === doc.id && e.section === section).at(-1);
          if (!lastAcked) continue;
          const storedEdit = attempted.edits.find((e) => e.doc === doc.id && e.section === section && e.text === sections[section]);
          expect(storedEdit, `${doc.id} ${section} holds an edit that was sent`).toBeDefined();
          expect(storedEdit?.n ?? -1).toBeGreaterThanOrEqual(lastAcked.n);
        }
        const lastEdit = editAudit
          .filter((a) => a.action === "deliverable.edit" && a.entityId === doc.id)
          .sort((a, b) => Number(a.seq) - Number(b.seq))
          .at(-1);
        if (lastEdit) expect((lastEdit.after as { sections: Record<string, string> }).sections).toEqual(sections);
      }

      const verdict = await verifyAuditLog({ db, actor: SYSTEM_ACTOR, key: TEST_AUDIT_KEY });
      expect(verdict).toMatchObject({ ok: true });
      expect(
        roundFigures.filter((r) => / 0 writes acknowledged/.test(r)),
        "every round acknowledged writes before the kill",
      ).toEqual([]);
      console.info(
        `crash recovery (${handle.kind}, CRASH_SEED=${seed}): ${roundFigures.join("; ")}; ` +
          `checked ${acknowledged.edits.length} edits, ${acknowledged.flows.length} flows (${flows.length} stored of ${attempted.flows.size} sent), ` +
          `${acknowledged.decisions.length} decisions (${decisions.length} stored); audit chain of ${verdict.entries} entries verifies`,
      );
    } finally {
      await handle.close();
    }
  });
});
