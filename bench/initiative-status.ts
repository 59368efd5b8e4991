import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
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
import { dependencyVersion } from "./server-process.ts";
import { createThrowawayDatabase, PostgresUnreachableError, type ThrowawayDatabase } from "./throwaway-postgres.ts";

/*
 * The status read model against the way a status list cost before it, 650 initiatives in varied
 * states, in-process against PGlite and (when reachable) PostgreSQL. "per initiative" is the
 * repositories' reads for each initiative in turn (4 reads × N); "read model" is the one status
 * query beside the list (2 queries). Part of `npm run bench`; alone:
 * `npx tsx bench/initiative-status.ts [--initiatives 650] [--rounds 5] [--postgres-url U]`.
 */

export type StatusBenchSettings = {
  initiatives: number;
  /** Rounds of the read model; the per-initiative baseline, ten times slower, runs `baselineRounds`. */
  rounds: number;
  baselineRounds: number;
  postgresUrl: string;
  databases: readonly ("pglite" | "postgres")[];
};

type Timing = { medianMs: number; minMs: number; rounds: number };
export type StatusBenchOutcome =
  | {
      database: "pglite" | "postgres";
      status: "measured";
      version: string;
      initiatives: number;
      seedMs: number;
      perInitiative: Timing;
      readModel: Timing;
      /** How many times faster the read model lists the statuses. */
      speedup: number;
    }
  | { database: "pglite" | "postgres"; status: "skipped"; reason: string };

async function seed(db: Database, N: number) {
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

async function time(expected: number, rounds: number, fn: () => Promise<number>): Promise<Timing> {
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const n = await fn();
    ms.push(performance.now() - t0);
    if (n !== expected) throw new Error(`listed ${n} initiatives, expected ${expected}`);
  }
  ms.sort((a, b) => a - b);
  return { medianMs: ms[Math.floor(ms.length / 2)] ?? Number.NaN, minMs: ms[0] ?? Number.NaN, rounds };
}

async function measure(
  database: "pglite" | "postgres",
  version: string,
  handle: Awaited<ReturnType<typeof openDatabase>>,
  settings: StatusBenchSettings,
): Promise<StatusBenchOutcome> {
  try {
    await migrateDatabase(handle);
    const t0 = performance.now();
    const org = await seed(handle.db, settings.initiatives);
    const seedMs = performance.now() - t0;
    const perInitiativeTiming = await time(settings.initiatives, settings.baselineRounds, () => perInitiative(handle.db, org));
    const readModelTiming = await time(settings.initiatives, settings.rounds, () => readModel(handle.db, org));
    return {
      database,
      status: "measured",
      version,
      initiatives: settings.initiatives,
      seedMs,
      perInitiative: perInitiativeTiming,
      readModel: readModelTiming,
      speedup: perInitiativeTiming.medianMs / readModelTiming.medianMs,
    };
  } finally {
    await handle.close();
  }
}

export async function measureInitiativeStatus(settings: StatusBenchSettings): Promise<StatusBenchOutcome[]> {
  const outcomes: StatusBenchOutcome[] = [];
  for (const database of settings.databases) {
    if (database === "pglite") {
      outcomes.push(
        await measure(
          "pglite",
          `PGlite ${dependencyVersion("@electric-sql/pglite")}`,
          await openDatabase({ kind: "pglite-memory" }),
          settings,
        ),
      );
      continue;
    }
    let throwaway: ThrowawayDatabase;
    try {
      throwaway = await createThrowawayDatabase(settings.postgresUrl, `ansluta_bench_status_${process.pid}`);
    } catch (e) {
      if (!(e instanceof PostgresUnreachableError)) throw e;
      outcomes.push({ database, status: "skipped", reason: `PostgreSQL not reachable (${e.message})` });
      continue;
    }
    try {
      outcomes.push(
        await measure(
          "postgres",
          `PostgreSQL ${throwaway.serverVersion}`,
          await openDatabase({ kind: "postgres", url: throwaway.url }),
          settings,
        ),
      );
    } finally {
      await throwaway.drop();
    }
  }
  return outcomes;
}

const ms = (t: Timing) =>
  `median ${t.medianMs.toFixed(0)} ms, min ${t.minMs.toFixed(0)} ms (${t.rounds} round${t.rounds === 1 ? "" : "s"})`;

export function formatStatusReport(outcomes: readonly StatusBenchOutcome[]): string {
  const lines = ["Initiative status for a list of initiatives (in-process, one organisation)"];
  for (const o of outcomes) {
    if (o.status === "skipped") {
      lines.push(`  ${o.database}: skipped, ${o.reason}`);
      continue;
    }
    lines.push(
      `  ${o.version}: ${o.initiatives} initiatives seeded in ${(o.seedMs / 1000).toFixed(1)} s`,
      `    per initiative (4 reads × N): ${ms(o.perInitiative)}`,
      `    read model (2 queries):       ${ms(o.readModel)}`,
      `    read model is ${o.speedup.toFixed(1)}× faster`,
    );
  }
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      initiatives: { type: "string", default: "650" },
      rounds: { type: "string", default: "5" },
      "postgres-url": { type: "string", default: process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test" },
    },
  });
  const rounds = Number(values.rounds);
  const outcomes = await measureInitiativeStatus({
    initiatives: Number(values.initiatives),
    rounds,
    baselineRounds: rounds,
    postgresUrl: values["postgres-url"],
    databases: ["pglite", "postgres"],
  });
  console.log(formatStatusReport(outcomes));
}
