import type { ChartBlock } from "../../exports/document-model.ts";
import { format, type Locale, messagesFor } from "../../i18n/index.ts";
import { formatSek } from "../pages/flows/flow-parts.tsx";
import { RiskHeatMap } from "./risk-heat-map.tsx";
import { TornadoChart } from "./tornado-chart.tsx";

/**
 * A document's chart as SVG: the same drawing the business-case and risk pages show, from the data the
 * document carries. The page puts it in the document's text; an export rasterises the same markup, so
 * the page, the DOCX and the PDF show one picture. Named by the block's title, described by its alt.
 */
export function DocumentChart({ block, locale, id }: { block: ChartBlock; locale: Locale; id: string }) {
  const m = messagesFor(locale);
  const { chart } = block;
  switch (chart.type) {
    case "tornado":
      return (
        <TornadoChart
          id={id}
          rows={chart.rows}
          baseNpv={chart.baseNpv}
          labels={{ title: block.title, desc: block.alt, down: m.businessCase.chartDown, up: m.businessCase.chartUp }}
          // The axis ends are whole kronor: öre on a scale of hundreds of thousands is noise.
          formatNumber={(n) => formatSek(locale, Math.round(n))}
        />
      );
    case "riskMatrix":
      return (
        <RiskHeatMap
          id={id}
          cells={chart.cells}
          labels={{
            title: block.title,
            desc: block.alt,
            probability: m.risks.probabilityAxis,
            consequence: m.risks.consequenceAxis,
            level: (l) => m.risks.levels[l],
            count: (n) => format(m.risks.heatMapCount, { count: n }),
          }}
        />
      );
  }
}
