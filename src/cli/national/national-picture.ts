import type { NationalPicture } from "../../db/repositories/national-seed-repository.ts";
import type { OrganisationKind } from "../../domain/access/roles.ts";
import { type BasisSnapshot, buildBasisSnapshot, type Reported } from "../../domain/milestones/basis-snapshot.ts";
import { decisionHash, decisionRecordOf } from "../../domain/milestones/decision-hash.ts";
import { COUNTIES, COUNTY_CODES, type County } from "../../domain/organisations/counties.ts";
import { contentHash } from "../../domain/shared/content-hash.ts";
import { luhnCheckDigit } from "../../domain/shared/luhn.ts";
import { deliverableType } from "../../method/lookup.ts";
import type { Milestone } from "../../method/types.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import { buildBenefitPlans } from "./benefit-plans.ts";
import {
  CENTRAL_MYNDIGHETER,
  COURTS,
  FIRST_NAMES,
  FLOW_NAMES,
  FLOW_VARIANTS,
  INITIATIVE_NAMES,
  KOMMUNER,
  kommunName,
  LAST_NAMES,
  MADE_UP_AREAS,
  MORE_MYNDIGHETER,
  placed,
  REGIONER,
  UNIVERSITIES,
} from "./names.ts";
import { buildReports } from "./national-reports.ts";
import { Random } from "./random.ts";

/*
 * The national demo picture (`demo:seed --national`, issue 14): every table's rows computed here, in
 * memory and without I/O, from a seeded random source, so two runs give the same picture; the CLI
 * writes them set-based (db/repositories/national-seed-repository.ts). Decisions are built as
 * decide-milestone builds them — the basis snapshot of fastställda documents and prepared decision
 * points, its hash and the decision's own hash — so the status read model, the flags and the
 * decisions' integrity checks read them as they read decisions made in the UI.
 */

export const NATIONAL_ORGANISATIONS = 650;
export const NATIONAL_INITIATIVES = 1_000;
export const NATIONAL_FLOWS = 20_000;
export const NATIONAL_SEED = 14;
export const NATIONAL_FORVALTNINGSGRUPP = { email: "forvaltning@digg.example", name: "Frida Förvaltning" };

type Kind = Exclude<OrganisationKind, "privat">;

export type NationalOptions = {
  /** 1 is the national picture; 0.1 a tenth of it (tests). */
  scale: number;
  now: Date;
  /** One hash of the demo password, shared by every account made (hashing 1,300 passwords would take minutes). */
  passwordHash: string;
  /** Organisation numbers and e-mail addresses already in the database, never made again. */
  takenNumbers: ReadonlySet<string>;
  takenEmails: ReadonlySet<string>;
  /** Reporting rounds already in the database, by lower-case name: the picture reports in them. */
  takenRounds?: ReadonlyMap<string, { id: string; createdAt: Date }>;
  seed?: number;
};

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, days: number) => isoDay(dayTime(day) + days * DAY_MS);
const addMonths = (day: string, months: number) => {
  const d = new Date(dayTime(day));
  d.setUTCMonth(d.getUTCMonth() + months);
  return isoDay(d.getTime());
};
const monthOf = (day: string) => day.slice(0, 7);
const nextMonth = (month: string) => addMonths(`${month}-01`, 1).slice(0, 7);

/** Where the earliest decision may lie: the method's use began to spread in 2024. */
const EARLIEST = "2024-01-08";

type Org = { id: string; name: string; kind: Kind; county: County; weight: number; domain: string };

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The organisations of a national picture of this size, kommuner and regioner in their real county. */
function organisationList(random: Random, scale: number): { name: string; kind: Kind; county: County; weight: number }[] {
  const total = Math.max(3, Math.round(NATIONAL_ORGANISATIONS * scale));
  const regionCount = Math.max(1, Math.round(21 * scale));
  const kommunCount = Math.max(1, Math.round(289 * scale));
  const myndighetCount = Math.max(1, total - regionCount - kommunCount);
  const BIG_CITIES = new Set([
    "Stockholm",
    "Göteborg",
    "Malmö",
    "Uppsala",
    "Linköping",
    "Örebro",
    "Västerås",
    "Helsingborg",
    "Norrköping",
    "Jönköping",
    "Umeå",
    "Lund",
  ]);
  const kommuner = COUNTY_CODES.flatMap((county) =>
    (KOMMUNER[county] ? KOMMUNER[county].split(",") : []).map((place) => ({
      name: kommunName(place),
      kind: "kommun" as const,
      county,
      weight: BIG_CITIES.has(place) ? 5 : Math.exp(random.normal() * 0.5),
    })),
  );
  const regioner = COUNTY_CODES.map((county) => ({
    name: REGIONER[county],
    kind: "region" as const,
    county,
    weight: ["AB", "O", "M"].includes(county) ? 6 : 3,
  }));
  const central = placed(CENTRAL_MYNDIGHETER).map(([name, county], i) => ({ name, county, weight: i < 10 ? 8 : 1 }));
  const myndigheter = [
    ...central,
    ...placed(UNIVERSITIES).map(([name, county]) => ({ name, county, weight: 0.8 })),
    ...placed(COURTS).map(([name, county]) => ({ name, county, weight: 0.6 })),
    ...COUNTY_CODES.map((county) => ({ name: `Länsstyrelsen i ${COUNTIES[county]}`, county, weight: 1 })),
    ...placed(MORE_MYNDIGHETER).map(([name, county]) => ({ name, county, weight: 0.5 })),
    ...MADE_UP_AREAS.map((area) => ({
      name: `Myndigheten för ${area}`,
      county: (random.chance(0.8) ? "AB" : random.pick(COUNTY_CODES)) as County,
      weight: 0.4,
    })),
  ].map((m) => ({ ...m, kind: "statlig" as const }));
  // The largest senders always; the rest a seeded sample when the picture is smaller than the country.
  const sample = <T>(items: T[], n: number, keepFirst = 0) =>
    n >= items.length
      ? items
      : [...items.slice(0, Math.min(keepFirst, n)), ...random.shuffled(items.slice(keepFirst)).slice(0, Math.max(0, n - keepFirst))];
  return [...sample(kommuner, kommunCount), ...sample(regioner, regionCount, 3), ...sample(myndigheter, myndighetCount, 10)];
}

/** Distinct valid organisationsnummer per kind, in the number series each kind really has (21…, 23…, 20…). */
function organisationNumbers(random: Random, kind: Kind, count: number, taken: ReadonlySet<string>): string[] {
  const prefix = kind === "kommun" ? "212000" : kind === "region" ? "232100" : "202100";
  const candidates = random.shuffled(Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"))).map((tail) => {
    const nine = `${prefix}${tail}`;
    return `${nine}${luhnCheckDigit(nine)}`;
  });
  const free = candidates.filter((n) => !taken.has(n));
  if (free.length < count) throw new Error(`not enough free organisation numbers in the ${prefix} series`);
  return free.slice(0, count);
}

/** Milestones passed (0–8) drawn for an initiative: later stages more often for the largest senders, who started first. */
function stageOf(random: Random, weight: number): number {
  const shares = [16, 14, 12, 10, 9, 8, 10, 12, 9];
  const tilted = shares.map((s, i) => s * (weight >= 5 ? 1 + i * 0.25 : 1));
  return random.weighted(tilted);
}

const STATUS_WORDS = ["Ja", "Ja, enligt förslaget", "Ja, med hänvisning till underlaget"];

export function nationalPicture(options: NationalOptions): NationalPicture {
  const random = new Random(options.seed ?? NATIONAL_SEED);
  const today = isoDay(options.now.getTime());
  const thisMonth = monthOf(today);
  const picture: NationalPicture = {
    organisations: [],
    users: [],
    memberships: [],
    initiatives: [],
    steeringGroupMembers: [],
    activityProgress: [],
    deliverables: [],
    deliverableVersions: [],
    preparations: [],
    decisions: [],
    conditionFollowups: [],
    milestonePlans: [],
    flows: [],
    actuals: [],
    forecastVersions: [],
    communications: [],
    communicationRecipients: [],
    reportingRounds: [],
    reportingSubmissions: [],
    reportingReminders: [],
    benefits: [],
    benefitMeasurements: [],
  };
  const emails = new Set(options.takenEmails);
  const person = (domain: string) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const base = `${slug(first)}.${slug(last)}`;
    let email = `${base}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${base}${n}@${domain}`;
    emails.add(email);
    return { id: random.uuid(), name: `${first} ${last}`, email };
  };
  const user = (p: { id: string; name: string; email: string }, createdAt: Date) => {
    picture.users.push({ id: p.id, email: p.email, name: p.name, passwordHash: options.passwordHash, systemRoles: [], createdAt });
    return p;
  };
  let forvaltningsgruppId: string | null = null;
  if (!emails.has(NATIONAL_FORVALTNINGSGRUPP.email)) {
    forvaltningsgruppId = random.uuid();
    picture.users.push({
      id: forvaltningsgruppId,
      ...NATIONAL_FORVALTNINGSGRUPP,
      passwordHash: options.passwordHash,
      systemRoles: ["forvaltningsgrupp"],
      createdAt: new Date(dayTime("2023-12-01")),
    });
    emails.add(NATIONAL_FORVALTNINGSGRUPP.email);
  }

  // Organisations, each with a projektledare and a verksamhetsägare who also sits in the styrgrupp.
  const list = organisationList(random, options.scale);
  const numbers = new Map<Kind, string[]>(
    (["kommun", "region", "statlig"] as const).map((k) => [
      k,
      organisationNumbers(random, k, list.filter((o) => o.kind === k).length, options.takenNumbers),
    ]),
  );
  const orgs: (Org & { pl: { id: string; name: string; email: string }; owner: { id: string; name: string } })[] = list.map((o) => {
    const number = numbers.get(o.kind)?.shift() ?? "";
    const id = random.uuid();
    const createdAt = new Date(dayTime("2023-11-01") + random.int(0, 60) * DAY_MS);
    picture.organisations.push({ id, name: o.name, number, kind: o.kind, county: o.county, createdAt });
    const domain = `${slug(o.name)}.example`;
    const pl = user(person(domain), createdAt);
    const owner = user(person(domain), createdAt);
    picture.memberships.push(
      { userId: pl.id, organisationId: id, roles: ["projektledare", "deltagare"], createdAt },
      { userId: owner.id, organisationId: id, roles: ["verksamhetsagare", "styrgrupp"], createdAt },
    );
    return { ...o, id, domain, pl, owner };
  });

  // Initiatives: one per organisation, the rest to the larger senders.
  const initiativeTarget = Math.max(orgs.length, Math.round(NATIONAL_INITIATIVES * options.scale));
  const perOrg = orgs.map(() => 1);
  const weights = orgs.map((o) => o.weight);
  for (let i = orgs.length; i < initiativeTarget; i++) {
    const k = random.weighted(weights);
    perOrg[k] = (perOrg[k] ?? 0) + 1;
  }
  type Planned = { id: string; org: (typeof orgs)[number]; stage: number; flowWeight: number; decisionDays: string[] };
  const planned: Planned[] = [];
  orgs.forEach((org, k) => {
    const names = random.shuffled(INITIATIVE_NAMES[org.kind]);
    for (let n = 0; n < (perOrg[k] ?? 1); n++) {
      planned.push({
        id: random.uuid(),
        org,
        stage: stageOf(random, org.weight),
        flowWeight: org.weight * Math.exp(random.normal() * 0.6),
        decisionDays: [],
      });
      const initiative = planned.at(-1) as Planned;
      const name = names[n % names.length] ?? "Anslutning till Mina meddelanden";
      initiative.decisionDays = decisionDays(random, initiative.stage, today);
      buildInitiative(
        picture,
        random,
        initiative,
        n < names.length ? name : `${name} ${Math.floor(n / names.length) + 1}`,
        today,
        options.now,
      );
    }
  });

  // Flows: the national count shared out by each initiative's size, at least one each.
  const flowTarget = Math.max(planned.length, Math.round(NATIONAL_FLOWS * options.scale));
  const flowWeightSum = planned.reduce((s, p) => s + p.flowWeight, 0);
  const flowCounts = planned.map((p) => Math.max(1, Math.floor((p.flowWeight / flowWeightSum) * flowTarget)));
  for (let left = flowTarget - flowCounts.reduce((s, n) => s + n, 0); left > 0; left--) {
    const k = random.weighted(planned.map((p) => p.flowWeight));
    flowCounts[k] = (flowCounts[k] ?? 0) + 1;
  }
  for (let left = flowCounts.reduce((s, n) => s + n, 0) - flowTarget; left > 0; ) {
    const k = random.int(0, planned.length - 1);
    if ((flowCounts[k] ?? 0) > 1) {
      flowCounts[k] = (flowCounts[k] ?? 0) - 1;
      left--;
    }
  }
  planned.forEach((p, k) => {
    buildFlows(picture, random, p, flowCounts[k] ?? 1, today, thisMonth);
  });

  buildBenefitPlans(picture, random, {
    initiatives: planned.map((p) => ({ id: p.id, stage: p.stage, decisionDays: p.decisionDays, pl: p.org.pl })),
    today,
  });
  const initiativeRows = new Map(picture.initiatives.map((i) => [i.id as string, i]));
  buildReports(picture, random, {
    initiatives: planned.map((p) => ({
      id: p.id,
      name: initiativeRows.get(p.id)?.name ?? "",
      stage: p.stage,
      plannedGoLive: initiativeRows.get(p.id)?.plannedGoLive ?? null,
      org: { id: p.org.id, name: p.org.name, kind: p.org.kind, pl: p.org.pl },
    })),
    today,
    forvaltningsgruppId,
    existingRounds: options.takenRounds ?? new Map(),
  });
  return picture;
}

/** The days the passed milestones were decided, in order, spread between 2024 and about a month ago. */
function decisionDays(random: Random, stage: number, today: string): string[] {
  if (stage === 0) return [];
  const latestStart = Math.max(dayTime(EARLIEST), dayTime(today) - 40 * DAY_MS * (stage + 1));
  const start = dayTime(EARLIEST) + random.next() * (latestStart - dayTime(EARLIEST));
  const end = dayTime(today) - random.int(10, 60) * DAY_MS;
  const gaps = Array.from({ length: stage }, () => 0.5 + random.next());
  const sum = gaps.reduce((s, g) => s + g, 0) + 0.5;
  let at = start;
  return gaps.map((g) => {
    at += (g / sum) * (end - start);
    return isoDay(at);
  });
}

function sectionsFor(typeId: string, initiativeName: string): Record<string, string> {
  const type = deliverableType(methodV12, typeId);
  return Object.fromEntries(
    (type?.template ?? [])
      .filter((s, i) => s.required || i === 0)
      .map((s) => [s.id, `${s.guidance.sv}\n\nFör ${initiativeName.toLowerCase()}: bedömt tillsammans med verksamheten.`]),
  );
}

function buildInitiative(
  picture: NationalPicture,
  random: Random,
  p: {
    id: string;
    org: Org & { pl: { id: string; name: string }; owner: { id: string; name: string } };
    stage: number;
    decisionDays: string[];
  },
  name: string,
  today: string,
  now: Date,
) {
  const { org, stage } = p;
  const firstDay = p.decisionDays[0] ?? isoDay(dayTime(EARLIEST) + random.next() * (dayTime(today) - dayTime(EARLIEST) - 20 * DAY_MS));
  const createdDay = addDays(firstDay, -random.int(30, 120));
  const at = (day: string, hour = 9) => new Date(dayTime(day) + hour * 3_600_000);
  const goLiveBase = p.decisionDays[4] ?? addMonths(today, random.int(6 + (5 - Math.min(stage, 5)) * 3, 18 + (5 - Math.min(stage, 5)) * 4));
  picture.initiatives.push({
    id: p.id,
    organisationId: org.id,
    name,
    description: `${org.name} vill skicka ${name.toLowerCase().replace(/^digitala? /, "")} till mottagarnas digitala brevlådor i stället för på papper.`,
    targetGroup:
      org.kind === "region"
        ? "Patienter och invånare i länet"
        : org.kind === "kommun"
          ? "Kommunens invånare och företag"
          : "Privatpersoner och företag i hela landet",
    plannedGoLive: p.decisionDays[4] ? addMonths(goLiveBase, random.int(2, 8)) : goLiveBase,
    projectManagerId: org.pl.id,
    methodVersion: methodV12.version,
    createdAt: at(createdDay),
    createdBy: org.pl.id,
    publishable: random.chance(0.3),
  });
  picture.steeringGroupMembers.push({ initiativeId: p.id, userId: org.owner.id });

  // Activities: every activity of the phases passed done; the current phase half done, one in progress.
  const currentPhase = Math.min(8, stage + 1);
  for (const phase of methodV12.phases) {
    if (phase.number > currentPhase) break;
    const lastDay = p.decisionDays[phase.number - 1] ?? today;
    phase.activities.forEach((a, i) => {
      const done = phase.number < currentPhase || stage === 8 || i < phase.activities.length / 2;
      const inProgress = !done && i === Math.ceil(phase.activities.length / 2);
      if (!done && !inProgress) return;
      picture.activityProgress.push({
        initiativeId: p.id,
        activityId: a.id,
        status: done ? "done" : "in_progress",
        motivation: "",
        updatedAt: at(addDays(lastDay, -random.int(5, 25)), 14),
        updatedBy: org.pl.id,
      });
    });
  }

  // Milestones passed: the basis documents fastställda, the decision points prepared, then the decision.
  const docs: { id: string; typeId: string; title: string; contentHash: string }[] = [];
  const prepared: { decisionPointId: string; proposal: string }[] = [];
  const makeDoc = (typeId: string, day: string, status: "faststalld" | "utkast") => {
    const sections = sectionsFor(typeId, name);
    const doc = {
      id: random.uuid(),
      typeId,
      title: deliverableType(methodV12, typeId)?.name.sv ?? typeId,
      contentHash: contentHash(sections),
    };
    picture.deliverables.push({
      id: doc.id,
      initiativeId: p.id,
      typeId,
      title: doc.title,
      ownerId: org.pl.id,
      createdAt: at(addDays(day, -30)),
    });
    picture.deliverableVersions.push({
      id: random.uuid(),
      deliverableId: doc.id,
      version: 1,
      status,
      sections,
      contentHash: doc.contentHash,
      createdAt: at(addDays(day, -30)),
      createdBy: org.pl.id,
      updatedAt: at(addDays(day, -10)),
      lastEditedBy: org.pl.id,
      approvedAt: status === "faststalld" ? at(addDays(day, -7)) : null,
      approvedBy: status === "faststalld" ? org.owner.id : null,
    });
    docs.push(doc);
  };
  const decide = (
    milestone: Milestone,
    outcome: "go" | "go_with_conditions" | "rework" | "stop",
    day: string,
    supersedesId: string | null,
  ) => {
    const reported: Reported = { timeline: null, messageVolumePerYear: null, volumeNote: null, note: null };
    const basisTypes = milestone.basis.map((b) => b.deliverableTypeId);
    const { snapshot, hash } = buildBasisSnapshot({
      methodVersion: methodV12.version,
      numeral: milestone.numeral,
      basisTypeIds: basisTypes,
      deliverables: docs.map((d) => ({
        id: d.id,
        typeId: d.typeId,
        title: d.title,
        latest: { version: 1, status: "faststalld", contentHash: d.contentHash },
        approved: { version: 1, contentHash: d.contentHash },
      })),
      preparations: prepared,
      reported,
    });
    const conditions =
      outcome === "go_with_conditions"
        ? Array.from({ length: random.int(1, 2) }, (_, i) => ({
            text:
              i === 0
                ? "Reservrutin för den som saknar digital brevlåda ska vara beslutad."
                : "Informationsklassningen av flödena ska vara klar.",
            owner: org.pl.name,
            ownerUserId: org.pl.id,
            dueDate: addMonths(day, random.int(1, 6)),
          }))
        : [];
    const row = {
      id: random.uuid(),
      initiativeId: p.id,
      numeral: milestone.numeral,
      outcome,
      decisionPoints: milestone.decisionPoints.map((dp) => ({
        id: dp.id,
        answer: outcome === "rework" || outcome === "stop" ? "Nej" : random.pick(STATUS_WORDS),
        motivation: outcome === "rework" ? "Underlaget behöver kompletteras." : "Beslutat enligt projektets förslag.",
      })),
      conditions,
      decidedBy: org.owner.id,
      decidedByName: org.owner.name,
      decidedOn: day,
      minutes: `Protokoll från ${milestone.decidedBy.role === "verksamhetsagare" ? "verksamhetsägarens beslut" : "styrgruppens möte"} ${day}.`,
      diarienummer: random.chance(0.6) ? `${day.slice(0, 4)}/${random.int(100, 2999)}` : null,
      incompleteBasisReason: null,
      reported,
      basisSnapshot: snapshot satisfies BasisSnapshot,
      basisHash: hash,
      supersedesId,
      createdAt: at(day, 15),
    };
    picture.decisions.push({ ...row, decisionHash: decisionHash(decisionRecordOf(row)) });
    // Conditions due before today are mostly followed up as met; the rest stay overdue, as in life.
    conditions.forEach((c, index) => {
      if (c.dueDate < today && random.chance(0.88))
        picture.conditionFollowups.push({
          decisionId: row.id,
          conditionIndex: index,
          initiativeId: p.id,
          note: "Åtgärdat och redovisat för styrgruppen.",
          metAt: at(c.dueDate, 11),
          metBy: org.pl.id,
        });
    });
    return row.id;
  };
  const prepare = (milestone: Milestone, day: string) => {
    for (const dp of milestone.decisionPoints) {
      if (prepared.some((x) => x.decisionPointId === dp.id)) continue;
      const proposal = "Projektet föreslår bifall enligt underlaget.";
      prepared.push({ decisionPointId: dp.id, proposal });
      picture.preparations.push({
        initiativeId: p.id,
        decisionPointId: dp.id,
        proposal,
        preparedBy: org.pl.id,
        preparedAt: at(addDays(day, -5)),
      });
    }
  };

  methodV12.milestones.slice(0, stage).forEach((milestone, i) => {
    const day = p.decisionDays[i] ?? today;
    for (const entry of milestone.basis.filter((b) => b.required)) {
      if (!docs.some((d) => d.typeId === entry.deliverableTypeId)) makeDoc(entry.deliverableTypeId, day, "faststalld");
    }
    prepare(milestone, day);
    // Now and then a milestone was sent back for rework first, and passed at a later meeting.
    const reworkDay = addDays(day, -random.int(20, 50));
    const previousDay = i > 0 ? (p.decisionDays[i - 1] ?? EARLIEST) : EARLIEST;
    const earlier = random.chance(0.06) && reworkDay > previousDay ? decide(milestone, "rework", reworkDay, null) : null;
    decide(milestone, random.chance(0.08) ? "go_with_conditions" : "go", day, earlier);
  });

  if (stage < 8) {
    const next = methodV12.milestones[stage] as Milestone;
    const phase = methodV12.phases[stage];
    const result = phase?.results[0];
    if (result && random.chance(0.6) && !docs.some((d) => d.typeId === result))
      makeDoc(result, addDays(today, -random.int(5, 40)), "utkast");
    // A few initiatives were sent back at their next milestone, or stopped there, recently.
    const r = random.next();
    const lastDay = p.decisionDays[stage - 1] ?? firstDay;
    const recent = addDays(today, -random.int(5, 60));
    if (r < 0.05 && recent > lastDay) {
      prepare(next, recent);
      decide(next, "rework", recent, null);
    } else if (r < 0.06 && recent > lastDay) {
      prepare(next, recent);
      decide(next, "stop", recent, null);
    }
    // Most plan their next decision; when that day has passed undecided the portfolio flags it.
    if (random.chance(0.7)) {
      picture.milestonePlans.push({
        initiativeId: p.id,
        numeral: next.numeral,
        plannedOn: addDays(today, random.int(-40, 200)),
        updatedAt: now,
        updatedBy: org.pl.id,
      });
    }
  }
}

const TACTICS: Record<Kind, readonly ("egen_integration" | "formedlare" | "extern_part" | "verksamhetssystem")[]> = {
  kommun: ["formedlare", "formedlare", "verksamhetssystem", "verksamhetssystem", "extern_part", "egen_integration"],
  region: ["egen_integration", "verksamhetssystem", "formedlare", "extern_part"],
  statlig: ["egen_integration", "egen_integration", "egen_integration", "formedlare", "verksamhetssystem"],
};

/** Annual letters of one flow: most flows are small, a few very large (long tail), larger for large senders. */
function annualVolume(random: Random, weight: number): number {
  const raw = Math.exp(Math.log(1_500) + random.normal() * 1.3) * Math.sqrt(weight) * (weight >= 8 ? 4 : 1);
  const clamped = Math.min(8_000_000, Math.max(50, raw));
  const magnitude = 10 ** Math.max(1, Math.floor(Math.log10(clamped)) - 1);
  return Math.round(clamped / magnitude) * magnitude;
}

function seasonalityOf(random: Random): number[] | undefined {
  if (random.chance(0.75)) return undefined; // the table's default: even over the year
  const peak = random.int(0, 11);
  const raw = Array.from({ length: 12 }, (_, m) => (m === peak ? 2.5 : m === (peak + 1) % 12 ? 1.6 : 0.7 + random.next() * 0.5));
  const sum = raw.reduce((s, v) => s + v, 0);
  return raw.map((v) => v / sum);
}

function buildFlows(
  picture: NationalPicture,
  random: Random,
  p: { id: string; org: Org & { pl: { id: string } }; stage: number; decisionDays: string[] },
  count: number,
  today: string,
  thisMonth: string,
) {
  const { org, stage } = p;
  const names = FLOW_NAMES[org.kind];
  const createdAt = new Date(dayTime(p.decisionDays[0] ?? addDays(today, -random.int(20, 200))) - 20 * DAY_MS);
  const chosenTactic = random.pick(TACTICS[org.kind]);
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const [base, usualType] = names[i % names.length] ?? ["Beslut", "blandat"];
    let name = `${base}${FLOW_VARIANTS[Math.floor(i / names.length) % FLOW_VARIANTS.length]}`;
    for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
    used.add(name);
    const recipientType = random.chance(0.15) ? random.pick(["privatperson", "foretag", "blandat"] as const) : usualType;
    const volume = annualVolume(random, org.weight);
    let status: "identifierad" | "prioriterad" | "i_test" | "i_produktion" | "avvecklad";
    let test: string | null = null;
    let production: string | null = null;
    const future = (fromMonths: number, toMonths: number) => {
      test = addDays(today, random.int(fromMonths * 30, toMonths * 30));
      production = addDays(test, random.int(30, 150));
    };
    if (stage === 0) {
      status = "identifierad";
      if (random.chance(0.5)) future(12, 36);
    } else if (stage <= 3) {
      status = stage === 1 && random.chance(0.6) ? "identifierad" : "prioriterad";
      if (stage > 1 || random.chance(0.7)) future(3 + (3 - stage) * 4, 18 + (3 - stage) * 6);
    } else if (stage === 4 || (stage === 5 && random.chance(0.6))) {
      status = random.chance(0.55) ? "i_test" : "prioriterad";
      if (status === "i_test") {
        test = addDays(today, -random.int(10, 150));
        production = addDays(today, random.int(20, 240));
      } else future(2, 14);
    } else {
      const r = random.next();
      status = r < 0.85 ? "i_produktion" : r < 0.9 ? "avvecklad" : "prioriterad";
      if (status === "prioriterad") future(2, 18);
      else {
        // In production since after milestone V, and before a month ago.
        const from = dayTime(p.decisionDays[4] ?? addDays(today, -300)) + 20 * DAY_MS;
        const to = dayTime(today) - 35 * DAY_MS;
        production = isoDay(from + random.next() * Math.max(0, to - from));
        test = addDays(production, -random.int(30, 120));
      }
    }
    const tactic =
      stage >= 2 || (stage === 1 && random.chance(0.4)) ? (random.chance(0.85) ? chosenTactic : random.pick(TACTICS[org.kind])) : null;
    const seasonality = seasonalityOf(random);
    const id = random.uuid();
    picture.flows.push({
      id,
      initiativeId: p.id,
      name,
      description: "",
      businessProcess: base.replace(/^(Beslut om|Faktura för|Kallelse till) /, ""),
      recipientType,
      annualVolume: volume,
      ...(seasonality ? { seasonality } : {}),
      currentChannel: random.pick(["Papperspost", "Rekommenderat brev", "Papperspost via tryckeri", "E-post och papper"]),
      costPerLetterSek: Math.round((8 + random.next() * 14) * 100) / 100,
      tactic,
      plannedTestDate: test,
      plannedProductionDate: production,
      status,
      processChange: stage >= 1 ? random.int(1, 5) : null,
      serviceImprovement: stage >= 1 ? random.int(1, 5) : null,
      createdAt,
      updatedAt: createdAt,
      createdBy: org.pl.id,
    });
    // What the flow actually sent, every month from its production month up to last month (at most three years).
    if (status === "i_produktion" && production) {
      const shares = seasonality ?? Array.from({ length: 12 }, () => 1 / 12);
      let month = monthOf(production);
      for (let n = 0; month < thisMonth && n < 36; n++, month = nextMonth(month)) {
        const share = shares[Number(month.slice(5, 7)) - 1] ?? 1 / 12;
        const sent = Math.max(0, Math.round(volume * share * (0.9 + random.next() * 0.2)));
        const reach = Math.min(0.95, 0.45 + 0.03 * n + random.next() * 0.08);
        const digital = Math.round(sent * reach);
        picture.actuals.push({
          flowId: id,
          month,
          digital,
          paper: sent - digital,
          updatedAt: new Date(dayTime(`${nextMonth(month)}-01`) + 5 * DAY_MS),
          updatedBy: org.pl.id,
        });
      }
    }
  }
}
