import type { MatrixCell, RiskLevel } from "../../domain/risks/risk-score.ts";
import { CHART_COLOURS } from "./chart-scale.ts";

/**
 * Each level's fill and the text drawn on it. The text is at least 4.5:1 against its fill and the
 * dark cell borders at least 3:1 against white (WCAG 1.4.3 and 1.4.11); the level is also written
 * in every cell, so colour is never the only carrier.
 */
export const LEVEL_COLOURS: Readonly<Record<RiskLevel, { fill: string; text: string }>> = {
  lag: { fill: "#d7efd9", text: "#1e1e1e" },
  medel: { fill: "#fbe7a1", text: "#1e1e1e" },
  hog: { fill: "#f5b27a", text: "#1e1e1e" },
  mycket_hog: { fill: "#a4201b", text: "#ffffff" },
};

export const HEAT_MAP_FRAME = { left: 80, top: 16, cellWidth: 120, cellHeight: 72, bottom: 64, right: 8 } as const;

export type HeatMapLabels = {
  title: string;
  desc: string;
  probability: string;
  consequence: string;
  level: (level: RiskLevel) => string;
  /** The cell's count as its text says it, e.g. "2 risker". */
  count: (n: number) => string;
};

/**
 * The 5×5 risk matrix drawn on the server: probability 5 at the top down to 1, consequence 1 to 5
 * from the left, each cell coloured by its level with its count and level written in it. An image
 * to assistive technology, named by its title and described by its desc; the page puts the same
 * counts in a table beside it.
 */
export function RiskHeatMap({
  cells,
  labels,
  id = "risk-heat-map",
}: {
  cells: readonly (readonly MatrixCell[])[];
  labels: HeatMapLabels;
  id?: string;
}) {
  const f = HEAT_MAP_FRAME;
  const width = f.left + 5 * f.cellWidth + f.right;
  const height = f.top + 5 * f.cellHeight + f.bottom;
  const gridBottom = f.top + 5 * f.cellHeight;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart risk-heat-map"
      fontFamily="Inter, system-ui, sans-serif"
      fontSize="15"
      fill={CHART_COLOURS.text}
    >
      <title id={`${id}-title`}>{labels.title}</title>
      <desc id={`${id}-desc`}>{labels.desc}</desc>
      <text
        x="20"
        y={f.top + (5 * f.cellHeight) / 2}
        textAnchor="middle"
        fontWeight="600"
        transform={`rotate(-90 20 ${f.top + (5 * f.cellHeight) / 2})`}
      >
        {labels.probability}
      </text>
      {cells.map((row, r) => {
        const y = f.top + r * f.cellHeight;
        const probability = row[0]?.probability;
        return (
          <g key={probability ?? r} data-probability={probability}>
            <text x={f.left - 12} y={y + f.cellHeight / 2 + 5} textAnchor="end" fontWeight="600">
              {probability}
            </text>
            {row.map((cell, c) => {
              const x = f.left + c * f.cellWidth;
              const colours = LEVEL_COLOURS[cell.level];
              return (
                <g
                  key={cell.consequence}
                  className="heat-cell"
                  data-probability={cell.probability}
                  data-consequence={cell.consequence}
                  data-level={cell.level}
                  data-count={cell.count}
                >
                  <rect
                    x={x}
                    y={y}
                    width={f.cellWidth}
                    height={f.cellHeight}
                    fill={colours.fill}
                    stroke={CHART_COLOURS.axis}
                    strokeWidth="1"
                  />
                  <text x={x + f.cellWidth / 2} y={y + 30} textAnchor="middle" fill={colours.text} fontSize="20" fontWeight="700">
                    {labels.count(cell.count)}
                  </text>
                  <text x={x + f.cellWidth / 2} y={y + 54} textAnchor="middle" fill={colours.text} fontSize="13">
                    {`${labels.level(cell.level)} (${cell.score})`}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      {(cells[0] ?? []).map((cell, c) => (
        <text
          key={cell.consequence}
          x={f.left + c * f.cellWidth + f.cellWidth / 2}
          y={gridBottom + 22}
          textAnchor="middle"
          fontWeight="600"
        >
          {cell.consequence}
        </text>
      ))}
      <text x={f.left + (5 * f.cellWidth) / 2} y={gridBottom + 50} textAnchor="middle" fontWeight="600">
        {labels.consequence}
      </text>
    </svg>
  );
}
