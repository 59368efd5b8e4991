import { createRequire } from "node:module";
import { renderAsync } from "@resvg/resvg-js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Block, ChartBlock, DocumentDraft, DocumentModel } from "../../../exports/document-model.ts";
import type { Locale } from "../../../i18n/index.ts";
import { DocumentChart } from "../../../ui/charts/document-chart.tsx";

const require = createRequire(import.meta.url);

/** Inter as the page has it (and the PDF embeds), in the weights the charts use; never the machine's fonts. */
const FONT_FILES = [
  require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"),
  require.resolve("@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf"),
  require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf"),
];

/** Twice the chart's own size, so it stays sharp when printed or zoomed. */
const PIXEL_RATIO = 2;

const viewBoxOf = (svg: string): { width: number; height: number } => {
  const match = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!match) throw new Error("a chart without a viewBox");
  return { width: Number(match[1]), height: Number(match[2]) };
};

/**
 * One chart as a PNG: the page's SVG drawn by resvg (a Rust renderer, off the event loop in libuv's
 * pool) with Inter, at twice its size on white. The size it is shown at is the SVG's own.
 */
export async function chartPicture(block: ChartBlock, locale: Locale, id: string): Promise<Extract<Block, { kind: "image" }>> {
  const svg = renderToStaticMarkup(createElement(DocumentChart, { block, locale, id }));
  const size = viewBoxOf(svg);
  const rendered = await renderAsync(svg, {
    fitTo: { mode: "width", value: Math.round(size.width * PIXEL_RATIO) },
    background: "#ffffff",
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "Inter", sansSerifFamily: "Inter" },
    logLevel: "off",
  });
  return { kind: "image", png: rendered.asPng(), width: size.width, height: size.height, alt: block.alt };
}

/** The draft with every chart drawn as a picture: what the DOCX and PDF renderers take. */
export async function drawCharts(draft: DocumentDraft, locale: Locale): Promise<DocumentModel> {
  const blocks = await Promise.all(
    draft.blocks.map((block, i) => (block.kind === "chart" ? chartPicture(block, locale, `chart-${i}`) : Promise.resolve(block))),
  );
  return { ...draft, blocks };
}
