import { describe, expect, it } from "vitest";
import { EffectChain, effectTree, MAX_EFFECT_NODES, withoutLink, withoutNode } from "./effect-chain.ts";

const chain = {
  nodes: [
    { id: "mal", kind: "effektmal", label: "Fler beslut når mottagaren samma dag" },
    { id: "nytta", kind: "nytta", label: "Lägre portokostnad" },
    { id: "forandring", kind: "forandring", label: "Beslut skickas digitalt" },
    { id: "mojlig", kind: "mojliggorare", label: "Anslutning till Mina meddelanden" },
  ],
  links: [
    { from: "mojlig", to: "forandring" },
    { from: "forandring", to: "nytta" },
    { from: "nytta", to: "mal" },
  ],
};

const issuesOf = (input: unknown) => EffectChain.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];

describe("the effektkedja", () => {
  it("accepts links one level up, from möjliggörare to effektmål", () => {
    expect(EffectChain.parse(chain)).toEqual(chain);
  });

  it("refuses unknown ids, duplicates, links across levels and back down (so no cycle), each on its path", () => {
    expect(issuesOf({ ...chain, links: [{ from: "okänd", to: "nytta" }] })).toContain("links.0.from:invalid_id");
    expect(issuesOf({ ...chain, links: [{ from: "saknas", to: "nytta" }] })).toEqual(["links.0.from:unknown_node"]);
    expect(issuesOf({ ...chain, nodes: [...chain.nodes, { id: "mal", kind: "nytta", label: "Igen" }] })).toEqual([
      "nodes.4.id:duplicate_node",
    ]);
    expect(issuesOf({ ...chain, links: [...chain.links, { from: "nytta", to: "mal" }] })).toEqual(["links.3:duplicate_link"]);
    // Skipping a level, and across one level.
    expect(
      issuesOf({
        ...chain,
        links: [
          { from: "mojlig", to: "nytta" },
          { from: "nytta", to: "nytta" },
        ],
      }),
    ).toEqual(["links.0:link_not_adjacent", "links.1:link_not_adjacent"]);
    // A cycle needs a link back down, which is not one level up.
    expect(issuesOf({ ...chain, links: [...chain.links, { from: "mal", to: "nytta" }] })).toEqual(["links.3:link_not_adjacent"]);
    expect(issuesOf({ ...chain, nodes: [{ id: "x", kind: "annat", label: "" }] })).toEqual(
      expect.arrayContaining(["nodes.0.kind:invalid_choice", "nodes.0.label:required"]),
    );
  });

  it("limits the number of nodes", () => {
    const many = Array.from({ length: MAX_EFFECT_NODES + 1 }, (_, i) => ({ id: `n${i}`, kind: "nytta", label: "N" }));
    expect(issuesOf({ nodes: many, links: [] })).toEqual(["nodes:too_many_nodes"]);
  });

  it("removes a node with its links, and a link alone", () => {
    expect(withoutNode(chain as EffectChain, "forandring").links).toEqual([{ from: "nytta", to: "mal" }]);
    expect(withoutLink(chain as EffectChain, { from: "nytta", to: "mal" }).links).toHaveLength(2);
  });

  it("reads from the top down for the text alternative, with nodes linked to nothing above apart", () => {
    const tree = effectTree({
      ...(chain as EffectChain),
      nodes: [...(chain as EffectChain).nodes, { id: "ensam", kind: "forandring", label: "Ensam" }],
    });
    expect(tree.roots.map((r) => r.node.id)).toEqual(["mal"]);
    expect(tree.roots[0]?.below[0]?.node.id).toBe("nytta");
    expect(tree.roots[0]?.below[0]?.below[0]?.below[0]?.node.id).toBe("mojlig");
    expect(tree.unlinked.map((n) => n.id)).toEqual(["ensam"]);
  });
});
