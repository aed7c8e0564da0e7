/**
 * Search across days, concepts and references: an in-memory index (see
 * searchIndex.ts for the ranking rules) rebuilt when ContentState.version
 * changes, plus a small bounded cache of recent answers per version.
 */
import type { Database } from "../../db/client.ts";
import { badRequest } from "../../errors.ts";
import { cachedQuery, type ContentCache } from "../content/contentCache.ts";
import type { ChallengeResolver } from "../content/challenges.ts";
import { pageSize } from "../content/pagination.ts";
import { toConcept, type Concept } from "../concepts/concepts.mappers.ts";
import { toDay, type Day } from "../days/days.mappers.ts";
import { toReference, type Reference } from "../references/references.mappers.ts";
import { buildIndex, queryIndex, type SearchDocument, type SearchHit as IndexHit, type SearchIndex, type SearchType } from "./searchIndex.ts";

/** A node a search can find. */
export type SearchNode = Day | Concept | Reference;

/** One ranked search hit. */
export type SearchHit = IndexHit<SearchNode>;

/** Every searchable type. */
export const searchTypes: readonly SearchType[] = ["DAY", "CONCEPT", "REFERENCE"];

/** Options of a search. */
export interface SearchOptions {
  types?: readonly SearchType[] | null;
  /** How many hits (1–100, default 10). */
  first?: number | null;
}

/** The search service. */
export interface SearchService {
  /** Ranked hits for `query`; snippets mark matches with «…». */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
}

const MAX_QUERY_CHARS = 200;
const ANSWER_CACHE_SIZE = 500;

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
          type: "DAY", key: `day:${String(d.number).padStart(3, "0")}`, node: d, boost: 1,
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
          type: "CONCEPT", key: `concept:${c.slug}`, node: c, boost: 1.3,
          exact: [c.slug, c.name, ...c.aliases],
          fields: [
            { name: "name", text: c.name, weight: 6 },
            { name: "slug", text: c.slug.replace(/-/g, " ") + " " + c.slug.replace(/-/g, ""), weight: 3 },
            { name: "aliases", text: c.aliases.join(" , "), weight: 4 },
            { name: "summary", text: c.summary, weight: 1.5, snippet: true },
            { name: "category", text: c.category, weight: 0.5 },
          ],
        });
      }
      for (const row of references) {
        const r = toReference(row);
        docs.push({
          type: "REFERENCE", key: `reference:${String(r.id).padStart(6, "0")}`, node: r, boost: 0.8, exact: [],
          fields: [
            { name: "title", text: r.title, weight: 3, snippet: true },
            { name: "domain", text: r.domain, weight: 0.5 },
            { name: "url", text: r.url.replace(/^https?:\/\//, ""), weight: 1, snippet: true },
          ],
        });
      }
      return buildIndex(docs);
    });

  const answer = cachedQuery(cache, "search.answers", async (q: string, types: SearchType[] | null, first: number) => queryIndex(await index(), q, { types, first }), ANSWER_CACHE_SIZE);

  return {
    async search(query, options = {}) {
      const q = query.trim();
      if (q.length > MAX_QUERY_CHARS) throw badRequest(`The query is longer than ${MAX_QUERY_CHARS} characters`, [{ path: ["query"], message: "too long" }]);
      const first = pageSize(options.first ?? 10);
      const types = options.types?.length ? [...new Set(options.types)].sort() : null;
      return answer(q, types, first);
    },
  };
}
