/**
 * Lessons: one day, filtered pages of days, and batch loaders for every part and
 * relation of a day (ids in → rows out, one query each, aligned with the ids).
 */
import type { Database, Db } from "../../db/client.ts";
import { groupByIds } from "../content/groupByIds.ts";
import type { ChallengeResolver } from "../content/challenges.ts";
import { cachedBatch, cachedQuery, type ContentCache } from "../content/contentCache.ts";
import { decodeIntCursor, encodeCursor, pageSize, toConnection, type Connection, type PageArgs } from "../content/pagination.ts";
import { containsText } from "../content/textMatch.ts";
import { toConcept, type Concept } from "../concepts/concepts.mappers.ts";
import { kubernetesRelease, removedInRelease } from "../manifests/apiStatus.ts";
import { declaredKind } from "../manifests/declaredKinds.ts";
import {
  attachmentColumns,
  toAttachment,
  toDay,
  type Attachment,
  type Day,
  type DayLists,
  type LessonLink,
  type Section,
  type Snippet,
  type ToolVersion,
  toSnippet,
} from "./days.mappers.ts";

/** Filters of a days list; all optional, combined with AND. */
export interface DayFilter {
  challenge?: string | null;
  week?: number | null;
  /** THEORY | EXERCISE | EXPLORATION | SETUP | PROJECT */
  kind?: string | null;
  series?: string | null;
  /** Slug of a concept the day mentions. */
  concept?: string | null;
  /** A hashtag of the lesson, with or without '#'. */
  tag?: string | null;
  /** Words in the title, summary, TL;DR or body. */
  text?: string | null;
  /** A kind of Kubernetes object the lesson's manifests or YAML snippets declare (any case), e.g. StatefulSet. */
  manifestKind?: string | null;
  /** A Kubernetes release ("1.25"): lessons declaring an object whose apiVersion was removed in exactly that release. */
  removedIn?: string | null;
}

/** A concept a day mentions, with its weight there. */
export interface DayConcept {
  concept: Concept;
  weight: number;
  mentions: number;
  /** True when the concept is what the lesson is about. */
  focus: boolean;
}

/** A day that mentions a concept. */
export interface ConceptDay {
  day: Day;
  weight: number;
  focus: boolean;
}

/** Minimal facts of every day, cached per content version (for previous/next, series, paths). */
export interface DaySkeleton {
  id: number;
  challengeId: number;
  number: number;
  series: string | null;
  part: number | null;
}

type DayWhere = NonNullable<NonNullable<Parameters<Db["day"]["findMany"]>[0]>["where"]>;

/** The days service. */
export interface DaysService {
  /** One lesson by number (of the default challenge unless named), or null. */
  get(number: number, challenge?: string | null): Promise<Day | null>;
  /** A page of lessons ordered by number. */
  list(filter?: DayFilter, page?: PageArgs): Promise<Connection<Day>>;
  /** Every day of a challenge (id, number, series, part) in number order, cached per content version. */
  skeleton(challengeId: number): Promise<DaySkeleton[]>;
  byIds(ids: readonly number[]): Promise<(Day | null)[]>;
  listsByDayIds(ids: readonly number[]): Promise<DayLists[]>;
  toolVersionsByDayIds(ids: readonly number[]): Promise<ToolVersion[][]>;
  sectionsByDayIds(ids: readonly number[]): Promise<Section[][]>;
  snippetsByDayIds(ids: readonly number[]): Promise<Snippet[][]>;
  attachmentsByDayIds(ids: readonly number[]): Promise<Attachment[][]>;
  /** Concepts of each day, heaviest first. */
  conceptsByDayIds(ids: readonly number[]): Promise<DayConcept[][]>;
  /** Days mentioning each concept, in number order. */
  byConceptIds(conceptIds: readonly number[]): Promise<ConceptDay[][]>;
  /** Days citing each reference, in number order. */
  byReferenceIds(referenceIds: readonly number[]): Promise<Day[][]>;
  /** The days each lesson links to (its first link to each), in number order. */
  linksByDayIds(ids: readonly number[]): Promise<LessonLink[][]>;
  /** The lessons linking to each day, in number order; `day` is the linking lesson. */
  linkedFromByDayIds(ids: readonly number[]): Promise<LessonLink[][]>;
  /** Id of the previous day: the previous part of its series, else the previous day by number. */
  previousIdsOf(days: readonly Pick<Day, "id" | "challengeId">[]): Promise<(number | null)[]>;
  /** Id of the next day: the next part of its series, else the next day by number. */
  nextIdsOf(days: readonly Pick<Day, "id" | "challengeId">[]): Promise<(number | null)[]>;
  /** Series name, part and the ids of its parts in order, or null for a standalone day. */
  seriesOf(day: Pick<Day, "id" | "challengeId">): Promise<{ name: string; part: number | null; dayIds: number[] } | null>;
}

const dayOrder = { number: "asc" } as const;

/** Creates the days service. */
export function createDaysService(db: Database, cache: ContentCache, challenges: ChallengeResolver): DaysService {
  const prisma = db.prisma;

  const skeleton = (challengeId: number) =>
    cache.memo(`days.skeleton.${challengeId}`, () =>
      prisma.day.findMany({ where: { challengeId }, select: { id: true, challengeId: true, number: true, series: true, part: true }, orderBy: dayOrder }),
    );

  const neighbour = async (days: readonly Pick<Day, "id" | "challengeId">[], step: 1 | -1): Promise<(number | null)[]> => {
    const out: (number | null)[] = [];
    for (const d of days) {
      const all = await skeleton(d.challengeId);
      const i = all.findIndex((s) => s.id === d.id);
      const self = all[i];
      if (!self) {
        out.push(null);
        continue;
      }
      if (self.series && self.part !== null) {
        const sibling = all.find((s) => s.series === self.series && s.part === self.part! + step);
        if (sibling) {
          out.push(sibling.id);
          continue;
        }
      }
      out.push(all[i + step]?.id ?? null);
    }
    return out;
  };

  const cachedByIds = cachedBatch(cache, "days.byIds", (ids) => service.byIds(ids));
  const service: DaysService = {
    async get(number, challenge) {
      const challengeId = await challenges.idOf(challenge);
      if (challengeId === null || !Number.isInteger(number)) return null;
      const id = (await skeleton(challengeId)).find((d) => d.number === number)?.id;
      return id === undefined ? null : ((await cachedByIds([id]))[0] ?? null);
    },

    async list(filter = {}, page = {}) {
      const size = pageSize(page.first);
      const after = decodeIntCursor("day", page.after);
      const challengeId = await challenges.idOf(filter.challenge);
      if (challengeId === null) return toConnection<Day>([], size, 0, after !== undefined, () => "");
      const and: DayWhere[] = [{ challengeId }];
      if (filter.week !== undefined && filter.week !== null) and.push({ week: filter.week });
      if (filter.kind) and.push({ kind: filter.kind.toUpperCase() });
      if (filter.series) and.push({ series: containsText(db.provider, filter.series) });
      if (filter.concept) and.push({ concepts: { some: { concept: { slug: filter.concept.trim().toLowerCase() } } } });
      if (filter.tag) and.push({ tags: containsText(db.provider, JSON.stringify(filter.tag.trim().replace(/^#/, ""))) });
      if (filter.text?.trim()) {
        const t = containsText(db.provider, filter.text.trim());
        and.push({ OR: [{ title: t }, { summary: t }, { tldr: t }, { body: t }] });
      }
      if (filter.manifestKind?.trim()) and.push({ manifestObjects: { some: { kind: await declaredKind(db, cache, filter.manifestKind) } } });
      if (filter.removedIn !== undefined && filter.removedIn !== null) {
        const removed = removedInRelease(kubernetesRelease(filter.removedIn, "removedIn"));
        and.push(removed.length ? { manifestObjects: { some: { OR: removed.map((r) => ({ apiVersion: r.apiVersion, kind: r.kind })) } } } : { id: { in: [] } });
      }
      const where: DayWhere = { AND: and };
      const [rows, total] = await Promise.all([
        prisma.day.findMany({ where: after === undefined ? where : { AND: [where, { number: { gt: after } }] }, orderBy: dayOrder, take: size + 1 }),
        prisma.day.count({ where }),
      ]);
      return toConnection(rows.map(toDay), size, total, after !== undefined, (d) => encodeCursor("day", d.number));
    },

    skeleton,

    async byIds(ids) {
      const rows = await prisma.day.findMany({ where: { id: { in: [...ids] } } });
      const by = new Map(rows.map((r) => [r.id, toDay(r)]));
      return ids.map((id) => by.get(id) ?? null);
    },

    async listsByDayIds(ids) {
      const rows = await prisma.dayItem.findMany({ where: { dayId: { in: [...ids] } }, orderBy: [{ dayId: "asc" }, { position: "asc" }] });
      const by = new Map<number, DayLists>(ids.map((id) => [id, { tasks: [], setup: [], takeaways: [], versionNotes: [] }]));
      for (const r of rows) {
        const lists = by.get(r.dayId);
        const list =
          r.list === "TASK"
            ? lists?.tasks
            : r.list === "SETUP"
              ? lists?.setup
              : r.list === "TAKEAWAY"
                ? lists?.takeaways
                : r.list === "VERSION_NOTE"
                  ? lists?.versionNotes
                  : undefined;
        // Rows written before items kept their markdown have "" there: the text is the best markdown they have.
        list?.push({ text: r.text, markdown: r.markdown || r.text });
      }
      return ids.map((id) => by.get(id)!);
    },

    async toolVersionsByDayIds(ids) {
      const rows = await prisma.toolVersion.findMany({ where: { dayId: { in: [...ids] } }, orderBy: { position: "asc" } });
      return groupByIds(
        ids,
        rows,
        (r) => r.dayId,
        (r) => ({ tool: r.tool, version: r.version, qualifier: r.qualifier, raw: r.raw, markdown: r.markdown || r.raw }),
      );
    },

    async sectionsByDayIds(ids) {
      const rows = await prisma.section.findMany({ where: { dayId: { in: [...ids] } }, orderBy: { position: "asc" } });
      return groupByIds(
        ids,
        rows,
        (r) => r.dayId,
        (r) => ({ position: r.position, depth: r.depth, heading: r.heading, anchor: r.anchor, markdown: r.markdown, html: r.html }),
      );
    },

    async snippetsByDayIds(ids) {
      const rows = await prisma.snippet.findMany({ where: { dayId: { in: [...ids] } }, orderBy: { position: "asc" } });
      return groupByIds(ids, rows, (r) => r.dayId, toSnippet);
    },

    async attachmentsByDayIds(ids) {
      const rows = await prisma.attachment.findMany({ where: { dayId: { in: [...ids] } }, select: attachmentColumns, orderBy: { name: "asc" } });
      return groupByIds(ids, rows, (r) => r.dayId, toAttachment);
    },

    async conceptsByDayIds(ids) {
      const rows = await prisma.dayConcept.findMany({
        where: { dayId: { in: [...ids] } },
        include: { concept: true },
        orderBy: [{ weight: "desc" }, { conceptId: "asc" }],
      });
      return groupByIds(
        ids,
        rows,
        (r) => r.dayId,
        (r) => ({ concept: toConcept(r.concept), weight: r.weight, mentions: r.mentions, focus: r.focus }),
      );
    },

    async byConceptIds(conceptIds) {
      const rows = await prisma.dayConcept.findMany({
        where: { conceptId: { in: [...conceptIds] } },
        include: { day: true },
        orderBy: [{ day: { number: "asc" } }],
      });
      return groupByIds(
        conceptIds,
        rows,
        (r) => r.conceptId,
        (r) => ({ day: toDay(r.day), weight: r.weight, focus: r.focus }),
      );
    },

    async byReferenceIds(referenceIds) {
      const rows = await prisma.dayReference.findMany({
        where: { referenceId: { in: [...referenceIds] } },
        include: { day: true },
        orderBy: [{ day: { number: "asc" } }],
      });
      return groupByIds(
        referenceIds,
        rows,
        (r) => r.referenceId,
        (r) => toDay(r.day),
      );
    },

    async linksByDayIds(ids) {
      const rows = await prisma.dayLink.findMany({
        where: { fromDayId: { in: [...ids] }, kind: "SEE_ALSO" },
        include: { to: true },
        orderBy: [{ fromDayId: "asc" }, { to: { number: "asc" } }],
      });
      return groupByIds(
        ids,
        rows,
        (r) => r.fromDayId,
        (r) => ({ day: toDay(r.to), text: r.text, section: r.section }),
      );
    },

    async linkedFromByDayIds(ids) {
      const rows = await prisma.dayLink.findMany({
        where: { toDayId: { in: [...ids] }, kind: "SEE_ALSO" },
        include: { from: true },
        orderBy: [{ toDayId: "asc" }, { from: { number: "asc" } }],
      });
      return groupByIds(
        ids,
        rows,
        (r) => r.toDayId,
        (r) => ({ day: toDay(r.from), text: r.text, section: r.section }),
      );
    },

    previousIdsOf: (days) => neighbour(days, -1),
    nextIdsOf: (days) => neighbour(days, 1),

    async seriesOf(day) {
      const all = await skeleton(day.challengeId);
      const self = all.find((s) => s.id === day.id);
      if (!self?.series) return null;
      const parts = all.filter((s) => s.series === self.series).sort((a, b) => (a.part ?? a.number) - (b.part ?? b.number) || a.number - b.number);
      return { name: self.series, part: self.part, dayIds: parts.map((p) => p.id) };
    },
  };

  // Public content changes only with the content version: keep answers per version.
  return {
    ...service,
    list: cachedQuery(cache, "days.list", service.list),
    byIds: cachedByIds,
    listsByDayIds: cachedBatch(cache, "days.lists", service.listsByDayIds),
    toolVersionsByDayIds: cachedBatch(cache, "days.toolVersions", service.toolVersionsByDayIds),
    sectionsByDayIds: cachedBatch(cache, "days.sections", service.sectionsByDayIds),
    snippetsByDayIds: cachedBatch(cache, "days.snippets", service.snippetsByDayIds),
    attachmentsByDayIds: cachedBatch(cache, "days.attachments", service.attachmentsByDayIds),
    conceptsByDayIds: cachedBatch(cache, "days.concepts", service.conceptsByDayIds),
    byConceptIds: cachedBatch(cache, "days.byConcept", service.byConceptIds),
    byReferenceIds: cachedBatch(cache, "days.byReference", service.byReferenceIds),
    linksByDayIds: cachedBatch(cache, "days.links", service.linksByDayIds),
    linkedFromByDayIds: cachedBatch(cache, "days.linkedFrom", service.linkedFromByDayIds),
  };
}
