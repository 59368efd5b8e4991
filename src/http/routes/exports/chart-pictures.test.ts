import { describe, expect, it } from "vitest";
import type { ChartBlock, DocumentDraft } from "../../../exports/document-model.ts";
import { chartPicture, drawCharts } from "./chart-pictures.ts";

const tornado: ChartBlock = {
  kind: "chart",
  title: "Känslighet",
  alt: "Kalkylräntan påverkar nuvärdet mest.",
  chart: {
    type: "tornado",
    baseNpv: 100_000,
    rows: [
      { label: "Kalkylränta", npvDown: 80_000, npvUp: 130_000 },
      { label: "Kostnad: drift", npvDown: 110_000, npvUp: 90_000 },
    ],
  },
};

/** The PNG's own size, from its IHDR chunk. */
const pngSize = (png: Uint8Array) => {
  const b = Buffer.from(png);
  return { signature: b.subarray(1, 4).toString("latin1"), width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

describe("a chart as a picture for the exports", () => {
  it("draws the page's SVG at twice its size, shown at the SVG's own size, with the block's text alternative", async () => {
    const image = await chartPicture(tornado, "sv", "t");
    // The SVG's frame: 960 wide; two rows of 36 px between a 16 px top and a 76 px foot.
    expect(image).toMatchObject({ kind: "image", width: 960, height: 164, alt: tornado.alt });
    expect(pngSize(image.png)).toEqual({ signature: "PNG", width: 1920, height: 328 });
  });

  it("draws a risk matrix and leaves every other block as it is", async () => {
    const cells = [5, 4, 3, 2, 1].map((probability) =>
      ([1, 2, 3, 4, 5] as const).map((consequence) => ({
        probability: probability as 1 | 2 | 3 | 4 | 5,
        consequence,
        score: probability * consequence,
        level: "medel" as const,
        count: probability === 5 && consequence === 5 ? 2 : 0,
      })),
    );
    const draft: DocumentDraft = {
      title: "Riskanalys",
      language: "sv-SE",
      metadata: [],
      blocks: [
        { kind: "paragraph", text: "Före." },
        { kind: "chart", title: "Riskmatris", alt: "Två risker i rutan 5, 5.", chart: { type: "riskMatrix", cells } },
      ],
    };
    const drawn = await drawCharts(draft, "en");
    expect(drawn.blocks[0]).toEqual({ kind: "paragraph", text: "Före." });
    const picture = drawn.blocks[1];
    expect(picture?.kind).toBe("image");
    if (picture?.kind !== "image") return;
    expect(picture.alt).toBe("Två risker i rutan 5, 5.");
    expect(pngSize(picture.png)).toMatchObject({ signature: "PNG", width: picture.width * 2 });
  });
});
