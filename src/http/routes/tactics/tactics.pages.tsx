import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { forbidden, notFound } from "../../../domain/shared/domain-error.ts";
import { formNumber } from "../../../domain/shared/swedish-number.ts";
import { createTacticAlternative } from "../../../domain/tactics/create-tactic-alternative.ts";
import { deleteTacticAlternative } from "../../../domain/tactics/delete-tactic-alternative.ts";
import { getTacticAlternative, listTacticAlternatives } from "../../../domain/tactics/list-tactic-alternatives.ts";
import { TacticAlternativeInput } from "../../../domain/tactics/tactic-input.ts";
import { updateTacticAlternative } from "../../../domain/tactics/update-tactic-alternative.ts";
import { format } from "../../../i18n/index.ts";
import { TacticAlternativePage } from "../../../ui/pages/tactics/tactic-alternative-page.tsx";
import { type AlternativeFormValues, TacticsPage, tacticsHref } from "../../../ui/pages/tactics/tactics-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { type FormValues, list, normaliseText, str } from "../../form.ts";
import { redirect } from "../../page-route.ts";

const InitiativeParams = z.object({ initiativeId: z.uuid() });
const AlternativeParams = InitiativeParams.extend({ alternativeId: z.uuid() });

const readAlternative = (values: FormValues): AlternativeFormValues => ({
  tactic: str(values, "tactic"),
  name: str(values, "name"),
  description: normaliseText(str(values, "description")),
  oneOffCostSek: str(values, "oneOffCostSek"),
  annualCostSek: str(values, "annualCostSek"),
  leadTimeMonths: str(values, "leadTimeMonths"),
  risks: normaliseText(str(values, "risks")),
  flowIds: list(values, "flowIds"),
  recommended: str(values, "recommended") === "yes",
  recommendationReason: normaliseText(str(values, "recommendationReason")),
});

const alternativeInput = (shown: AlternativeFormValues) => ({
  ...shown,
  tactic: shown.tactic || undefined,
  oneOffCostSek: formNumber(shown.oneOffCostSek),
  annualCostSek: formNumber(shown.annualCostSek),
  leadTimeMonths: formNumber(shown.leadTimeMonths) ?? null,
});

/** The comparison of connection tactics, and each alternative's page, for the initiative's team to write. */
export function tacticsPages({ page, db }: AppScope) {
  const load = ({ actor, params, now }: { actor: Actor; params: { initiativeId: string }; now: Date }) =>
    listTacticAlternatives({ db, actor, now, initiativeId: params.initiativeId });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/tactics",
    access: "session",
    params: InitiativeParams,
    load,
    render:
      ({ loaded }) =>
      (ctx) => <TacticsPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/tactics",
    access: "session",
    params: InitiativeParams,
    // Only the team hears what was wrong with the form; anyone else is refused before it is read.
    load: async (input) => {
      const loaded = await load(input);
      if (!loaded.canManage) throw forbidden("not in the team");
      return loaded;
    },
    form: { read: readAlternative, schema: TacticAlternativeInput, input: alternativeInput },
    render:
      ({ loaded, form }) =>
      (ctx) => <TacticsPage ctx={ctx} {...loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data }) => {
      const added = await createTacticAlternative({ db, actor, now, initiativeId: params.initiativeId, input: data });
      return redirect(tacticsHref(params.initiativeId), format(m.tactics.added, { name: added.name }));
    },
  });

  const loadAlternative = async ({
    actor,
    params,
    now,
  }: {
    actor: Actor;
    params: { initiativeId: string; alternativeId: string };
    now: Date;
  }) => {
    const { alternative, canManage } = await getTacticAlternative({ db, actor, alternativeId: params.alternativeId });
    // The path names the initiative too: another initiative's alternative under it is not found.
    if (alternative.initiativeId !== params.initiativeId) throw notFound("tactic alternative");
    if (!canManage) throw forbidden("not in the team");
    const { initiative, flows } = await load({ actor, params, now });
    return { initiative, alternative, flows };
  };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/tactics/:alternativeId",
    access: "session",
    params: AlternativeParams,
    load: loadAlternative,
    render:
      ({ loaded }) =>
      (ctx) => <TacticAlternativePage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/tactics/:alternativeId",
    access: "session",
    params: AlternativeParams,
    load: loadAlternative,
    form: { read: readAlternative, schema: TacticAlternativeInput, input: alternativeInput },
    render:
      ({ loaded, form }) =>
      (ctx) => <TacticAlternativePage ctx={ctx} {...loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data }) => {
      const saved = await updateTacticAlternative({ db, actor, now, alternativeId: params.alternativeId, input: data });
      return redirect(tacticsHref(params.initiativeId), format(m.tactics.saved, { name: saved.name }));
    },
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/tactics/:alternativeId/delete",
    access: "session",
    params: AlternativeParams,
    load: loadAlternative,
    handle: async ({ actor, now, m, params, loaded }) => {
      await deleteTacticAlternative({ db, actor, now, alternativeId: params.alternativeId });
      return redirect(tacticsHref(params.initiativeId), format(m.tactics.removed, { name: loaded.alternative.name }));
    },
  });
}
