/**
 * Learning paths: ordered routes through a challenge's days. "chronological" is
 * every day by number (derived, never stored); others ("suggested", …) come from
 * the seeds' LearningPath rows.
 */
import type { Database } from "../../db/client.ts";
import type { ChallengeResolver } from "../content/challenges.ts";
import type { ContentCache } from "../content/contentCache.ts";
import type { Day } from "../days/days.mappers.ts";
import type { DaysService } from "../days/days.service.ts";

/** An ordered route through the days. */
export interface LearningPath {
  name: string;
  title: string;
  description: string;
  days: Day[];
}

/** Name and title of an available path. */
export interface LearningPathInfo {
  name: string;
  title: string;
  description: string;
  length: number;
}

/** The paths service. */
export interface PathsService {
  /** Names of every path, chronological first. */
  names(challenge?: string | null): Promise<LearningPathInfo[]>;
  /** A path by name (default "chronological"), or null when there is no such path. */
  learningPath(name?: string | null, challenge?: string | null): Promise<LearningPath | null>;
  /**
   * The day to learn after day `after` on a path (default "chronological"): the
   * next step; when `after` is not on the path, the first step numbered above
   * it. Null at the end or for an unknown path.
   */
  nextDay(after: number, path?: string | null, challenge?: string | null): Promise<Day | null>;
}

/** The path every challenge has without seeds. */
export const CHRONOLOGICAL = "chronological";

/** Creates the paths service. */
export function createPathsService(db: Database, cache: ContentCache, challenges: ChallengeResolver, days: DaysService): PathsService {
  const stored = (challengeId: number) =>
    cache.memo(`paths.${challengeId}`, () =>
      db.prisma.learningPath.findMany({ where: { challengeId }, include: { steps: { orderBy: { position: "asc" } } }, orderBy: { name: "asc" } }),
    );

  /** Day numbers of a path, or null. */
  const numbersOf = async (challengeId: number, name: string) => {
    const skeleton = await days.skeleton(challengeId);
    if (name === CHRONOLOGICAL)
      return { title: "Chronological", description: "Every lesson in the order it was written.", numbers: skeleton.map((d) => d.number), skeleton };
    const path = (await stored(challengeId)).find((p) => p.name === name);
    if (!path) return null;
    return { title: path.title, description: path.description, numbers: path.steps.map((s) => s.dayNumber), skeleton };
  };

  const load = async (challengeId: number, numbers: number[], skeleton: { id: number; number: number }[]): Promise<Day[]> => {
    const idOf = new Map(skeleton.map((d) => [d.number, d.id]));
    const ids = numbers.map((n) => idOf.get(n)).filter((id): id is number => id !== undefined);
    return (await days.byIds(ids)).filter((d): d is Day => d !== null);
  };

  return {
    async names(challenge) {
      const challengeId = await challenges.idOf(challenge);
      if (challengeId === null) return [];
      const [skeleton, paths] = await Promise.all([days.skeleton(challengeId), stored(challengeId)]);
      return [
        { name: CHRONOLOGICAL, title: "Chronological", description: "Every lesson in the order it was written.", length: skeleton.length },
        ...paths.filter((p) => p.name !== CHRONOLOGICAL).map((p) => ({ name: p.name, title: p.title, description: p.description, length: p.steps.length })),
      ];
    },

    async learningPath(name, challenge) {
      const challengeId = await challenges.idOf(challenge);
      if (challengeId === null) return null;
      const wanted = (name ?? CHRONOLOGICAL).trim().toLowerCase();
      const path = await numbersOf(challengeId, wanted);
      if (!path) return null;
      return { name: wanted, title: path.title, description: path.description, days: await load(challengeId, path.numbers, path.skeleton) };
    },

    async nextDay(after, name, challenge) {
      const challengeId = await challenges.idOf(challenge);
      if (challengeId === null) return null;
      const path = await numbersOf(challengeId, (name ?? CHRONOLOGICAL).trim().toLowerCase());
      if (!path) return null;
      const at = path.numbers.indexOf(after);
      const next = at >= 0 ? path.numbers[at + 1] : path.numbers.find((n) => n > after);
      if (next === undefined) return null;
      return (await load(challengeId, [next], path.skeleton))[0] ?? null;
    },
  };
}
