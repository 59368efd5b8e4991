import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { parseNumber } from "../../../domain/flows/import/import-values.ts";
import { RiskInput } from "../../../domain/risks/risk-input.ts";
import { newRiskPage, riskPage, risksPage } from "../../../domain/risks/risk-pages.ts";
import { createRisk, deleteRisk, updateRisk } from "../../../domain/risks/risk-register.ts";
import { forbidden } from "../../../domain/shared/domain-error.ts";
import { format } from "../../../i18n/index.ts";
import { NewRiskPage, RiskDeletePage, RiskPage } from "../../../ui/pages/risks/risk-page.tsx";
import { EMPTY_RISK, type RiskFormValues } from "../../../ui/pages/risks/risk-parts.tsx";
import { RisksPage } from "../../../ui/pages/risks/risks-page.tsx";
import { riskHref, risksHref } from "../../../ui/pages/value/value-hrefs.ts";
import type { AppScope } from "../../app-scope.ts";
import { type FormValues, normaliseText, str } from "../../form.ts";
import { redirect } from "../../page-route.ts";
import { RiskParams } from "./risks.schema.ts";

const InitiativeParams = z.object({ initiativeId: z.uuid() });

const readRisk = (values: FormValues): RiskFormValues => ({
  title: str(values, "title"),
  description: normaliseText(str(values, "description")),
  category: str(values, "category"),
  probability: str(values, "probability"),
  consequence: str(values, "consequence"),
  ownerUserId: str(values, "ownerUserId"),
  owner: str(values, "owner"),
  mitigation: normaliseText(str(values, "mitigation")),
  status: str(values, "status"),
  reviewDate: str(values, "reviewDate").trim(),
});

/** A number as typed, parsed as the flows' import parses it; what is no number stays text for the schema to name. */
const typedNumber = (text: string) => {
  if (text.trim() === "") return undefined;
  const read = parseNumber(text);
  return read.ok ? read.value : text;
};

const riskInput = (shown: RiskFormValues) => ({
  ...shown,
  category: shown.category || undefined,
  probability: typedNumber(shown.probability),
  consequence: typedNumber(shown.consequence),
  ownerUserId: shown.ownerUserId || null,
  // A member chosen is the owner; the name typed is for someone outside.
  owner: shown.ownerUserId ? "" : shown.owner,
  status: shown.status || undefined,
  reviewDate: shown.reviewDate || null,
});

const riskForm = { read: readRisk, schema: RiskInput, input: riskInput };

/** The risk register's pages: the register with its heat map, registering a risk, one risk, removing it. */
export function risksPages({ page, db }: AppScope) {
  const teamOnly = async <L extends { canManage: boolean }>(loaded: Promise<L>) => {
    const l = await loaded;
    // Only the team hears what was wrong with a form; anyone else is refused before it is read.
    if (!l.canManage) throw forbidden("not in the team");
    return l;
  };
  const newRisk = ({ actor, params, now }: { actor: Actor; params: { initiativeId: string }; now: Date }) =>
    teamOnly(newRiskPage({ db, actor, now, initiativeId: params.initiativeId }));
  const oneRisk = ({ actor, params, now }: { actor: Actor; params: { riskId: string }; now: Date }) =>
    riskPage({ db, actor, now, riskId: params.riskId });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/risks",
    access: "session",
    params: InitiativeParams,
    load: ({ actor, params, now }) => risksPage({ db, actor, now, initiativeId: params.initiativeId }),
    render:
      ({ loaded }) =>
      (ctx) => <RisksPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/risks/new",
    access: "session",
    params: InitiativeParams,
    load: newRisk,
    render:
      ({ loaded }) =>
      (ctx) => <NewRiskPage ctx={ctx} {...loaded} values={EMPTY_RISK} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/risks/new",
    access: "session",
    params: InitiativeParams,
    load: newRisk,
    form: riskForm,
    render:
      ({ loaded, form }) =>
      (ctx) => <NewRiskPage ctx={ctx} {...loaded} values={form?.values ?? EMPTY_RISK} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data }) => {
      const created = await createRisk({ db, actor, now, initiativeId: params.initiativeId, input: data });
      return redirect(risksHref(params.initiativeId), format(m.risks.created, { title: created.title }));
    },
  });

  page({
    method: "GET",
    url: "/risks/:riskId",
    access: "session",
    params: RiskParams,
    load: oneRisk,
    render:
      ({ loaded }) =>
      (ctx) => <RiskPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/risks/:riskId",
    access: "session",
    params: RiskParams,
    load: (input) => teamOnly(oneRisk(input)),
    form: riskForm,
    render:
      ({ loaded, form }) =>
      (ctx) => <RiskPage ctx={ctx} {...loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data }) => {
      const saved = await updateRisk({ db, actor, now, riskId: params.riskId, input: data });
      return redirect(riskHref(saved.id), format(m.risks.saved, { title: saved.title }));
    },
  });

  page({
    method: "GET",
    url: "/risks/:riskId/delete",
    access: "session",
    params: RiskParams,
    load: (input) => teamOnly(oneRisk(input)),
    render:
      ({ loaded }) =>
      (ctx) => <RiskDeletePage ctx={ctx} risk={loaded.risk} />,
  });

  page({
    method: "POST",
    url: "/risks/:riskId/delete",
    access: "session",
    params: RiskParams,
    load: (input) => teamOnly(oneRisk(input)),
    handle: async ({ actor, now, m, params, loaded }) => {
      await deleteRisk({ db, actor, now, riskId: params.riskId });
      return redirect(risksHref(loaded.initiative.id), format(m.risks.removed, { title: loaded.risk.title }));
    },
  });
}
