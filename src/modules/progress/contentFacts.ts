/**
 * The few content facts the progress rules need (the challenge row, day numbers
 * and titles, a learning path's steps, the concepts of days), read in one place
 * so they can later come from the content services instead of Prisma.
 * When no content is loaded yet, the default challenge's known facts apply.
 */
import type { Database } from "../../db/client.ts";
import type { ContentCache } from "../content/contentCache.ts";
import { DEFAULT_CHALLENGE, DEFAULT_CHALLENGE_NAME } from "../content/defaultChallenge.ts";
import { decodeStringList } from "../content/jsonText.ts";
import { strictPolicy, type FreezePolicy } from "./freeze.ts";

/** What progress needs to know about a challenge. */
export interface ChallengeFacts {
  slug: string;
  name: string;
  hashtag: string;
  hashtags: string[];
  totalDays: number;
  minMinutesPerDay: number;
  /** Streak freezes the challenge hands out (strict: none). */
  freeze: FreezePolicy;
}

const fallback: ChallengeFacts = {
  slug: DEFAULT_CHALLENGE,
  name: DEFAULT_CHALLENGE_NAME,
  hashtag: DEFAULT_CHALLENGE_NAME,
  hashtags: ["#kubernetes", "#learning"],
  totalDays: 66,
  minMinutesPerDay: 5,
  freeze: strictPolicy,
};

/** Content reads of the progress module. */
export interface ContentFacts {
  /** The challenge, or null when it is unknown (the default challenge is always known). */
  challenge(slug: string): Promise<ChallengeFacts | null>;
  /** Day numbers and titles of the challenge, in order. */
  days(slug: string): Promise<{ number: number; title: string }[]>;
  /** Day numbers of a named learning path, in step order; null when there is no such path. */
  pathSteps(slug: string, name: string): Promise<number[] | null>;
  /** Concepts of the given days with their weights. */
  dayConcepts(slug: string): Promise<{ dayNumber: number; conceptSlug: string; conceptName: string; weight: number }[]>;
}

/** Content facts read through Prisma. */
export function prismaContentFacts(db: Database): ContentFacts {
  const p = db.prisma;
  return {
    async challenge(slug) {
      const row = await p.challenge.findUnique({ where: { slug } });
      if (!row) return slug === DEFAULT_CHALLENGE ? fallback : null;
      return {
        slug: row.slug,
        name: row.name,
        hashtag: row.hashtag,
        hashtags: decodeStringList(row.hashtags),
        totalDays: row.totalDays,
        minMinutesPerDay: row.minMinutesPerDay,
        freeze: { everyCountedDays: row.freezeEveryCountedDays, maxBanked: row.maxFreezesBanked },
      };
    },
    async days(slug) {
      return p.day.findMany({ where: { challenge: { slug } }, select: { number: true, title: true }, orderBy: { number: "asc" }, take: 1000 });
    },
    async pathSteps(slug, name) {
      const path = await p.learningPath.findFirst({
        where: { name, challenge: { slug } },
        select: { steps: { select: { dayNumber: true }, orderBy: { position: "asc" }, take: 1000 } },
      });
      return path ? path.steps.map((s) => s.dayNumber) : null;
    },
    async dayConcepts(slug) {
      const rows = await p.dayConcept.findMany({
        where: { day: { challenge: { slug } } },
        select: { weight: true, day: { select: { number: true } }, concept: { select: { slug: true, name: true } } },
        take: 10_000,
      });
      return rows.map((r) => ({ dayNumber: r.day.number, conceptSlug: r.concept.slug, conceptName: r.concept.name, weight: r.weight }));
    },
  };
}

/**
 * Content facts cached per content version (in the content cache): progress reads them on
 * every stats call and log write, and they change only when content is imported (which bumps the version).
 */
export function cachedContentFacts(inner: ContentFacts, cache: Pick<ContentCache, "memo">): ContentFacts {
  return {
    challenge: (slug) => cache.memo(`facts.challenge:${slug}`, () => inner.challenge(slug)),
    days: (slug) => cache.memo(`facts.days:${slug}`, () => inner.days(slug)),
    pathSteps: (slug, name) => cache.memo(`facts.path:${slug}:${name}`, () => inner.pathSteps(slug, name)),
    dayConcepts: (slug) => cache.memo(`facts.concepts:${slug}`, () => inner.dayConcepts(slug)),
  };
}
