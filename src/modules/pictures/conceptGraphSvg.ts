/**
 * The picture of a concept graph: laid out by dagre (layered layout of directed
 * graphs, @dagrejs/dagre), drawn by us. Each concept is a box linking to its
 * concept URL in this API; each relation an arrow with its kind in words. Kinds
 * differ by line pattern as well as colour (curated solid, derived from lessons
 * dotted), the focus by a thick outline.
 */
import dagre from "@dagrejs/dagre";
import type { ConceptGraph, ConceptGraphEdge } from "../concepts/conceptGraph.ts";
import { el, fragment, svg, type Markup } from "./svgMarkup.ts";
import { textWidth } from "./textWidth.ts";

/** What the picture shows and where its links point. */
export interface ConceptGraphPictureInput {
  graph: ConceptGraph;
  /** URL of a concept (absolute on the API's public base). */
  conceptUrl: (slug: string) => string;
}

const NODE_HEIGHT = 28;
const NODE_PADDING = 12;
const FONT_SIZE = 12;
const LABEL_SIZE = 10;
const MARGIN = 16;
const FONT = "-apple-system,BlinkMacSystemFont,Segoe UI,Helvetica,Arial,DejaVu Sans,sans-serif";
const ID = "k8sd-graph";

/** Box fills by category, in order of first appearance; the text stays dark on each. */
const CATEGORY_FILLS = ["#ddf4ff", "#dafbe1", "#fff8c5", "#ffebe9", "#fbefff", "#ffeff7", "#f6f8fa", "#fff1e5"] as const;

const pathOf = (points: readonly { x: number; y: number }[]) =>
  points.map((p, i) => `${i ? "L" : "M"}${Math.round(p.x * 10) / 10} ${Math.round(p.y * 10) / 10}`).join("");

const edgeWords = (e: ConceptGraphEdge) =>
  e.source === "DERIVED"
    ? `${e.from.name} and ${e.to.name} appear together in ${e.days.length === 1 ? "day" : "days"} ${e.days.join(", ")}`
    : `${e.from.name} — ${e.label} → ${e.to.name}`;

/** The accessible description: size and the relations of the focus in words. */
function description(g: ConceptGraph): string {
  const size = `${g.nodes.length} concept${g.nodes.length === 1 ? "" : "s"} and ${g.edges.length} relation${g.edges.length === 1 ? "" : "s"}`;
  const around = g.focus ? ` within ${g.depth} relation${g.depth === 1 ? "" : "s"} of ${g.focus.name}` : "";
  const cut =
    g.totalNodes > g.nodes.length
      ? ` Showing the ${g.nodes.length} ${g.focus ? `nearest to ${g.focus.name}` : "best connected"} of ${g.totalNodes} concepts; narrow the picture with depth, category or kinds.`
      : "";
  const ofFocus = g.focus
    ? g.edges
        .filter((e) => e.from.id === g.focus!.id || e.to.id === g.focus!.id)
        .slice(0, 20)
        .map(edgeWords)
    : [];
  return (
    `${size}${around}.${cut} Boxes are concepts (coloured by category, each a link to the concept), arrows relations labelled with their kind; relations derived from lessons are dotted.` +
    (ofFocus.length ? ` ${ofFocus.join("; ")}.` : "")
  );
}

/** The concept graph as a standalone SVG document. */
export function conceptGraphSvg(input: ConceptGraphPictureInput): string {
  const { graph } = input;
  const layout = new dagre.graphlib.Graph({ multigraph: true, directed: true });
  layout.setGraph({ rankdir: "LR", nodesep: 14, ranksep: 56, edgesep: 8, marginx: MARGIN, marginy: MARGIN });
  layout.setDefaultEdgeLabel(() => ({}));
  for (const { concept } of graph.nodes) {
    layout.setNode(concept.slug, { width: Math.ceil(textWidth(concept.name, FONT_SIZE) + 2 * NODE_PADDING), height: NODE_HEIGHT });
  }
  graph.edges.forEach((e, i) => {
    layout.setEdge(e.from.slug, e.to.slug, { width: Math.ceil(textWidth(e.label, LABEL_SIZE)), height: LABEL_SIZE + 2, labelpos: "c" }, `e${i}`);
  });
  dagre.layout(layout);

  const categories = [...new Set(graph.nodes.map((n) => n.concept.category))];
  const fillOf = (category: string) => CATEGORY_FILLS[categories.indexOf(category) % CATEGORY_FILLS.length]!;

  const edges: Markup[] = graph.edges.map((e, i) => {
    const at = layout.edge({ v: e.from.slug, w: e.to.slug, name: `e${i}` }) as { points: { x: number; y: number }[]; x: number; y: number };
    const derived = e.source === "DERIVED";
    return el(
      "g",
      { class: "edge", "data-source": e.from.slug, "data-target": e.to.slug, "data-kind": e.kind },
      el("title", {}, edgeWords(e)),
      el("path", {
        d: pathOf(at.points),
        fill: "none",
        stroke: derived ? "#8c959f" : "#57606a",
        "stroke-width": derived ? 1 : 1.3,
        "stroke-dasharray": derived ? "2 3" : undefined,
        "marker-end": `url(#${ID}-arrow)`,
      }),
      el("text", { x: at.x, y: at.y + 3.5, "font-size": LABEL_SIZE, "text-anchor": "middle", fill: "#57606a" }, e.label),
    );
  });

  const nodes: Markup[] = graph.nodes.map(({ concept, depth }) => {
    const n = layout.node(concept.slug) as { x: number; y: number; width: number; height: number };
    const focus = depth === 0;
    return el(
      "a",
      { href: input.conceptUrl(concept.slug), class: "node", "data-slug": concept.slug },
      el("title", {}, `${concept.name} · ${concept.category}${concept.summary ? `: ${concept.summary}` : ""}`),
      el("rect", {
        x: n.x - n.width / 2,
        y: n.y - n.height / 2,
        width: n.width,
        height: n.height,
        rx: 6,
        fill: fillOf(concept.category),
        stroke: focus ? "#0969da" : "#8c959f",
        "stroke-width": focus ? 3 : 1,
      }),
      el("text", { x: n.x, y: n.y + 4, "text-anchor": "middle", "font-weight": focus ? "bold" : undefined }, concept.name),
    );
  });

  const size = layout.graph() as { width?: number; height?: number };
  const width = Math.max(Math.ceil(size.width ?? 0), 120);
  const height = Math.max(Math.ceil(size.height ?? 0), 60);
  const title = graph.focus ? `Kubernetes concepts around ${graph.focus.name}` : "Kubernetes concepts";
  return svg({
    width,
    height,
    idPrefix: ID,
    title,
    description: description(graph),
    body: fragment(
      el(
        "defs",
        {},
        el(
          "marker",
          { id: `${ID}-arrow`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
          el("path", { d: "M0 0L10 5L0 10z", fill: "#57606a" }),
        ),
      ),
      el("rect", { width, height, fill: "#ffffff" }),
      el("g", { "font-family": FONT, "font-size": FONT_SIZE, fill: "#24292f" }, el("g", { class: "edges" }, ...edges), el("g", { class: "nodes" }, ...nodes)),
    ),
  });
}
