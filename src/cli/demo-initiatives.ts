import type { Database } from "../db/database.ts";
import { listInitiativesOf } from "../db/repositories/initiative-repository.ts";
import { findOrganisationByNumber } from "../db/repositories/organisation-repository.ts";
import { findUserByEmail } from "../db/repositories/user-repository.ts";
import type { Actor } from "../domain/access/actor.ts";
import { changeDeliverableStatus, createDeliverable, editDeliverable } from "../domain/deliverables/deliverables.ts";
import { loadActor } from "../domain/identity/load-actor.ts";
import { createInitiative } from "../domain/initiatives/create-initiative.ts";
import { updateActivity } from "../domain/initiatives/update-activity.ts";
import { decideMilestone } from "../domain/milestones/decide-milestone.ts";
import { prepareDecisionPoint } from "../domain/milestones/milestone-queries.ts";
import { updateOrganisationSettings } from "../domain/organisations/update-organisation-settings.ts";
import { deliverableType, milestoneByNumeral, phaseByNumber } from "../method/lookup.ts";
import type { MilestoneNumeral, PhaseNumber } from "../method/types.ts";
import { methodV12 } from "../method/v1.2/index.ts";

type DemoInitiative = {
  organisation: string;
  projektledare: string;
  verksamhetsagare: string;
  styrgrupp: string;
  name: string;
  description: string;
  targetGroup: string;
  plannedGoLive: string;
  volumePerYear: number;
  /** Milestones decided "go", in order. */
  passed: MilestoneNumeral[];
};

const DEMO: DemoInitiative[] = [
  {
    organisation: "2120002411",
    projektledare: "projektledare@sundsvall.example",
    verksamhetsagare: "verksamhetsagare@sundsvall.example",
    styrgrupp: "styrgrupp@sundsvall.example",
    name: "Digitala beslut om bygglov",
    description:
      "Bygglovsbeslut skickas i dag som rekommenderat brev. Kommunen vill skicka beslut, förelägganden och kompletteringsbegäranden till sökandens digitala brevlåda.",
    targetGroup: "Privatpersoner och företag som söker bygglov, cirka 2 400 ärenden per år",
    plannedGoLive: "2027-09-01",
    volumePerYear: 18_000,
    passed: ["I", "II"],
  },
  {
    organisation: "2120002411",
    projektledare: "projektledare@sundsvall.example",
    verksamhetsagare: "verksamhetsagare@sundsvall.example",
    styrgrupp: "styrgrupp@sundsvall.example",
    name: "Fakturor för barnomsorg",
    description: "Månadsfakturor för förskola och fritidshem ska kunna nå vårdnadshavare digitalt i stället för på papper.",
    targetGroup: "Vårdnadshavare med barn i kommunal förskola eller fritidshem",
    plannedGoLive: "2028-01-15",
    volumePerYear: 96_000,
    passed: [],
  },
  {
    organisation: "2321000206",
    projektledare: "projektledare@rvn.example",
    verksamhetsagare: "projektledare@rvn.example",
    styrgrupp: "projektledare@rvn.example",
    name: "Kallelser till specialistvården",
    description:
      "Kallelser och ombokningar från specialistvården skickas digitalt, med papper som reserv för den som saknar digital brevlåda.",
    targetGroup: "Patienter i specialistvården i Västernorrland",
    plannedGoLive: "2027-05-01",
    volumePerYear: 240_000,
    passed: ["I", "II", "III", "IV"],
  },
  {
    organisation: "2021005448",
    projektledare: "projektledare@skatteverket.example",
    verksamhetsagare: "projektledare@skatteverket.example",
    styrgrupp: "projektledare@skatteverket.example",
    name: "Besked om preliminär skatt",
    description: "Besked om ändrad preliminär skatt ska skickas digitalt till den som har en digital brevlåda.",
    targetGroup: "Skattskyldiga privatpersoner",
    plannedGoLive: "2027-12-01",
    volumePerYear: 1_200_000,
    passed: ["I"],
  },
];

async function actorOf(db: Database, email: string): Promise<Actor> {
  const user = await findUserByEmail(db, email);
  const actor = user && (await loadActor(db, user));
  if (!actor) throw new Error(`demo user ${email} is missing: seed users first`);
  return actor;
}

/**
 * A plausible text for a document, drawn from its template's guidance: the first three sections
 * of a draft, so it reads like work in progress; `complete` adds every section fastställa requires.
 */
function draftText(typeId: string, initiative: DemoInitiative, { complete = false } = {}): Record<string, string> {
  const type = deliverableType(methodV12, typeId);
  return Object.fromEntries(
    (type?.template ?? [])
      .filter((s, i) => i < 3 || (complete && s.required))
      .map((s, i) => [
        s.id,
        i === 0
          ? `${initiative.description}\n\nMålgrupp: ${initiative.targetGroup}.`
          : `${s.guidance.sv}\n\nFör ${initiative.name.toLowerCase()}: bedömningen görs tillsammans med verksamheten och redovisas för styrgruppen.`,
      ]),
  );
}

/**
 * Demo initiatives in several phases, built through the same use cases as the UI, by the people
 * whose roles allow each step: the projektledare writes, the verksamhetsägare fastställer and
 * decides milestone I, the styrgrupp the rest.
 */
export async function seedDemoInitiatives(db: Database, now: Date): Promise<number> {
  let created = 0;
  for (const demo of DEMO) {
    const organisation = await findOrganisationByNumber(db, demo.organisation);
    if (!organisation) continue;
    const existing = await listInitiativesOf(db, [organisation.id]);
    if (existing.some((i) => i.name === demo.name)) continue;
    const pl = await actorOf(db, demo.projektledare);
    const owner = await actorOf(db, demo.verksamhetsagare);
    const board = await actorOf(db, demo.styrgrupp);
    // Where one person writes and owns the work there is no second person to fastställa it: the
    // organisation turns that rule off, as such an organisation would (its verksamhetsägare may).
    if (owner.userId === pl.userId && organisation.requiresSecondApprover) {
      await updateOrganisationSettings({
        db,
        actor: owner,
        now,
        organisationId: organisation.id,
        input: { requiresSecondApprover: false },
      });
    }
    const initiative = await createInitiative({
      db,
      actor: pl,
      now,
      input: {
        organisationId: organisation.id,
        name: demo.name,
        description: demo.description,
        targetGroup: demo.targetGroup,
        plannedGoLive: demo.plannedGoLive,
        projectManagerId: pl.userId,
        steeringGroup: [board.userId],
      },
    });
    created++;
    const documents = new Map<string, string>();
    for (const numeral of demo.passed) {
      const milestone = milestoneByNumeral(methodV12, numeral);
      for (const a of phaseByNumber(methodV12, milestone.afterPhase).activities) {
        await updateActivity({
          db,
          actor: pl,
          now,
          initiativeId: initiative.id,
          activityId: a.id,
          input: { status: "done", motivation: "" },
        });
      }
      for (const entry of milestone.basis.filter((b) => b.required)) {
        let id = documents.get(entry.deliverableTypeId);
        if (!id) {
          id = (
            await createDeliverable({
              db,
              actor: pl,
              now,
              initiativeId: initiative.id,
              input: { deliverableTypeId: entry.deliverableTypeId },
            })
          ).id;
          documents.set(entry.deliverableTypeId, id);
          await editDeliverable({
            db,
            actor: pl,
            now,
            deliverableId: id,
            input: { sections: draftText(entry.deliverableTypeId, demo, { complete: true }) },
          });
          // A second person fastställer what the projektledare wrote, as the organisation requires by default.
          await changeDeliverableStatus({ db, actor: owner, now, deliverableId: id, status: "faststalld" });
        }
      }
      for (const dp of milestone.decisionPoints) {
        await prepareDecisionPoint({
          db,
          actor: pl,
          now,
          initiativeId: initiative.id,
          numeral,
          decisionPointId: dp.id,
          proposal: "Projektet föreslår bifall enligt underlaget.",
        });
      }
      const decider = milestone.decidedBy.role === "verksamhetsagare" ? owner : board;
      await decideMilestone({
        db,
        actor: decider,
        now,
        initiativeId: initiative.id,
        numeral,
        input: {
          outcome: "go",
          decisionPoints: milestone.decisionPoints.map((dp) => ({
            id: dp.id,
            answer: "Ja",
            motivation: "Beslutat enligt projektets förslag.",
          })),
          conditions: [],
          decidedOn: new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now),
          minutes: `Beslut vid milstolpe ${numeral} enligt protokoll.`,
          diarienummer: null,
          incompleteBasisReason: null,
          supersedes: null,
          reported: {
            timeline: `Test hösten 2026, driftstart ${demo.plannedGoLive}`,
            messageVolumePerYear: demo.volumePerYear,
            volumeNote: null,
            note: null,
          },
        },
      });
    }
    // The phase being worked on now has work in progress: the one after the last milestone passed.
    const last = demo.passed[demo.passed.length - 1];
    const next = phaseByNumber(methodV12, (last ? Math.min(8, milestoneByNumeral(methodV12, last).afterPhase + 1) : 1) as PhaseNumber);
    const [first, second] = next.activities;
    if (first)
      await updateActivity({
        db,
        actor: pl,
        now,
        initiativeId: initiative.id,
        activityId: first.id,
        input: { status: "done", motivation: "" },
      });
    if (second)
      await updateActivity({
        db,
        actor: pl,
        now,
        initiativeId: initiative.id,
        activityId: second.id,
        input: { status: "in_progress", motivation: "" },
      });
    const result = next.results[0];
    if (result && !documents.has(result)) {
      const doc = await createDeliverable({ db, actor: pl, now, initiativeId: initiative.id, input: { deliverableTypeId: result } });
      await editDeliverable({ db, actor: pl, now, deliverableId: doc.id, input: { sections: draftText(result, demo) } });
    }
  }
  return created;
}
