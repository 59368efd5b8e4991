import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { EffectChain } from "../../domain/business-case/effect-chain.ts";
import { DIAGRAM_FRAME, EffectChainDiagram, effectChainLayout, wrapLabel } from "./effect-chain-diagram.tsx";

const chain: EffectChain = {
  nodes: [
    { id: "mal", kind: "effektmal", label: "Fler beslut når mottagaren samma dag" },
    { id: "porto", kind: "nytta", label: "Lägre portokostnad" },
    { id: "tid", kind: "nytta", label: "Mindre tid åt utskick" },
    { id: "digitalt", kind: "forandring", label: "Beslut skickas digitalt" },
    { id: "anslutning", kind: "mojliggorare", label: "Anslutning till Mina meddelanden" },
  ],
  links: [
    { from: "anslutning", to: "digitalt" },
    { from: "digitalt", to: "porto" },
    { from: "digitalt", to: "tid" },
    { from: "porto", to: "mal" },
  ],
};

const labels = {
  title: "Effektkedja",
  desc: "Fyra kolumner.",
  columns: { effektmal: "Effektmål", nytta: "Nyttor", forandring: "Förändringar", mojliggorare: "Möjliggörare" },
};

describe("the effect chain diagram", () => {
  it("puts the four levels in columns from möjliggörare on the left to effektmål on the right", () => {
    const layout = effectChainLayout(chain);
    const x = (id: string) => layout.boxes.find((b) => b.id === id)?.x ?? Number.NaN;
    expect(x("anslutning")).toBeLessThan(x("digitalt"));
    expect(x("digitalt")).toBeLessThan(x("porto"));
    expect(x("porto")).toBeLessThan(x("mal"));
    // Two benefits stack in their column.
    const y = (id: string) => layout.boxes.find((b) => b.id === id)?.y ?? Number.NaN;
    expect(y("tid") - y("porto")).toBe(DIAGRAM_FRAME.boxHeight + DIAGRAM_FRAME.rowGap);
    expect(layout.height).toBe(DIAGRAM_FRAME.top + 2 * (DIAGRAM_FRAME.boxHeight + DIAGRAM_FRAME.rowGap) + DIAGRAM_FRAME.side);
    for (const b of layout.boxes) expect(b.x + b.width).toBeLessThanOrEqual(DIAGRAM_FRAME.width);
  });

  it("draws each arrow from the right edge of the lower level to the left edge of the one above", () => {
    const layout = effectChainLayout(chain);
    const from = layout.boxes.find((b) => b.id === "digitalt");
    const arrow = layout.arrows.find((a) => a.from === "digitalt" && a.to === "tid");
    expect(arrow?.x1).toBe((from?.x ?? 0) + (from?.width ?? 0));
    expect(arrow?.x2).toBe(layout.boxes.find((b) => b.id === "tid")?.x);
    expect(layout.arrows).toHaveLength(4);
  });

  it("breaks a long label into at most three lines of whole words", () => {
    expect(wrapLabel("Anslutning till Mina meddelanden")).toEqual(["Anslutning till Mina", "meddelanden"]);
    const long = wrapLabel("ett två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton sjutton");
    expect(long).toHaveLength(3);
    expect(long[2]?.endsWith("…")).toBe(true);
  });

  it("is an image named by its title, with a column heading per level, a box per node and an arrow per link", () => {
    const svg = renderToStaticMarkup(<EffectChainDiagram chain={chain} labels={labels} />);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="effect-chain-title effect-chain-desc"/);
    expect(svg).toContain('<title id="effect-chain-title">Effektkedja</title>');
    expect(svg.match(/data-node="/g)).toHaveLength(5);
    expect(svg.match(/data-link="/g)).toHaveLength(4);
    expect(svg).toContain("marker-end=");
    for (const heading of Object.values(labels.columns)) expect(svg).toContain(`>${heading}</text>`);
  });
});
