/**
 * The glossary as a graph (pure, table-tested): concepts as nodes, relations as
 * typed directed edges, narrowed by category, relation kind and a neighbourhood.
 *
 * Rules:
 * - An edge's kind is its curated kind; a relation derived from lessons is CO_OCCURRENCE.
 * - `kinds` keeps only edges of those kinds; a self-relation is never an edge.
 * - `category` keeps only concepts of that category (and edges between them); the
 *   focus, when given, is kept whatever its category.
 * - `focus` + `depth`: the concepts at most `depth` relations away from the focus,
 *   edges followed in both directions (over the edges the filters kept), and the
 *   edges between those concepts. Without a focus every kept concept is a node,
 *   unconnected ones included.
 * - Nodes are ordered by distance from the focus, then slug; edges by source slug,
 *   target slug, kind.
 */
import type { Concept } from "./concepts.mappers.ts";
import { relationPhrase, type RelationEdge, type RelationKind } from "./relatedRanking.ts";

/** Largest neighbourhood depth around a focus. */
export const MAX_GRAPH_DEPTH = 3;

/** Most concepts one picture draws (`pictureGraph`); the JSON graph has them all. */
export const MAX_PICTURE_CONCEPTS = 40;

/** What part of the glossary to take. */
export interface ConceptGraphFilter {
  category?: string | null;
  kinds?: readonly string[] | null;
  /** Id of the concept at the centre. */
  focusId?: number | null;
  /** Relations away from the focus, 1–MAX_GRAPH_DEPTH (default 1); ignored without a focus. */
  depth?: number | null;
}

/** A node: a concept and its distance from the focus (null without a focus). */
export interface ConceptGraphNode {
  concept: Concept;
  depth: number | null;
}

/** A typed, directed edge. */
export interface ConceptGraphEdge {
  from: Concept;
  to: Concept;
  kind: RelationKind;
  source: "CURATED" | "DERIVED";
  weight: number;
  /** Days both concepts appear in (derived relations). */
  days: number[];
  /** The relation in words from its source, e.g. "part of", "appears with". */
  label: string;
}

/** The graph of (part of) the glossary. */
export interface ConceptGraph {
  focus: Concept | null;
  depth: number | null;
  nodes: ConceptGraphNode[];
  edges: ConceptGraphEdge[];
  /** Concepts the filters selected; more than `nodes.length` when the graph was cut (see `nearestNodes`). */
  totalNodes: number;
}

/** Builds the graph of `concepts` and `relations` that `filter` asks for. */
export function conceptGraph(concepts: readonly Concept[], relations: readonly RelationEdge[], filter: ConceptGraphFilter = {}): ConceptGraph {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const category = filter.category?.trim().toLowerCase() || null;
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
  const focus = filter.focusId != null ? (byId.get(filter.focusId) ?? null) : null;
  const kept = (c: Concept | undefined): c is Concept => Boolean(c) && (!category || c!.category.toLowerCase() === category || c!.id === focus?.id);

  const edges: ConceptGraphEdge[] = [];
  for (const r of relations) {
    if (r.fromId === r.toId) continue;
    const from = byId.get(r.fromId);
    const to = byId.get(r.toId);
    if (!kept(from) || !kept(to)) continue;
    const curated = r.source === "CURATED";
    const kind = (curated ? r.kind : "CO_OCCURRENCE") as RelationKind;
    if (kinds && !kinds.has(kind)) continue;
    edges.push({
      from,
      to,
      kind,
      source: curated ? "CURATED" : "DERIVED",
      weight: r.weight,
      days: [...r.evidence].sort((a, b) => a - b),
      label: curated ? relationPhrase(r.kind, "OUTGOING") : "appears with",
    });
  }

  let depthOf: Map<number, number | null>;
  let depth: number | null = null;
  if (focus) {
    depth = Math.min(Math.max(Math.trunc(filter.depth ?? 1), 1), MAX_GRAPH_DEPTH);
    depthOf = new Map([[focus.id, 0]]);
    const neighbours = new Map<number, number[]>();
    for (const e of edges) {
      neighbours.set(e.from.id, [...(neighbours.get(e.from.id) ?? []), e.to.id]);
      neighbours.set(e.to.id, [...(neighbours.get(e.to.id) ?? []), e.from.id]);
    }
    let frontier = [focus.id];
    for (let d = 1; d <= depth && frontier.length; d++) {
      const next: number[] = [];
      for (const id of frontier)
        for (const n of neighbours.get(id) ?? []) {
          if (depthOf.has(n)) continue;
          depthOf.set(n, d);
          next.push(n);
        }
      frontier = next;
    }
  } else {
    depthOf = new Map(concepts.filter((c) => kept(c)).map((c) => [c.id, null]));
  }

  const nodes = [...depthOf]
    .map(([id, d]) => ({ concept: byId.get(id)!, depth: d }))
    .sort((a, b) => (a.depth ?? 0) - (b.depth ?? 0) || a.concept.slug.localeCompare(b.concept.slug));
  return {
    focus,
    depth,
    nodes,
    totalNodes: nodes.length,
    edges: edges
      .filter((e) => depthOf.has(e.from.id) && depthOf.has(e.to.id))
      .sort((a, b) => a.from.slug.localeCompare(b.from.slug) || a.to.slug.localeCompare(b.to.slug) || a.kind.localeCompare(b.kind)),
  };
}

/**
 * What a picture of `g` draws: at most `max` concepts (`nearestNodes`), and no relation
 * derived from lessons between two concepts a curated relation already links (either
 * way): it would only repeat, less precisely, what the curated arrow says.
 */
export function pictureGraph(g: ConceptGraph, max: number): ConceptGraph {
  const cut = nearestNodes(g, max);
  const pair = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const curated = new Set(cut.edges.filter((e) => e.source === "CURATED").map((e) => pair(e.from.id, e.to.id)));
  return { ...cut, edges: cut.edges.filter((e) => e.source === "CURATED" || !curated.has(pair(e.from.id, e.to.id))) };
}

/**
 * The graph cut to its `max` concepts nearest the focus — within the same distance (or
 * without a focus) the best connected first, then by slug — with the edges among them.
 * A picture of more than a few dozen boxes is unreadable and costly to lay out.
 */
export function nearestNodes(g: ConceptGraph, max: number): ConceptGraph {
  if (g.nodes.length <= max) return g;
  const degree = new Map<number, number>();
  for (const e of g.edges) for (const id of [e.from.id, e.to.id]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const kept = new Set(
    [...g.nodes]
      .sort(
        (a, b) =>
          (a.depth ?? 0) - (b.depth ?? 0) || (degree.get(b.concept.id) ?? 0) - (degree.get(a.concept.id) ?? 0) || a.concept.slug.localeCompare(b.concept.slug),
      )
      .slice(0, max)
      .map((n) => n.concept.id),
  );
  return {
    ...g,
    nodes: g.nodes.filter((n) => kept.has(n.concept.id)),
    edges: g.edges.filter((e) => kept.has(e.from.id) && kept.has(e.to.id)),
  };
}
