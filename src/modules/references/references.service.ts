/**
 * External references: filtered pages, and batch loaders for the references of
 * days and of concepts (ids in → rows out, one query each).
 */
import type { Database, Db } from "../../db/client.ts";
import { groupByIds } from "../content/groupByIds.ts";
import { cachedBatch, cachedQuery, type ContentCache } from "../content/contentCache.ts";
import type { ChallengeResolver } from "../content/challenges.ts";
import { decodeIntCursor, encodeCursor, pageSize, toConnection, type Connection, type PageArgs } from "../content/pagination.ts";
import { containsText } from "../content/textMatch.ts";
import { toCitation, toReference, type Citation, type Reference } from "./references.mappers.ts";

/** Filters of a references list; all optional, combined with AND. */
export interface ReferenceFilter {
  /** Host name, e.g. kubernetes.io. */
  domain?: string | null;
  /** One of REFERENCE_KINDS (./referenceKinds.ts), case-insensitive. */
  kind?: string | null;
  /** Slug of a concept the reference documents. */
  concept?: string | null;
  /** Number of a day citing it (default challenge). */
  day?: number | null;
  /** Words in the title or URL. */
  text?: string | null;
}

/** The references service. */
export interface ReferencesService {
  /** A page of references ordered by id (first seen first). */
  list(filter?: ReferenceFilter, page?: PageArgs): Promise<Connection<Reference>>;
  byIds(ids: readonly number[]): Promise<(Reference | null)[]>;
  /** References cited by each day, in the order of the lesson. */
  byDayIds(dayIds: readonly number[]): Promise<Reference[][]>;
  /** How each day cites its references (its own title, listed or inline), in the order of the lesson. */
  citationsByDayIds(dayIds: readonly number[]): Promise<Citation[][]>;
  /** References documenting each concept. */
  byConceptIds(conceptIds: readonly number[]): Promise<Reference[][]>;
}

type ReferenceWhere = NonNullable<NonNullable<Parameters<Db["reference"]["findMany"]>[0]>["where"]>;

/** Creates the references service. */
export function createReferencesService(db: Database, cache: ContentCache, challenges: ChallengeResolver): ReferencesService {
  const prisma = db.prisma;
  const service: ReferencesService = {
    async list(filter = {}, page = {}) {
      const size = pageSize(page.first);
      const after = decodeIntCursor("reference", page.after);
      const and: ReferenceWhere[] = [];
      if (filter.domain) and.push({ domain: filter.domain.trim().toLowerCase() });
      if (filter.kind) and.push({ kind: filter.kind.trim().toUpperCase() });
      if (filter.concept) and.push({ concepts: { some: { concept: { slug: filter.concept.trim().toLowerCase() } } } });
      if (filter.day !== undefined && filter.day !== null) {
        const challengeId = (await challenges.idOf()) ?? -1;
        and.push({ days: { some: { day: { challengeId, number: filter.day } } } });
      }
      if (filter.text?.trim()) {
        const t = containsText(db.provider, filter.text.trim());
        and.push({ OR: [{ title: t }, { url: t }] });
      }
      const where: ReferenceWhere = { AND: and };
      const [rows, total] = await Promise.all([
        prisma.reference.findMany({ where: after === undefined ? where : { AND: [where, { id: { gt: after } }] }, orderBy: { id: "asc" }, take: size + 1 }),
        prisma.reference.count({ where }),
      ]);
      return toConnection(rows.map(toReference), size, total, after !== undefined, (r) => encodeCursor("reference", r.id));
    },

    async byIds(ids) {
      const rows = await prisma.reference.findMany({ where: { id: { in: [...ids] } } });
      const by = new Map(rows.map((r) => [r.id, toReference(r)]));
      return ids.map((id) => by.get(id) ?? null);
    },

    async byDayIds(dayIds) {
      const rows = await prisma.dayReference.findMany({
        where: { dayId: { in: [...dayIds] } },
        include: { reference: true },
        orderBy: [{ position: "asc" }],
      });
      return groupByIds(
        dayIds,
        rows,
        (r) => r.dayId,
        (r) => toReference(r.reference),
      );
    },

    async citationsByDayIds(dayIds) {
      const rows = await prisma.dayReference.findMany({
        where: { dayId: { in: [...dayIds] } },
        include: { reference: true },
        orderBy: [{ position: "asc" }],
      });
      return groupByIds(dayIds, rows, (r) => r.dayId, toCitation);
    },

    async byConceptIds(conceptIds) {
      const rows = await prisma.conceptReference.findMany({
        where: { conceptId: { in: [...conceptIds] } },
        include: { reference: true },
        orderBy: [{ referenceId: "asc" }],
      });
      return groupByIds(
        conceptIds,
        rows,
        (r) => r.conceptId,
        (r) => toReference(r.reference),
      );
    },
  };

  // Public content changes only with the content version: keep answers per version.
  return {
    list: cachedQuery(cache, "references.list", service.list),
    byIds: cachedBatch(cache, "references.byIds", service.byIds),
    byDayIds: cachedBatch(cache, "references.byDay", service.byDayIds),
    citationsByDayIds: cachedBatch(cache, "references.citationsByDay", service.citationsByDayIds),
    byConceptIds: cachedBatch(cache, "references.byConcept", service.byConceptIds),
  };
}
