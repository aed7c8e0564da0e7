/**
 * The concept glossary: lookup by slug, name or alias, filtered pages, ranked
 * related concepts, prerequisites and the shortest chain between two concepts.
 * The glossary and its relation graph are small (about a hundred concepts, a few
 * hundred edges), so both are read once per content version and served from memory.
 */
import { LRUCache } from "lru-cache";
import type { Database } from "../../db/client.ts";
import { invalid, notFound } from "../../errors.ts";
import type { ContentCache } from "../content/contentCache.ts";
import { decodeIntList } from "../content/jsonText.ts";
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection, type PageArgs } from "../content/pagination.ts";
import { toConcept, type Concept } from "./concepts.mappers.ts";
import { MAX_GRAPH_DEPTH, conceptGraph, type ConceptGraph } from "./conceptGraph.ts";
import { rankRelated, shortestPath, type RankedRelation, type RelationEdge, type RelationKind } from "./relatedRanking.ts";

/** Filters of a concepts list. */
export interface ConceptFilter {
  category?: string | null;
  /** Words in the name, aliases, slug or summary. */
  text?: string | null;
}

/** A related concept with its score and why. */
export interface RelatedConcept extends Omit<RankedRelation, "conceptId"> {
  concept: Concept;
}

/** Options of `related`. */
export interface RelatedOptions {
  /** How many (1–100, default 10). */
  first?: number | null;
  kinds?: readonly string[] | null;
}

/** One hop of a concept path, with both concepts. */
export interface ConceptPathHop {
  from: Concept;
  to: Concept;
  kind: RelationKind;
  direction: "OUTGOING" | "INCOMING";
  /** Readable hop, e.g. "Init container — part of → Pod". */
  description: string;
}

/** The shortest chain of relations between two concepts. */
export interface ConceptPath {
  from: Concept;
  to: Concept;
  length: number;
  hops: ConceptPathHop[];
}

/** The glossary in memory. */
interface Glossary {
  all: Concept[];
  byId: Map<number, Concept>;
  bySlug: Map<string, Concept>;
  byName: Map<string, Concept>;
}

/** The concepts service. */
export interface ConceptsService {
  /** A concept by slug, name or alias (case-insensitive, plural tolerant), or null. */
  get(slugOrName: string): Promise<Concept | null>;
  /** A page of concepts ordered by slug. */
  list(filter?: ConceptFilter, page?: PageArgs): Promise<Connection<Concept>>;
  /** Every concept (cached per content version). */
  all(): Promise<Concept[]>;
  byIds(ids: readonly number[]): Promise<(Concept | null)[]>;
  /** Every relation edge (cached per content version). */
  edges(): Promise<RelationEdge[]>;
  /** Ranked related concepts of `slugOrName`; NOT_FOUND for an unknown concept. */
  related(slugOrName: string, options?: RelatedOptions): Promise<RelatedConcept[]>;
  /** Ranked related concepts of each concept id. */
  relatedByConceptIds(ids: readonly number[], options?: RelatedOptions): Promise<RelatedConcept[][]>;
  /** Concepts to learn before each concept (its curated PREREQUISITE edges). */
  prerequisitesByConceptIds(ids: readonly number[]): Promise<Concept[][]>;
  /** Shortest chain of relations between two concepts, null when unconnected; NOT_FOUND for unknown ones. */
  conceptPath(from: string, to: string): Promise<ConceptPath | null>;
  /** The glossary as a graph, narrowed by category, relation kinds and a focus's neighbourhood (see conceptGraph.ts); NOT_FOUND for an unknown focus. */
  graph(options?: ConceptGraphOptions): Promise<ConceptGraph>;
}

/** Options of `graph`. */
export interface ConceptGraphOptions {
  category?: string | null;
  kinds?: readonly string[] | null;
  /** Slug, name or alias of the concept at the centre. */
  focus?: string | null;
  /** Relations away from the focus (1–3, default 1). */
  depth?: number | null;
}

/** Rankings of related concepts kept per content version (concept × kind filter; a few hundred in practice). */
const MAX_RANKINGS = 2000;

/** Lowercase, separators folded to single spaces. */
export function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[-_\s]+/g, " ")
    .trim();
}

function singular(s: string): string {
  if (s.endsWith("ies") && s.length > 4) return `${s.slice(0, -3)}y`;
  if (s.endsWith("sses")) return s.slice(0, -2);
  if (s.endsWith("s") && !s.endsWith("ss") && s.length > 3) return s.slice(0, -1);
  return s;
}

/** Creates the concepts service. */
export function createConceptsService(db: Database, cache: ContentCache): ConceptsService {
  const prisma = db.prisma;

  const glossary = () =>
    cache.memo<Glossary>("concepts.glossary", async () => {
      const all = (await prisma.concept.findMany({ orderBy: { slug: "asc" } })).map(toConcept);
      const byName = new Map<string, Concept>();
      const add = (name: string, c: Concept) => {
        const n = normalizeName(name);
        if (n && !byName.has(n)) byName.set(n, c);
      };
      for (const c of all) {
        add(c.slug, c);
        add(c.name, c);
      }
      for (const c of all) for (const a of c.aliases) add(a, c);
      return { all, byId: new Map(all.map((c) => [c.id, c])), bySlug: new Map(all.map((c) => [c.slug, c])), byName };
    });

  const edges = () =>
    cache.memo<RelationEdge[]>("concepts.edges", async () =>
      (await prisma.conceptRelation.findMany({ orderBy: { id: "asc" } })).map((r) => ({
        fromId: r.fromId,
        toId: r.toId,
        kind: r.kind,
        source: r.source,
        weight: r.weight,
        evidence: decodeIntList(r.evidence),
      })),
    );

  const find = async (slugOrName: string): Promise<Concept | null> => {
    const g = await glossary();
    const raw = slugOrName.trim();
    const exact = g.bySlug.get(raw.toLowerCase());
    if (exact) return exact;
    const n = normalizeName(raw);
    return g.byName.get(n) ?? g.bySlug.get(n.replace(/ /g, "-")) ?? g.byName.get(singular(n)) ?? g.bySlug.get(singular(n).replace(/ /g, "-")) ?? null;
  };

  // Every neighbour of a concept, ranked, per content version and kind filter: a page is a prefix
  // of it, so each (concept, kinds) is ranked once per version, not once per request. Bounded,
  // as a client chooses the kind filter (up to 2⁹ sets per concept).
  const rankings = () => cache.memo("concepts.related", async () => new LRUCache<string, RelatedConcept[]>({ max: MAX_RANKINGS }));

  const relatedOf = async (ids: readonly number[], options: RelatedOptions = {}): Promise<RelatedConcept[][]> => {
    const first = pageSize(options.first ?? 10);
    const kinds = options.kinds?.length ? [...new Set(options.kinds)].sort() : null;
    const [g, all, ranked] = await Promise.all([glossary(), edges(), rankings()]);
    const nameOf = (id: number) => g.byId.get(id)?.name ?? "";
    return ids.map((id) => {
      const key = `${id}|${kinds?.join(",") ?? ""}`;
      let list = ranked.get(key);
      if (!list) {
        list = rankRelated(id, all, nameOf, { first: Number.POSITIVE_INFINITY, kinds })
          .filter((r) => g.byId.has(r.conceptId))
          .map(({ conceptId, ...rest }) => ({ concept: g.byId.get(conceptId)!, ...rest }));
        ranked.set(key, list);
      }
      return list.slice(0, first);
    });
  };

  return {
    get: find,

    async list(filter = {}, page = {}) {
      const size = pageSize(page.first);
      const after = decodeCursor("concept", page.after);
      const g = await glossary();
      const category = filter.category?.trim().toLowerCase();
      const text = filter.text?.trim().toLowerCase();
      const matching = g.all.filter(
        (c) =>
          (!category || c.category.toLowerCase() === category) &&
          (!text || [c.slug, c.name, c.summary, ...c.aliases].some((f) => f.toLowerCase().includes(text))),
      );
      const rest = after === undefined ? matching : matching.filter((c) => c.slug > after);
      return toConnection(rest.slice(0, size + 1), size, matching.length, after !== undefined, (c) => encodeCursor("concept", c.slug));
    },

    all: async () => (await glossary()).all,

    async byIds(ids) {
      const g = await glossary();
      return ids.map((id) => g.byId.get(id) ?? null);
    },

    edges,

    async related(slugOrName, options) {
      const concept = await find(slugOrName);
      if (!concept) throw notFound(`Concept "${slugOrName}"`);
      return (await relatedOf([concept.id], options))[0]!;
    },

    relatedByConceptIds: relatedOf,

    async prerequisitesByConceptIds(ids) {
      const [g, all] = await Promise.all([glossary(), edges()]);
      return ids.map((id) =>
        all
          .filter((e) => e.fromId === id && e.kind === "PREREQUISITE" && e.source === "CURATED")
          .map((e) => g.byId.get(e.toId))
          .filter((c): c is Concept => Boolean(c)),
      );
    },

    async graph(options = {}) {
      if (options.depth != null && (!Number.isInteger(options.depth) || options.depth < 1 || options.depth > MAX_GRAPH_DEPTH)) {
        throw invalid("Invalid depth", [{ path: ["depth"], message: `an integer from 1 to ${MAX_GRAPH_DEPTH}` }]);
      }
      const focus = options.focus ? await find(options.focus) : null;
      if (options.focus && !focus) throw notFound(`Concept "${options.focus}"`);
      const [g, all] = await Promise.all([glossary(), edges()]);
      return conceptGraph(g.all, all, { category: options.category, kinds: options.kinds, focusId: focus?.id ?? null, depth: options.depth });
    },

    async conceptPath(fromName, toName) {
      const [from, to] = await Promise.all([find(fromName), find(toName)]);
      if (!from) throw notFound(`Concept "${fromName}"`);
      if (!to) throw notFound(`Concept "${toName}"`);
      const [g, all] = await Promise.all([glossary(), edges()]);
      const hops = shortestPath(from.id, to.id, all);
      if (!hops) return null;
      return {
        from,
        to,
        length: hops.length,
        hops: hops.map((h) => {
          const a = g.byId.get(h.fromId)!;
          const b = g.byId.get(h.toId)!;
          return { from: a, to: b, kind: h.kind, direction: h.direction, description: `${a.name} — ${h.phrase} → ${b.name}` };
        }),
      };
    },
  };
}
