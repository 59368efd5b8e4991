import type { NationalPicture } from "../../db/repositories/national-seed-repository.ts";
import type { Random } from "./random.ts";

/*
 * The national picture's nyttorealiseringsplaner (issue 14, benefits nationally): the benefits an
 * initiative states once it has passed milestone III, and for those in production the measurements
 * its nyttoägare has entered since — some beyond the target, most on the way, a few the wrong way —
 * so the förvaltningsgrupp's national benefits page has something true to the method to add up.
 */

/** One benefit as the plans state it: baseline and target for an organisation of a given size and volume. */
type BenefitTemplate = {
  name: string;
  category: "finansiell" | "omfordelad_tid" | "kvalitet" | "miljo";
  beneficiary: "organisation" | "privatpersoner" | "foretag" | "samhallet";
  metric: string;
  unit: string;
  /** Baseline and target from the initiative's annual letters and their cost. */
  values: (letters: number, costSek: number) => { baseline: number; target: number };
};

const round = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);

const TEMPLATES: readonly BenefitTemplate[] = [
  {
    name: "Minskade kostnader för porto och tryck",
    category: "finansiell",
    beneficiary: "organisation",
    metric: "Kostnad för utskick på papper per år",
    unit: "kr",
    values: (letters, cost) => ({ baseline: round(letters * cost, 1000), target: round(letters * cost * 0.45, 1000) }),
  },
  {
    name: "Frigjord tid i ärendehanteringen",
    category: "omfordelad_tid",
    beneficiary: "organisation",
    metric: "Timmar per år som inte längre går åt till kuvertering och utskick",
    unit: "timmar",
    values: (letters) => ({ baseline: 0, target: round(letters / 120, 10) }),
  },
  {
    name: "Snabbare besked till mottagarna",
    category: "kvalitet",
    beneficiary: "privatpersoner",
    metric: "Dagar från beslut till att mottagaren har beskedet",
    unit: "dagar",
    values: () => ({ baseline: 4, target: 1 }),
  },
  {
    name: "Andel utskick som når en digital brevlåda",
    category: "kvalitet",
    beneficiary: "privatpersoner",
    metric: "Andel av utskicken som går digitalt",
    unit: "%",
    values: () => ({ baseline: 0, target: 60 }),
  },
  {
    name: "Företagen får sin post digitalt",
    category: "kvalitet",
    beneficiary: "foretag",
    metric: "Andel av utskicken till företag som går digitalt",
    unit: "%",
    values: () => ({ baseline: 0, target: 70 }),
  },
  {
    name: "Mindre papper och transporter",
    category: "miljo",
    beneficiary: "samhallet",
    metric: "Kilo papper per år",
    unit: "kg",
    values: (letters) => ({ baseline: round(letters * 0.02, 10), target: round(letters * 0.02 * 0.4, 10) }),
  },
];

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, days: number) => isoDay(dayTime(day) + days * DAY_MS);

export function buildBenefitPlans(
  picture: NationalPicture,
  random: Random,
  {
    initiatives,
    today,
  }: {
    initiatives: readonly { id: string; stage: number; decisionDays: readonly string[]; pl: { id: string; name: string } }[];
    today: string;
  },
): void {
  const letters = new Map<string, { volume: number; cost: number }>();
  for (const f of picture.flows) {
    const sum = letters.get(f.initiativeId) ?? { volume: 0, cost: 0 };
    sum.volume += f.annualVolume;
    sum.cost += f.annualVolume * Number(f.costPerLetterSek ?? 0);
    letters.set(f.initiativeId, sum);
  }
  for (const initiative of initiatives) {
    if (initiative.stage < 3) continue;
    const statedOn = initiative.decisionDays[2] ?? today;
    const volume = letters.get(initiative.id) ?? { volume: 0, cost: 0 };
    const costPerLetter = volume.volume ? volume.cost / volume.volume : 12;
    const chosen = random.shuffled([...TEMPLATES]).slice(0, random.int(2, 4));
    for (const template of chosen) {
      const { baseline, target } = template.values(volume.volume, costPerLetter);
      const id = random.uuid();
      const createdAt = new Date(dayTime(statedOn) - 20 * DAY_MS);
      picture.benefits.push({
        id,
        initiativeId: initiative.id,
        name: template.name,
        description: "",
        category: template.category,
        beneficiary: template.beneficiary,
        metric: template.metric,
        unit: template.unit,
        baselineValue: baseline,
        baselineDate: addDays(statedOn, -30),
        targetValue: target,
        targetDate: addDays(statedOn, random.int(500, 1100)),
        owner: initiative.pl.name,
        ownerUserId: initiative.pl.id,
        frequencyMonths: 6,
        measuredBy: initiative.pl.name,
        measuredByUserId: initiative.pl.id,
        createdAt,
        updatedAt: createdAt,
        createdBy: initiative.pl.id,
      });
      // Measured every half year since production started (milestone VI), each a step of the way.
      const live = initiative.decisionDays[5];
      if (initiative.stage < 6 || !live) continue;
      const pace = 0.25 + random.next() * 0.45 - (random.chance(0.08) ? 0.5 : 0);
      for (let n = 1, day = addDays(live, 180); day < today && n <= 6; n++, day = addDays(day, 182)) {
        const share = Math.min(1.25, pace * n + (random.next() - 0.5) * 0.1);
        const value = Math.round((baseline + (target - baseline) * share) * 10) / 10;
        picture.benefitMeasurements.push({
          id: random.uuid(),
          benefitId: id,
          date: day,
          value,
          note: "",
          source: "manual",
          createdAt: new Date(dayTime(day) + 10 * 3_600_000),
          createdBy: initiative.pl.id,
        });
      }
    }
  }
}
