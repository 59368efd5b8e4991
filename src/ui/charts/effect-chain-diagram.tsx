import type { EffectChain, EffectKind } from "../../domain/business-case/effect-chain.ts";
import { CHART_COLOURS } from "./chart-scale.ts";

/** Left to right, the way the chain is read when it is built: what enables, what changes, what it brings, what it is for. */
export const DIAGRAM_COLUMNS: readonly EffectKind[] = ["mojliggorare", "forandring", "nytta", "effektmal"];

export const DIAGRAM_FRAME = { width: 960, top: 44, boxWidth: 190, boxHeight: 64, rowGap: 16, side: 10 } as const;
/** Characters per line of a box, and lines: a longer label ends in "…" (the text alternative has it whole). */
const LINE_CHARS = 24;
const MAX_LINES = 3;

export type DiagramBox = { id: string; kind: EffectKind; lines: string[]; x: number; y: number; width: number; height: number };
export type DiagramArrow = { from: string; to: string; x1: number; y1: number; x2: number; y2: number };
export type DiagramLayout = {
  height: number;
  columns: { kind: EffectKind; x: number; centre: number }[];
  boxes: DiagramBox[];
  arrows: DiagramArrow[];
};

/** A label broken into at most three lines of whole words (a word longer than a line is cut). */
export function wrapLabel(label: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= LINE_CHARS) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > LINE_CHARS ? `${word.slice(0, LINE_CHARS - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= MAX_LINES) return lines;
  const kept = lines.slice(0, MAX_LINES);
  const lastLine = kept[MAX_LINES - 1] ?? "";
  kept[MAX_LINES - 1] = `${lastLine.slice(0, LINE_CHARS - 1)}…`;
  return kept;
}

/** Four evenly spaced columns, each level's boxes stacked in the order they were added, an arrow per link. */
export function effectChainLayout(chain: EffectChain): DiagramLayout {
  const f = DIAGRAM_FRAME;
  const slot = (f.width - 2 * f.side) / DIAGRAM_COLUMNS.length;
  const columns = DIAGRAM_COLUMNS.map((kind, i) => {
    const x = f.side + i * slot + (slot - f.boxWidth) / 2;
    return { kind, x, centre: x + f.boxWidth / 2 };
  });
  const boxes: DiagramBox[] = [];
  let rows = 0;
  for (const column of columns) {
    const nodes = chain.nodes.filter((n) => n.kind === column.kind);
    rows = Math.max(rows, nodes.length);
    nodes.forEach((n, i) => {
      boxes.push({
        id: n.id,
        kind: n.kind,
        lines: wrapLabel(n.label),
        x: column.x,
        y: f.top + i * (f.boxHeight + f.rowGap),
        width: f.boxWidth,
        height: f.boxHeight,
      });
    });
  }
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const arrows = chain.links.flatMap((l): DiagramArrow[] => {
    const from = byId.get(l.from);
    const to = byId.get(l.to);
    if (!from || !to) return [];
    return [{ from: l.from, to: l.to, x1: from.x + from.width, y1: from.y + from.height / 2, x2: to.x, y2: to.y + to.height / 2 }];
  });
  return { height: f.top + Math.max(1, rows) * (f.boxHeight + f.rowGap) + f.side, columns, boxes, arrows };
}

export type EffectChainLabels = { title: string; desc: string; columns: Record<EffectKind, string> };

/**
 * The effektkedja drawn on the server: four columns with a heading each, a box per node and an arrow
 * per link pointing up the chain (to the right). An image to assistive technology, named by its title
 * and described by its desc; the nested list beside it is the text alternative.
 */
export function EffectChainDiagram({ chain, labels, id = "effect-chain" }: { chain: EffectChain; labels: EffectChainLabels; id?: string }) {
  const f = DIAGRAM_FRAME;
  const layout = effectChainLayout(chain);
  const arrowHead = `${id}-arrow`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${f.width} ${layout.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart"
      fontFamily="Inter, system-ui, sans-serif"
      fontSize="15"
    >
      <title id={`${id}-title`}>{labels.title}</title>
      <desc id={`${id}-desc`}>{labels.desc}</desc>
      <defs>
        <marker id={arrowHead} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill={CHART_COLOURS.axis} />
        </marker>
      </defs>
      <g className="chart-columns">
        {layout.columns.map((c) => (
          <text key={c.kind} x={c.centre} y={24} textAnchor="middle" fontWeight="bold" fill={CHART_COLOURS.text}>
            {labels.columns[c.kind]}
          </text>
        ))}
      </g>
      <g className="chain-links">
        {layout.arrows.map((a) => (
          <line
            key={`${a.from}-${a.to}`}
            data-link={`${a.from}>${a.to}`}
            x1={a.x1}
            y1={a.y1}
            x2={a.x2}
            y2={a.y2}
            stroke={CHART_COLOURS.axis}
            strokeWidth="1.5"
            markerEnd={`url(#${arrowHead})`}
          />
        ))}
      </g>
      <g className="chain-nodes">
        {layout.boxes.map((b) => (
          <g key={b.id} data-node={b.id} data-kind={b.kind}>
            <rect x={b.x} y={b.y} width={b.width} height={b.height} rx="6" fill="#ffffff" stroke={CHART_COLOURS.digital} strokeWidth="2" />
            <text x={b.x + 10} y={b.y + b.height / 2 - ((b.lines.length - 1) * 18) / 2 + 5} fill={CHART_COLOURS.text}>
              {b.lines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a label's lines are only told apart by their place
                <tspan key={i} x={b.x + 10} dy={i === 0 ? 0 : 18}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
