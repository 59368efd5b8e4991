import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { Database } from "../src/db/database.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { openDatabase } from "../src/db/open-database.ts";
import { activityProgressOf } from "../src/db/repositories/activity-progress-repository.ts";
import { decisionsOf } from "../src/db/repositories/decision-repository.ts";
import { deliverableStates } from "../src/db/repositories/deliverable-repository.ts";
import { listInitiativesOf } from "../src/db/repositories/initiative-repository.ts";
import { preparationsOf } from "../src/db/repositories/preparation-repository.ts";
import {
  activityProgress,
  deliverables,
  deliverableVersions,
  initiatives,
  milestoneDecisions,
  organisations,
  users,
} from "../src/db/schema.ts";
import { initiativeStatuses } from "../src/domain/initiatives/read-initiatives.ts";
import { methodV12 } from "../src/method/v1.2/index.ts";
import { createThrowawayDatabase } from "./throwaway-postgres.ts";

/*
 * `npx tsx bench/initiative-status.ts [--initiatives 650] [--rounds 5] [--postgres-url U]`: lists
 * the statuses of N initiatives in varied states, in-process against PGlite and (when reachable)
 * PostgreSQL. "per initiative" is what a list showing status cost before the read model: the
 * repositories' reads for each initiative in turn; "read model" is the one status query.
 */

const { values } = parseArgs({
  options: {
    initiatives: { type: "string", default: "650" },
    rounds: { type: "string", default: "5" },
    "postgres-url": { type: "string", default: process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test" },
  },
});
const N = Number(values.initiatives);
const ROUNDS = Number(values.rounds);

async function seed(db: Database) {
  const [org] = await db.insert(organisations).values({ name: "Bench kommun", number: "2120002411", kind: "kommun" }).returning();
  const [user] = await db
    .insert(users)
    .values({ email: "bench@example.test", name: "Bench", passwordHash: null, systemRoles: [] })
    .returning();
  if (!org || !user) throw new Error("seed failed");
  const rows = await db
    .insert(initiatives)
    .values(
      Array.from({ length: N }, (_, i) => ({
        organisationId: org.id,
        name: `Initiativ ${String(i).padStart(4, "0")}`,
        methodVersion: "1.2",
      })),
    )
    .returning({ id: initiatives.id });
  const activities = methodV12.phases.flatMap((p) => p.activities.map((a) => a.id));
  const types = methodV12.phases.flatMap((p) => p.results);
  for (const [i, { id }] of rows.entries()) {
    await db
      .insert(activityProgress)
      .values(
        activities
          .slice(0, 3 + (i % 5))
          .map((activityId) => ({ initiativeId: id, activityId, status: "in_progress" as const, updatedAt: new Date() })),
      );
    const docs = await db
      .insert(deliverables)
      .values(types.slice(0, 4).map((typeId) => ({ initiativeId: id, typeId, title: typeId })))
      .returning();
    await db.insert(deliverableVersions).values(
      docs.flatMap((d, k) => [
        { deliverableId: d.id, version: 1, status: "faststalld" as const, sections: {}, contentHash: `h${k}`, updatedAt: new Date() },
        { deliverableId: d.id, version: 2, status: "utkast" as const, sections: {}, contentHash: `h${k}b`, updatedAt: new Date() },
      ]),
    );
    if (i % 3 !== 0) {
      const snapshot = {
        methodVersion: "1.2",
        numeral: "I",
        deliverables: docs.map((d, k) => ({
          deliverableId: d.id,
          typeId: d.typeId,
          title: d.title,
          version: 1,
          status: "faststalld",
          contentHash: `h${k}`,
        })),
        preparations: [],
        reported: { timeline: null, messageVolumePerYear: null, volumeNote: null },
      };
      await db.insert(milestoneDecisions).values({
        initiativeId: id,
        numeral: "I",
        outcome: i % 3 === 1 ? "go" : "go_with_conditions",
        decisionPoints: [],
        conditions: i % 3 === 1 ? [] : [{ text: "Villkor", owner: "Ägare", dueDate: "2020-01-01" }],
        decidedBy: user.id,
        decidedByName: user.name,
        decidedOn: "2026-01-01",
        minutes: "",
        reported: snapshot.reported,
        basisSnapshot: snapshot,
        basisHash: "x",
      });
    }
  }
  return org.id;
}

async function perInitiative(db: Database, organisationId: string) {
  const list = await listInitiativesOf(db, [organisationId]);
  for (const i of list) {
    await activityProgressOf(db, i.id);
    await deliverableStates(db, i.id);
    await decisionsOf(db, i.id);
    await preparationsOf(db, i.id);
  }
  return list.length;
}

async function readModel(db: Database, organisationId: string) {
  const [list, statuses] = await Promise.all([
    listInitiativesOf(db, [organisationId]),
    initiativeStatuses(db, { organisationIds: [organisationId] }, new Date()),
  ]);
  if (statuses.size !== list.length) throw new Error("status missing");
  return list.length;
}

async function time(label: string, fn: () => Promise<number>) {
  const ms: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const n = await fn();
    ms.push(performance.now() - t0);
    if (n !== N) throw new Error(`${label}: listed ${n}`);
  }
  ms.sort((a, b) => a - b);
  console.log(`  ${label}: median ${ms[Math.floor(ms.length / 2)]?.toFixed(0)} ms, min ${ms[0]?.toFixed(0)} ms (${ROUNDS} rounds)`);
}

async function measure(label: string, handle: Awaited<ReturnType<typeof openDatabase>>) {
  await migrateDatabase(handle);
  const t0 = performance.now();
  const org = await seed(handle.db);
  console.log(`${label}: ${N} initiatives seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await time("per initiative (4 reads × N, 5 queries each)", () => perInitiative(handle.db, org));
  await time("read model (2 queries)", () => readModel(handle.db, org));
  await handle.close();
}

await measure("PGlite", await openDatabase({ kind: "pglite-memory" }));
try {
  const throwaway = await createThrowawayDatabase(values["postgres-url"], `ansluta_bench_status_${process.pid}`);
  try {
    await measure(`PostgreSQL ${throwaway.serverVersion}`, await openDatabase({ kind: "postgres", url: throwaway.url }));
  } finally {
    await throwaway.drop();
  }
} catch (e) {
  console.log(`PostgreSQL skipped: ${(e as Error).message}`);
}
