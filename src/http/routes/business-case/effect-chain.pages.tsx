import { randomUUID } from "node:crypto";
import type { Actor } from "../../../domain/access/actor.ts";
import { EffectLink, EffectNode, withLink, withNode, withoutLink, withoutNode } from "../../../domain/business-case/effect-chain.ts";
import { changeEffectChain, getBusinessCase } from "../../../domain/business-case/initiative-business-case.ts";
import type { FieldIssue } from "../../../domain/shared/domain-error.ts";
import { forbidden } from "../../../domain/shared/domain-error.ts";
import { format } from "../../../i18n/index.ts";
import { type EffectChainForm, EffectChainPage } from "../../../ui/pages/business-case/effect-chain-page.tsx";
import { effectChainHref } from "../../../ui/pages/value/value-hrefs.ts";
import type { AppScope } from "../../app-scope.ts";
import { type FormValues, str } from "../../form.ts";
import { redirect } from "../../page-route.ts";
import { areaFormErrors, InitiativeParams } from "./business-case-form.ts";

const NodeForm = EffectNode.omit({ id: true });
const LinkForm = EffectLink;

/**
 * The whole chain's issues onto the one form that was sent: a problem with the nodes (too many) is the
 * label's, with a link the "to" field's unless it names "from".
 */
const onNodeForm = (issues: FieldIssue[]) => areaFormErrors(issues.map((i) => (i.path[0] === "nodes" ? { ...i, path: ["label"] } : i)));
const onLinkForm = (issues: FieldIssue[]) =>
  areaFormErrors(issues.map((i) => (i.path[0] === "links" ? { ...i, path: [i.path.at(-1) === "from" ? "from" : "to"] } : i)));

const readNode = (values: FormValues): EffectChainForm => ({
  form: "node",
  values: { kind: str(values, "kind"), label: str(values, "label").trim() },
});
const readLink = (values: FormValues): EffectChainForm => ({ form: "link", values: { from: str(values, "from"), to: str(values, "to") } });
const formInput = (shown: EffectChainForm) =>
  shown.form === "node" ? { kind: shown.values.kind || undefined, label: shown.values.label } : shown.values;

/** The effektkedja's page and its forms without JavaScript: add and remove parts and links, POST-redirect-GET. */
export function effectChainPages({ page, db }: AppScope) {
  const load = async ({ actor, params, now }: { actor: Actor; params: { initiativeId: string }; now: Date }) => {
    const { initiative, effectChain, canManage } = await getBusinessCase({ db, actor, now, initiativeId: params.initiativeId });
    return { initiative, chain: effectChain, canManage };
  };
  // Only the team hears what was wrong with a form; anyone else is refused before it is read.
  const loadForTeam = async (input: { actor: Actor; params: { initiativeId: string }; now: Date }) => {
    const loaded = await load(input);
    if (!loaded.canManage) throw forbidden("not in the team");
    return loaded;
  };
  const url = "/initiatives/:initiativeId/business-case/effect-chain";

  page({
    method: "GET",
    url,
    access: "session",
    params: InitiativeParams,
    load,
    render:
      ({ loaded }) =>
      (ctx) => <EffectChainPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: `${url}/nodes`,
    access: "session",
    params: InitiativeParams,
    load: loadForTeam,
    form: { read: readNode, schema: NodeForm, input: formInput, issues: onNodeForm },
    render:
      ({ loaded, form }) =>
      (ctx) => <EffectChainPage ctx={ctx} {...loaded} sent={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data }) => {
      await changeEffectChain({
        db,
        actor,
        now,
        initiativeId: params.initiativeId,
        change: (c) => withNode(c, { id: randomUUID(), ...data }),
      });
      return redirect(effectChainHref(params.initiativeId), format(m.effectChain.nodeAdded, { label: data.label }));
    },
  });

  page({
    method: "POST",
    url: `${url}/nodes/delete`,
    access: "session",
    params: InitiativeParams,
    load: loadForTeam,
    handle: async ({ actor, now, m, params, body, loaded }) => {
      const nodeId = str(body, "nodeId");
      const node = loaded.chain.nodes.find((n) => n.id === nodeId);
      // A part already gone (removed in another tab) is removed: nothing to do.
      if (!node) return redirect(effectChainHref(params.initiativeId));
      await changeEffectChain({ db, actor, now, initiativeId: params.initiativeId, change: (c) => withoutNode(c, nodeId) });
      return redirect(effectChainHref(params.initiativeId), format(m.effectChain.nodeRemoved, { label: node.label }));
    },
  });

  page({
    method: "POST",
    url: `${url}/links`,
    access: "session",
    params: InitiativeParams,
    load: loadForTeam,
    form: { read: readLink, schema: LinkForm, input: formInput, issues: onLinkForm },
    render:
      ({ loaded, form }) =>
      (ctx) => <EffectChainPage ctx={ctx} {...loaded} sent={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data, loaded }) => {
      if (loaded.chain.links.some((l) => l.from === data.from && l.to === data.to))
        return redirect(effectChainHref(params.initiativeId), m.effectChain.linkExists);
      await changeEffectChain({ db, actor, now, initiativeId: params.initiativeId, change: (c) => withLink(c, data) });
      return redirect(effectChainHref(params.initiativeId), m.effectChain.linkAdded);
    },
  });

  page({
    method: "POST",
    url: `${url}/links/delete`,
    access: "session",
    params: InitiativeParams,
    load: loadForTeam,
    handle: async ({ actor, now, m, params, body, loaded }) => {
      const link = { from: str(body, "from"), to: str(body, "to") };
      // A link already gone (removed in another tab) is removed: nothing to do.
      if (!loaded.chain.links.some((l) => l.from === link.from && l.to === link.to)) return redirect(effectChainHref(params.initiativeId));
      await changeEffectChain({ db, actor, now, initiativeId: params.initiativeId, change: (c) => withoutLink(c, link) });
      return redirect(effectChainHref(params.initiativeId), m.effectChain.linkRemoved);
    },
  });
}
