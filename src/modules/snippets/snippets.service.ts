/**
 * Lesson parts as data: the fenced code blocks of every lesson, filtered by language and
 * day, in lesson order (day number, then position), as cursor pages. Cursors name the
 * (day, position) of the last snippet, so they survive a re-import that renumbers rows.
 */
import type { Database, Db } from "../../db/client.ts";
import { badRequest } from "../../errors.ts";
import type { ChallengeResolver } from "../content/challenges.ts";
import { cachedQuery, type ContentCache } from "../content/contentCache.ts";
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection, type PageArgs } from "../content/pagination.ts";
import { toSnippet, type Snippet } from "../days/days.mappers.ts";

/** Filters of the snippets list; all optional, combined with AND. */
export interface SnippetFilter {
  /** Language of the fence (yaml, bash, …), any case. */
  language?: string | null;
  /** Day number of the lesson. */
  day?: number | null;
  challenge?: string | null;
}

/** A snippet with the number of its lesson. */
export interface LessonSnippet extends Snippet {
  dayNumber: number;
}

/** The snippets service. */
export interface SnippetsService {
  /** A page of snippets in lesson order. */
  list(filter?: SnippetFilter, page?: PageArgs): Promise<Connection<LessonSnippet>>;
}

type SnippetWhere = NonNullable<NonNullable<Parameters<Db["snippet"]["findMany"]>[0]>["where"]>;

const CURSOR = "snippet";

function decodeAfter(after: string | null | undefined): { day: number; position: number } | undefined {
  const key = decodeCursor(CURSOR, after);
  if (key === undefined) return undefined;
  const m = /^(\d+)\.(\d+)$/.exec(key);
  if (!m) throw badRequest(`"after" is not a valid ${CURSOR} cursor`, [{ path: ["after"], message: "invalid cursor" }]);
  return { day: Number(m[1]), position: Number(m[2]) };
}

/** Creates the snippets service. */
export function createSnippetsService(db: Database, cache: ContentCache, challenges: ChallengeResolver): SnippetsService {
  const prisma = db.prisma;
  const list: SnippetsService["list"] = async (filter = {}, page = {}) => {
    const size = pageSize(page.first);
    const after = decodeAfter(page.after);
    const challengeId = await challenges.idOf(filter.challenge);
    if (challengeId === null) return toConnection<LessonSnippet>([], size, 0, after !== undefined, () => "");
    const and: SnippetWhere[] = [{ day: { challengeId } }];
    if (filter.language?.trim()) and.push({ language: filter.language.trim().toLowerCase() });
    if (filter.day !== undefined && filter.day !== null) and.push({ day: { number: filter.day } });
    const where: SnippetWhere = { AND: and };
    const paged: SnippetWhere =
      after === undefined
        ? where
        : {
            AND: [where, { OR: [{ day: { number: { gt: after.day } } }, { day: { number: after.day }, position: { gt: after.position } }] }],
          };
    const [rows, total] = await Promise.all([
      prisma.snippet.findMany({
        where: paged,
        include: { day: { select: { number: true } } },
        orderBy: [{ day: { number: "asc" } }, { position: "asc" }],
        take: size + 1,
      }),
      prisma.snippet.count({ where }),
    ]);
    const items = rows.map((r) => ({ ...toSnippet(r), dayNumber: r.day.number }));
    return toConnection(items, size, total, after !== undefined, (s) => encodeCursor(CURSOR, `${s.dayNumber}.${s.position}`));
  };
  return { list: cachedQuery(cache, "snippets.list", list) };
}
