import { milestoneByNumeral } from "../../src/method/lookup.ts";
import type { MilestoneNumeral } from "../../src/method/types.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import type { apiClient } from "./test-app.ts";

type Api = ReturnType<typeof apiClient>;

/**
 * Writes every required section of every required basis document of a milestone (the
 * projektledare), has a second person fastställa each (`approver`, e.g. the verksamhetsägare, as
 * the organisation requires by default), and prepares every decision point.
 */
export async function prepareMilestone(projektledare: Api, initiativeId: string, numeral: MilestoneNumeral, approver: Api) {
  const milestone = milestoneByNumeral(methodV12, numeral);
  const existing = (await projektledare.get(`/api/v1/initiatives/${initiativeId}`)).json() as {
    phases: { results: { deliverableTypeId: string; deliverables: { id: string; approved: boolean }[] }[] }[];
  };
  const have = new Map(
    existing.phases.flatMap((p) => p.results).flatMap((r) => r.deliverables.map((d) => [r.deliverableTypeId, d] as const)),
  );
  for (const entry of milestone.basis.filter((b) => b.required)) {
    if (have.get(entry.deliverableTypeId)?.approved) continue;
    let id = have.get(entry.deliverableTypeId)?.id;
    if (!id) {
      const created = await projektledare.post(`/api/v1/initiatives/${initiativeId}/deliverables`, {
        deliverableTypeId: entry.deliverableTypeId,
      });
      if (created.statusCode !== 201) throw new Error(`create ${entry.deliverableTypeId}: ${created.body}`);
      const doc = created.json() as { id: string; template: { id: string; required: boolean }[] };
      id = doc.id;
      const sections = Object.fromEntries(
        doc.template
          .filter((section) => section.required)
          .map((section) => [section.id, `Innehåll för ${entry.deliverableTypeId}: ${section.id}.`]),
      );
      const written = await projektledare.put(`/api/v1/deliverables/${id}/sections`, { sections });
      if (written.statusCode !== 200) throw new Error(`write ${entry.deliverableTypeId}: ${written.body}`);
    }
    const approved = await approver.post(`/api/v1/deliverables/${id}/status`, { status: "faststalld" });
    if (approved.statusCode !== 200) throw new Error(`approve ${entry.deliverableTypeId}: ${approved.body}`);
  }
  for (const dp of milestone.decisionPoints) {
    const r = await projektledare.put(`/api/v1/initiatives/${initiativeId}/milestones/${numeral}/decision-points/${dp.id}/preparation`, {
      proposal: `Förslag: ja, för ${dp.id}.`,
    });
    if (r.statusCode !== 200) throw new Error(`prepare ${dp.id}: ${r.body}`);
  }
}

/** A complete decision body for a milestone: every point answered (the figures it reports come from the flows). */
export function decisionBody(numeral: MilestoneNumeral, overrides: Record<string, unknown> = {}) {
  const milestone = milestoneByNumeral(methodV12, numeral);
  return {
    outcome: "go",
    decisionPoints: milestone.decisionPoints.map((d) => ({ id: d.id, answer: "Ja", motivation: "Underlaget visar att det är motiverat." })),
    decidedOn: "2026-11-27",
    minutes: "Protokoll fört vid styrgruppsmöte.",
    ...overrides,
  };
}
