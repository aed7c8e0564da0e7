/**
 * Which challenge a request means: by slug, or the default one (DEFAULT_CHALLENGE;
 * the first created when there is no such row) when the client names none. Cached per content version.
 */
import type { Database } from "../../db/client.ts";
import type { ContentCache } from "./contentCache.ts";
import { DEFAULT_CHALLENGE } from "./defaultChallenge.ts";

/** Resolves challenge slugs to ids. */
export interface ChallengeResolver {
  /** Id of the challenge `slug`, or of the default challenge; null when there is none. */
  idOf(slug?: string | null): Promise<number | null>;
  /** Slug of a challenge id. */
  slugOf(id: number): Promise<string | null>;
}

/** Creates the resolver over the content cache. */
export function createChallengeResolver(db: Database, cache: ContentCache): ChallengeResolver {
  const all = () => cache.memo("challenges", () => db.prisma.challenge.findMany({ select: { id: true, slug: true }, orderBy: { id: "asc" } }));
  return {
    async idOf(slug) {
      const rows = await all();
      if (slug === undefined || slug === null) return (rows.find((r) => r.slug === DEFAULT_CHALLENGE) ?? rows[0])?.id ?? null;
      const wanted = slug.trim().toLowerCase().replace(/^#/, "");
      return rows.find((r) => r.slug.toLowerCase() === wanted)?.id ?? null;
    },
    async slugOf(id) {
      return (await all()).find((r) => r.id === id)?.slug ?? null;
    },
  };
}
