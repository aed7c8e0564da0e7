/**
 * Challenges (#66DaysOfK8s, …): the list and one challenge by slug, with how many
 * lessons each holds. Cached per content version (there are only a few).
 */
import type { Database } from "../../db/client.ts";
import type { ContentCache } from "../content/contentCache.ts";
import { decodeStringList } from "../content/jsonText.ts";

/** A learning challenge. */
export interface Challenge {
  slug: string;
  name: string;
  hashtag: string;
  /** Extra hashtags used when sharing. */
  hashtags: string[];
  description: string;
  totalDays: number;
  minMinutesPerDay: number;
  sourceUrl: string | null;
  /** Lessons stored for it. */
  dayCount: number;
}

/** The challenges service. */
export interface ChallengesService {
  /** Every challenge, oldest first (the first is the default one). */
  list(): Promise<Challenge[]>;
  /** A challenge by slug (case-insensitive, '#' ignored), or null. */
  get(slug: string): Promise<Challenge | null>;
}

type ChallengeRow = {
  slug: string;
  name: string;
  hashtag: string;
  hashtags: string;
  description: string;
  totalDays: number;
  minMinutesPerDay: number;
  sourceUrl: string | null;
  _count: { days: number };
};

/** Maps a Challenge row (with its day count) to the API type. */
export function toChallenge(row: ChallengeRow): Challenge {
  return {
    slug: row.slug,
    name: row.name,
    hashtag: row.hashtag,
    hashtags: decodeStringList(row.hashtags),
    description: row.description,
    totalDays: row.totalDays,
    minMinutesPerDay: row.minMinutesPerDay,
    sourceUrl: row.sourceUrl,
    dayCount: row._count.days,
  };
}

/** Creates the challenges service. */
export function createChallengesService(db: Database, cache: ContentCache): ChallengesService {
  const all = () =>
    cache.memo("challenges.list", async () =>
      (await db.prisma.challenge.findMany({ include: { _count: { select: { days: true } } }, orderBy: { id: "asc" }, take: 100 })).map(toChallenge),
    );
  return {
    list: all,
    async get(slug) {
      const wanted = slug.trim().toLowerCase().replace(/^#/, "");
      return (await all()).find((c) => c.slug.toLowerCase() === wanted) ?? null;
    },
  };
}
