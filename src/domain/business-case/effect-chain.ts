import { z } from "zod";

/**
 * The effektkedja (issue 12, domain.md §1.5): effect goals (effektmål) are reached through benefits
 * (nyttor), which come from changes in how the organisation works (förändringar), which enablers
 * (möjliggörare — here, the connection to Mina meddelanden) make possible. A link goes one level up
 * only: möjliggörare → förändring → nytta → effektmål. Because every link climbs exactly one level,
 * the chain has no cycles by construction; a link back down or across is refused like any other
 * link between levels that are not neighbours. Pure: the API, the forms and the use case share it.
 */

export const EFFECT_KINDS = ["effektmal", "nytta", "forandring", "mojliggorare"] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

/** The level a kind links up to; effektmål is the top. */
export const LINKS_UP_TO: Record<EffectKind, EffectKind | null> = {
  mojliggorare: "forandring",
  forandring: "nytta",
  nytta: "effektmal",
  effektmal: null,
};

/** Far more than a readable diagram holds, few enough to check and draw fast. */
export const MAX_EFFECT_NODES = 100;
export const MAX_EFFECT_LINKS = 400;
export const MAX_EFFECT_LABEL = 200;

const nodeId = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(64, { error: "too_long" })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "invalid_id" });

export const EffectNode = z.object({
  id: nodeId,
  kind: z.enum(EFFECT_KINDS, { error: "invalid_choice" }),
  label: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(MAX_EFFECT_LABEL, { error: "too_long" }),
});
export type EffectNode = z.output<typeof EffectNode>;

export const EffectLink = z.object({ from: nodeId, to: nodeId });
export type EffectLink = z.output<typeof EffectLink>;

export const EffectChain = z
  .object({
    nodes: z.array(EffectNode, { error: "invalid" }).max(MAX_EFFECT_NODES, { error: "too_many_nodes" }),
    links: z.array(EffectLink, { error: "invalid" }).max(MAX_EFFECT_LINKS, { error: "too_many_links" }),
  })
  .superRefine((chain, ctx) => {
    const kinds = new Map<string, EffectKind>();
    chain.nodes.forEach((n, i) => {
      if (kinds.has(n.id)) ctx.addIssue({ code: "custom", path: ["nodes", i, "id"], message: "duplicate_node" });
      else kinds.set(n.id, n.kind);
    });
    const seen = new Set<string>();
    chain.links.forEach((l, i) => {
      const from = kinds.get(l.from);
      const to = kinds.get(l.to);
      if (!from) ctx.addIssue({ code: "custom", path: ["links", i, "from"], message: "unknown_node" });
      if (!to) ctx.addIssue({ code: "custom", path: ["links", i, "to"], message: "unknown_node" });
      if (!from || !to) return;
      if (LINKS_UP_TO[from] !== to) ctx.addIssue({ code: "custom", path: ["links", i], message: "link_not_adjacent" });
      const key = `${l.from}\u0000${l.to}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["links", i], message: "duplicate_link" });
      seen.add(key);
    });
  });
export type EffectChain = z.output<typeof EffectChain>;

export const EMPTY_EFFECT_CHAIN: EffectChain = { nodes: [], links: [] };

/** A node added (at the end of its level), with an id the caller chose. */
export const withNode = (chain: EffectChain, node: EffectNode): EffectChain => ({ ...chain, nodes: [...chain.nodes, node] });

/** The node gone, and every link to or from it. */
export const withoutNode = (chain: EffectChain, id: string): EffectChain => ({
  nodes: chain.nodes.filter((n) => n.id !== id),
  links: chain.links.filter((l) => l.from !== id && l.to !== id),
});

export const withLink = (chain: EffectChain, link: EffectLink): EffectChain => ({ ...chain, links: [...chain.links, link] });

export const withoutLink = (chain: EffectChain, link: EffectLink): EffectChain => ({
  ...chain,
  links: chain.links.filter((l) => l.from !== link.from || l.to !== link.to),
});

/** The nodes of one level, in the order they were added. */
export const nodesOf = (chain: EffectChain, kind: EffectKind) => chain.nodes.filter((n) => n.kind === kind);

/**
 * The chain read from the top: each effect goal with the benefits that lead to it, each benefit with
 * its changes, each change with its enablers — the diagram's text alternative. A node linked to two
 * above appears under both; nodes linked to nothing above are listed apart (`unlinked`) per level.
 */
export type EffectTree = { node: EffectNode; below: EffectTree[] };

export function effectTree(chain: EffectChain): { roots: EffectTree[]; unlinked: EffectNode[] } {
  const byId = new Map(chain.nodes.map((n) => [n.id, n]));
  const below = (id: string): EffectTree[] =>
    chain.links
      .filter((l) => l.to === id)
      .flatMap((l) => {
        const n = byId.get(l.from);
        return n ? [{ node: n, below: below(n.id) }] : [];
      });
  const linkedUp = new Set(chain.links.map((l) => l.from));
  return {
    roots: nodesOf(chain, "effektmal").map((n) => ({ node: n, below: below(n.id) })),
    unlinked: chain.nodes.filter((n) => n.kind !== "effektmal" && !linkedUp.has(n.id)),
  };
}
