/**
 * What the parts of the progress service share: the database, clock and config, the
 * content facts, and the lookups every part needs (a challenge, a day of it, the current
 * attempt). Internal to the progress module.
 */
import { notFound } from "../../errors.ts";
import type { Deps } from "../../deps.ts";
import type { Viewer } from "../learners/learners.types.ts";
import type { ChallengeFacts, ContentFacts } from "./contentFacts.ts";

/** Newest attempt first; on the same start and instant the ACTIVE one precedes ENDED ones. */
export const newestAttemptFirst = [{ startDate: "desc" as const }, { createdAt: "desc" as const }, { state: "asc" as const }, { id: "desc" as const }];

/** Shared dependencies and lookups of the progress service's parts. */
export function createProgressContext(deps: Deps, content: ContentFacts) {
  const { db, clock, config } = deps;
  const p = db.prisma;
  const { sql } = db;

  /** The challenge's facts, or NOT_FOUND. */
  async function challengeOf(slug: string): Promise<ChallengeFacts> {
    const c = await content.challenge(slug);
    if (!c) throw notFound(`Challenge ${slug}`);
    return c;
  }

  /** The challenge's facts when `day` is one of its days, or NOT_FOUND. */
  async function checkDay(slug: string, day: number): Promise<ChallengeFacts> {
    const c = await challengeOf(slug);
    if (!Number.isInteger(day) || day < 1 || day > c.totalDays) throw notFound(`Day ${day}`);
    return c;
  }

  /** The viewer's active attempt at the challenge, else their newest one, else null. */
  async function currentEnrollment(viewer: Viewer, slug: string) {
    return (
      (await p.enrollment.findFirst({ where: { learnerId: viewer.id, challengeSlug: slug, state: "ACTIVE" }, orderBy: newestAttemptFirst })) ??
      (await p.enrollment.findFirst({ where: { learnerId: viewer.id, challengeSlug: slug }, orderBy: newestAttemptFirst }))
    );
  }

  return { p, sql, clock, config, content, challengeOf, checkDay, currentEnrollment };
}

/** What the parts of the progress service are built on. */
export type ProgressContext = ReturnType<typeof createProgressContext>;
