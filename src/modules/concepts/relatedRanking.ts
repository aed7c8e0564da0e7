/**
 * Ranking of related concepts (pure, table-tested): curated relations first, in
 * both directions with the inverse wording ("part of: Pod" seen from Init
 * container, "has part: Init container" seen from Pod), then relations derived
 * from co-occurrence in lessons ("appear together in days 12, 13").
 */

/** A relation edge as stored (kind and source as in the data model). */
export interface RelationEdge {
  fromId: number;
  toId: number;
  /** RELATED | PART_OF | PREREQUISITE | ALTERNATIVE_TO | MANAGES | USES | EXPOSES | CONFIGURES */
  kind: string;
  /** CURATED | DERIVED */
  source: string;
  weight: number;
  /** Day numbers shared (derived relations). */
  evidence: number[];
}

/**
 * Kinds a client may ask for. Derived relations are exposed as CO_OCCURRENCE so
 * clients can tell them from curated RELATED edges.
 */
export const relationKinds = ["RELATED", "PART_OF", "PREREQUISITE", "ALTERNATIVE_TO", "MANAGES", "USES", "EXPOSES", "CONFIGURES", "CO_OCCURRENCE"] as const;
/** A relation kind of the API. */
export type RelationKind = (typeof relationKinds)[number];

/** Wording of a relation seen from its source (outgoing) and from its target (incoming). */
const wording: Record<string, { out: string; in: string }> = {
  RELATED: { out: "related to", in: "related to" },
  PART_OF: { out: "part of", in: "has part" },
  PREREQUISITE: { out: "requires", in: "required by" },
  ALTERNATIVE_TO: { out: "alternative to", in: "alternative to" },
  MANAGES: { out: "manages", in: "managed by" },
  USES: { out: "uses", in: "used by" },
  EXPOSES: { out: "exposes", in: "exposed by" },
  CONFIGURES: { out: "configures", in: "configured by" },
};

/** The phrase for a curated relation kind in a direction, e.g. ("PART_OF", "INCOMING") → "has part". */
export function relationPhrase(kind: string, direction: "OUTGOING" | "INCOMING"): string {
  const w = wording[kind] ?? { out: kind.toLowerCase().replace(/_/g, " "), in: `${kind.toLowerCase().replace(/_/g, " ")} (inverse)` };
  return direction === "OUTGOING" ? w.out : w.in;
}

/** One ranked neighbour of a concept. */
export interface RankedRelation {
  conceptId: number;
  score: number;
  kind: RelationKind;
  /** CURATED | DERIVED */
  source: "CURATED" | "DERIVED";
  /** OUTGOING: the concept relates to the neighbour; INCOMING: the neighbour relates to it. */
  direction: "OUTGOING" | "INCOMING";
  reason: string;
  /** Days both concepts appear in (derived relations). */
  days: number[];
}

/** Options of a ranking. */
export interface RankOptions {
  first: number;
  kinds?: readonly string[] | null;
}

/**
 * Ranks the neighbours of `conceptId` over `edges`. Curated scores lie in (1, 2],
 * derived in (0, 1), so curated always come first; within a source, heavier edges
 * first, then by name. One entry per neighbour: its best relation, with other
 * curated relations to the same neighbour added to the reason.
 */
export function rankRelated(conceptId: number, edges: readonly RelationEdge[], nameOf: (id: number) => string, options: RankOptions): RankedRelation[] {
  const wanted = options.kinds?.length ? new Set(options.kinds) : undefined;
  const best = new Map<number, RankedRelation>();
  for (const e of edges) {
    if (e.fromId !== conceptId && e.toId !== conceptId) continue;
    if (e.fromId === e.toId) continue;
    const direction = e.fromId === conceptId ? "OUTGOING" : "INCOMING";
    const other = direction === "OUTGOING" ? e.toId : e.fromId;
    const curated = e.source === "CURATED";
    const kind = (curated ? e.kind : "CO_OCCURRENCE") as RelationKind;
    if (wanted && !wanted.has(kind)) continue;
    const days = [...e.evidence].sort((a, b) => a - b);
    const score = curated
      ? 1 + Math.min(Math.max(e.weight, 0), 1) * (direction === "OUTGOING" ? 1 : 0.95)
      : Math.max(days.length, e.weight) / (Math.max(days.length, e.weight) + 1);
    const reason = curated
      ? `${relationPhrase(e.kind, direction)}: ${nameOf(other)}`
      : `appear together in ${days.length === 1 ? "day" : "days"} ${days.join(", ")}`;
    const entry: RankedRelation = { conceptId: other, score: round(score), kind, source: curated ? "CURATED" : "DERIVED", direction, reason, days };
    const previous = best.get(other);
    if (!previous) best.set(other, entry);
    else if (entry.score > previous.score)
      best.set(other, { ...entry, reason: joinReasons(entry, previous), days: entry.days.length ? entry.days : previous.days });
    else best.set(other, { ...previous, reason: joinReasons(previous, entry), days: previous.days.length ? previous.days : entry.days });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || nameOf(a.conceptId).localeCompare(nameOf(b.conceptId))).slice(0, options.first);
}

function joinReasons(primary: RankedRelation, secondary: RankedRelation): string {
  return primary.reason.includes(secondary.reason) ? primary.reason : `${primary.reason}; ${secondary.reason}`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** One hop of a concept path. */
export interface PathHop {
  fromId: number;
  toId: number;
  kind: RelationKind;
  direction: "OUTGOING" | "INCOMING";
  /** e.g. "part of" or "has part". */
  phrase: string;
}

/**
 * Shortest chain of relations from `fromId` to `toId` (breadth-first, edges
 * followed in both directions). Curated relations are tried first; derived ones
 * only when no curated chain exists. Null when the concepts are not connected.
 */
export function shortestPath(fromId: number, toId: number, edges: readonly RelationEdge[]): PathHop[] | null {
  if (fromId === toId) return [];
  const curated = edges.filter((e) => e.source === "CURATED");
  return bfs(fromId, toId, curated) ?? bfs(fromId, toId, edges);
}

function bfs(fromId: number, toId: number, edges: readonly RelationEdge[]): PathHop[] | null {
  const adjacent = new Map<number, PathHop[]>();
  const add = (at: number, hop: PathHop) => {
    const list = adjacent.get(at) ?? [];
    list.push(hop);
    adjacent.set(at, list);
  };
  // Deterministic: stable order by kind priority, then ids.
  const sorted = [...edges].sort((a, b) => a.fromId - b.fromId || a.toId - b.toId || a.kind.localeCompare(b.kind));
  for (const e of sorted) {
    if (e.fromId === e.toId) continue;
    const kind = (e.source === "CURATED" ? e.kind : "CO_OCCURRENCE") as RelationKind;
    const phraseOut = e.source === "CURATED" ? relationPhrase(e.kind, "OUTGOING") : "appears with";
    const phraseIn = e.source === "CURATED" ? relationPhrase(e.kind, "INCOMING") : "appears with";
    add(e.fromId, { fromId: e.fromId, toId: e.toId, kind, direction: "OUTGOING", phrase: phraseOut });
    add(e.toId, { fromId: e.toId, toId: e.fromId, kind, direction: "INCOMING", phrase: phraseIn });
  }
  const via = new Map<number, PathHop | null>([[fromId, null]]);
  let frontier = [fromId];
  while (frontier.length) {
    const next: number[] = [];
    for (const at of frontier) {
      for (const hop of adjacent.get(at) ?? []) {
        if (via.has(hop.toId)) continue;
        via.set(hop.toId, hop);
        if (hop.toId === toId) {
          const path: PathHop[] = [];
          for (let h = via.get(toId); h; h = via.get(h.fromId)) path.unshift(h);
          return path;
        }
        next.push(hop.toId);
      }
    }
    frontier = next;
  }
  return null;
}
