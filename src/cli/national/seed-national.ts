import type { Database } from "../../db/database.ts";
import { insertNationalPicture, organisationCount, takenIdentifiers } from "../../db/repositories/national-seed-repository.ts";
import { SYSTEM_ACTOR } from "../../domain/access/actor.ts";
import { recordAudit } from "../../domain/audit/record-audit.ts";
import { hashPassword } from "../../domain/identity/password.ts";
import { UsageError } from "../arguments.ts";
import { DEMO_PASSWORD } from "../demo-seed.ts";
import { NATIONAL_FORVALTNINGSGRUPP, NATIONAL_SEED, nationalPicture } from "./national-picture.ts";

/** Refused: the database already holds organisations and the operator did not say to add beside them. */
export class NotEmptyError extends Error {}

export type NationalSeedResult = {
  organisations: number;
  users: number;
  initiatives: number;
  decisions: number;
  flows: number;
  actuals: number;
  baselines: number;
  reforecasts: number;
  communications: number;
  submissions: number;
  benefits: number;
  publishable: number;
  ms: number;
};

/**
 * `demo:seed --national`: a national picture of organisations, initiatives, decisions, flows and
 * actuals (issue 14), made in memory from a seeded random source and written set-based in one
 * transaction. Only the seed as a whole is audited (one entry, `demo.seed_national`), so the chain
 * and its signed checkpoint move once and `audit:verify` holds. Refuses a database with
 * organisations unless `add` says to put the picture beside them.
 */
export async function seedNational(db: Database, now: Date, { scale, add }: { scale: number; add: boolean }): Promise<NationalSeedResult> {
  const started = performance.now();
  if (!add && (await organisationCount(db)) > 0) {
    throw new NotEmptyError(
      "the database already has organisations; demo:seed --national fills an empty database (add --add to put the national picture beside what is there)",
    );
  }
  const taken = await takenIdentifiers(db);
  const picture = nationalPicture({
    scale,
    now,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    takenNumbers: taken.numbers,
    takenEmails: taken.emails,
    takenRounds: taken.rounds,
    // Another picture beside existing organisations needs other ids; an empty database always gets the same.
    seed: NATIONAL_SEED + taken.numbers.size,
  });
  const result = {
    organisations: picture.organisations.length,
    users: picture.users.length,
    initiatives: picture.initiatives.length,
    decisions: picture.decisions.length,
    flows: picture.flows.length,
    actuals: picture.actuals.length,
    baselines: picture.forecastVersions.filter((v) => v.kind === "baseline").length,
    reforecasts: picture.forecastVersions.filter((v) => v.kind === "reforecast").length,
    communications: picture.communications.filter((c) => c.audience === "forvaltningsgrupp").length,
    submissions: picture.reportingSubmissions.length,
    benefits: picture.benefits.length,
    publishable: picture.initiatives.filter((i) => i.publishable).length,
  };
  await db.transaction(async (tx) => {
    await insertNationalPicture(tx, picture);
    await recordAudit(
      tx,
      SYSTEM_ACTOR,
      {
        action: "demo.seed_national",
        entityType: "demo",
        entityId: "national",
        after: { seed: NATIONAL_SEED + taken.numbers.size, scale, ...result },
      },
      now,
    );
  });
  return { ...result, ms: performance.now() - started };
}

/** --scale: a share of the national picture, 0.01 to 1 (tests use 0.1). */
export function parseScale(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0.01 || n > 1) throw new UsageError(`--scale: a number from 0.01 to 1, got "${raw}"`);
  return n;
}

export function nationalSeedText(r: NationalSeedResult): string {
  return [
    `national demo seeded in ${(r.ms / 1000).toFixed(1)} s: ${r.organisations} organisations, ${r.users} users, ${r.initiatives} initiatives (${r.publishable} publishable), ${r.decisions} milestone decisions, ${r.flows} message flows, ${r.actuals} monthly actuals, ${r.baselines} baselines and ${r.reforecasts} re-forecasts, ${r.communications} messages to the förvaltningsgrupp, ${r.submissions} reports in two reporting rounds, ${r.benefits} benefits`,
    `the förvaltningsgrupp signs in as ${NATIONAL_FORVALTNINGSGRUPP.email}; every demo password is ${DEMO_PASSWORD}`,
  ].join("\n");
}
