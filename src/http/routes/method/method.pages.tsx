import { notFound } from "../../../domain/shared/domain-error.ts";
import { deliverableType, isMilestoneNumeral, milestoneByNumeral } from "../../../method/lookup.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import { DeliverableTypePage } from "../../../ui/pages/method/deliverable-type-page.tsx";
import { MethodOverviewPage } from "../../../ui/pages/method/method-overview-page.tsx";
import { MilestonePage } from "../../../ui/pages/method/milestone-page.tsx";
import { PhasePage } from "../../../ui/pages/method/phase-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { sendPage } from "../../render.ts";

/** The method guide: public pages, since the method itself is public and needs no login to read. */
export function methodPages({ app }: AppScope) {
  const method = methodV12;

  app.get("/method", async (request, reply) => sendPage(request, reply, (ctx) => <MethodOverviewPage ctx={ctx} method={method} />));

  app.get<{ Params: { number: string } }>("/method/phases/:number", async (request, reply) => {
    // Compared as text so that only the canonical "5" is a page, not "05" or "5.0".
    const phase = method.phases.find((candidate) => String(candidate.number) === request.params.number);
    if (!phase) throw notFound("phase");
    return sendPage(request, reply, (ctx) => <PhasePage ctx={ctx} method={method} phase={phase} />);
  });

  app.get<{ Params: { numeral: string } }>("/method/milestones/:numeral", async (request, reply) => {
    const { numeral } = request.params;
    if (!isMilestoneNumeral(numeral)) throw notFound("milestone");
    const milestone = milestoneByNumeral(method, numeral);
    return sendPage(request, reply, (ctx) => <MilestonePage ctx={ctx} method={method} milestone={milestone} />);
  });

  app.get<{ Params: { id: string } }>("/method/deliverables/:id", async (request, reply) => {
    const type = deliverableType(method, request.params.id);
    if (!type) throw notFound("deliverable type");
    return sendPage(request, reply, (ctx) => <DeliverableTypePage ctx={ctx} method={method} type={type} />);
  });
}
