/**
 * Search across days, concepts and references: an in-memory index (see
 * searchIndex.ts for the ranking rules) rebuilt when ContentState.version
 * changes, plus a small bounded cache of recent answers per version.
 *
 * Paging: the hits of a query form one ranking; a hit's cursor is its position in it
 * (`encodeCursor("search", rank)`, rank 1 = the best hit), so `after` continues the same
 * query's ranking where a page ended. A cursor carries only the position: passed with
 * other arguments, or after the content changed, it still means "from that position on".
 */
import type { Database } from "../../db/client.ts";
import { badRequest } from "../../errors.ts";
import { cachedQuery, type ContentCache } from "../content/contentCache.ts";
import type { ChallengeResolver } from "../content/challenges.ts";
import { decodeIntCursor, encodeCursor, pageSize, type Connection } from "../content/pagination.ts";
import { toConcept, type Concept } from "../concepts/concepts.mappers.ts";
import { toDay, type Day } from "../days/days.mappers.ts";
import { toReference, type Reference } from "../references/references.mappers.ts";
import { buildIndex, queryIndexPage, type SearchDocument, type SearchHit as IndexHit, type SearchIndex, type SearchType } from "./searchIndex.ts";

/** A node a search can find. */
export type SearchNode = Day | Concept | Reference;

/** One ranked search hit, with its cursor (its position in the ranking). */
export type SearchHit = IndexHit<SearchNode> & { cursor: string };

/** Every searchable type. */
export const searchTypes: readonly SearchType[] = ["DAY", "CONCEPT", "REFERENCE"];

/** Options of a search. */
export interface SearchOptions {
  types?: readonly SearchType[] | null;
  /** How many hits (1–100, default 10). */
  first?: number | null;
  /** Cursor of the hit after which the page starts (a previous hit's `cursor`). */
  after?: string | null;
}

/** The search service. */
export interface SearchService {
  /** Ranked hits for `query`; snippets mark matches with «…». */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** The same hits as a page of the ranking: cursors, page info and the number of hits in all. */
  searchPage(query: string, options?: SearchOptions): Promise<Connection<SearchHit>>;
}

const MAX_QUERY_CHARS = 200;
const ANSWER_CACHE_SIZE = 500;
/** Deepest position of the ranking a page may start at. */
const MAX_OFFSET = 1000;
const CURSOR_TYPE = "search";

/** Creates the search service. */
export function createSearchService(db: Database, cache: ContentCache, challenges: ChallengeResolver): SearchService {
  const prisma = db.prisma;

  const index = () =>
    cache.memo<SearchIndex<SearchNode>>("search.index", async () => {
      const challengeId = (await challenges.idOf()) ?? -1;
      const [days, concepts, references] = await Promise.all([
        prisma.day.findMany({ where: { challengeId }, orderBy: { number: "asc" } }),
        prisma.concept.findMany({ orderBy: { slug: "asc" } }),
        prisma.reference.findMany({ orderBy: { id: "asc" } }),
      ]);
      const docs: SearchDocument<SearchNode>[] = [];
      for (const row of days) {
        const d = toDay(row);
        docs.push({
          type: "DAY",
          key: `day:${String(d.number).padStart(3, "0")}`,
          node: d,
          title: d.title,
          boost: 1,
          exact: [`day ${d.number}`, `day${d.number}`],
          fields: [
            { name: "label", text: `Day ${d.number}: ${d.title}`, weight: 0.5, snippet: true },
            { name: "title", text: d.title, weight: 4.5 },
            { name: "series", text: d.series ?? "", weight: 2 },
            { name: "tags", text: d.tags.join(" "), weight: 1.5 },
            { name: "summary", text: d.summary, weight: 2, snippet: true },
            { name: "tldr", text: d.tldr, weight: 1.5, snippet: true },
            { name: "body", text: d.body, weight: 0.4 },
          ],
        });
      }
      for (const row of concepts) {
        const c = toConcept(row);
        docs.push({
          type: "CONCEPT",
          key: `concept:${c.slug}`,
          node: c,
          title: c.name,
          boost: 1.3,
          exact: [c.slug, c.name, ...c.aliases],
          fields: [
            { name: "name", text: c.name, weight: 6 },
            { name: "slug", text: `${c.slug.replace(/-/g, " ")} ${c.slug.replace(/-/g, "")}`, weight: 3 },
            { name: "aliases", text: c.aliases.join(" , "), weight: 4 },
            { name: "summary", text: c.summary, weight: 1.5, snippet: true },
            { name: "category", text: c.category, weight: 0.5 },
          ],
        });
      }
      for (const row of references) {
        const r = toReference(row);
        docs.push({
          type: "REFERENCE",
          key: `reference:${String(r.id).padStart(6, "0")}`,
          node: r,
          title: r.title,
          boost: 0.8,
          exact: [],
          fields: [
            { name: "title", text: r.title, weight: 3, snippet: true },
            { name: "domain", text: r.domain, weight: 0.5 },
            { name: "url", text: r.url.replace(/^https?:\/\//, ""), weight: 1, snippet: true },
          ],
        });
      }
      return buildIndex(docs);
    });

  const answer = cachedQuery(
    cache,
    "search.answers",
    async (q: string, types: SearchType[] | null, first: number, offset: number): Promise<Connection<SearchHit>> => {
      const { hits, total } = queryIndexPage(await index(), q, { types, first, offset });
      const cursors = hits.map((_, i) => encodeCursor(CURSOR_TYPE, offset + i + 1));
      return {
        items: hits.map((h, i) => ({ ...h, cursor: cursors[i]! })),
        cursors,
        totalCount: total,
        pageInfo: {
          hasNextPage: offset + hits.length < total,
          hasPreviousPage: offset > 0,
          startCursor: cursors[0] ?? null,
          endCursor: cursors.at(-1) ?? null,
        },
      };
    },
    ANSWER_CACHE_SIZE,
  );

  const service: SearchService = {
    async search(query, options = {}) {
      return (await service.searchPage(query, options)).items;
    },
    async searchPage(query, options = {}) {
      const q = query.trim();
      if (q.length > MAX_QUERY_CHARS) throw badRequest(`The query is longer than ${MAX_QUERY_CHARS} characters`, [{ path: ["query"], message: "too long" }]);
      const first = pageSize(options.first ?? 10);
      const offset = decodeIntCursor(CURSOR_TYPE, options.after) ?? 0;
      if (offset < 0 || offset > MAX_OFFSET) throw badRequest(`"after" is not a valid ${CURSOR_TYPE} cursor`, [{ path: ["after"], message: "invalid cursor" }]);
      const types = options.types?.length ? [...new Set(options.types)].sort() : null;
      return answer(q, types, first, offset);
    },
  };
  return service;
}
