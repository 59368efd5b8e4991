import { z } from "zod";
import { notFound } from "../../../domain/shared/domain-error.ts";
import { deliverableType, isMilestoneNumeral, milestoneByNumeral } from "../../../method/lookup.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import { DeliverableTypePage } from "../../../ui/pages/method/deliverable-type-page.tsx";
import { MethodOverviewPage } from "../../../ui/pages/method/method-overview-page.tsx";
import { MilestonePage } from "../../../ui/pages/method/milestone-page.tsx";
import { PhasePage } from "../../../ui/pages/method/phase-page.tsx";
import type { AppScope } from "../../app-scope.ts";

/** The method guide: public pages, since the method itself is public and needs no login to read. */
export function methodPages({ page }: AppScope) {
  const method = methodV12;
  const param = <K extends string>(key: K) => z.object({ [key]: z.string() } as Record<K, z.ZodString>);

  page({ method: "GET", url: "/method", access: "public", render: () => (ctx) => <MethodOverviewPage ctx={ctx} method={method} /> });

  page({
    method: "GET",
    url: "/method/phases/:number",
    access: "public",
    params: param("number"),
    render: ({ params }) => {
      // Compared as text so that only the canonical "5" is a page, not "05" or "5.0".
      const phase = method.phases.find((candidate) => String(candidate.number) === params.number);
      if (!phase) throw notFound("phase");
      return (ctx) => <PhasePage ctx={ctx} method={method} phase={phase} />;
    },
  });

  page({
    method: "GET",
    url: "/method/milestones/:numeral",
    access: "public",
    params: param("numeral"),
    render: ({ params: { numeral } }) => {
      if (!isMilestoneNumeral(numeral)) throw notFound("milestone");
      const milestone = milestoneByNumeral(method, numeral);
      return (ctx) => <MilestonePage ctx={ctx} method={method} milestone={milestone} />;
    },
  });

  page({
    method: "GET",
    url: "/method/deliverables/:id",
    access: "public",
    params: param("id"),
    render: ({ params }) => {
      const type = deliverableType(method, params.id);
      if (!type) throw notFound("deliverable type");
      return (ctx) => <DeliverableTypePage ctx={ctx} method={method} type={type} />;
    },
  });
}
