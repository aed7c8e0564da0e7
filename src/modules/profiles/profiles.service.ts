/**
 * Public profiles: what a learner who opted in (`public: true`) shows to anyone —
 * a small card, the heatmap of the current attempt and a badge. Everything comes
 * from the progress service (the same stats and calendar a learner sees of
 * themselves); a private profile and an unknown handle are the same NOT_FOUND.
 */
import type { LearnersService } from "../learners/learners.types.ts";
import type { AttemptCalendar } from "../progress/attemptCalendar.ts";
import type { ProgressService } from "../progress/progress.service.ts";

/** The public card of a learner. */
export interface PublicCard {
  handle: string;
  displayName: string;
  /** The challenge's hashtag, e.g. #66DaysOfK8s. */
  hashtag: string;
  /** The current attempt's day: 1 on its first date, at most goalDays. */
  day: number;
  goalDays: number;
  currentStreak: number;
  longestStreak: number;
  status: AttemptCalendar["status"];
}

/** A learner's current attempt as a calendar, with whose it is. */
export interface LearnerCalendar {
  handle: string;
  calendar: AttemptCalendar;
}

/** The card of a calendar's learner. */
export function cardOf(handle: string, displayName: string, c: AttemptCalendar): PublicCard {
  return {
    handle,
    displayName,
    hashtag: c.hashtag,
    day: c.currentDay,
    goalDays: c.goalDays,
    currentStreak: c.currentStreak,
    longestStreak: c.longestStreak,
    status: c.status,
  };
}

/** The public profiles service. */
export interface ProfilesService {
  /** The current attempt of a public learner with their card; null when unknown or private. */
  calendar(handle: string): Promise<(LearnerCalendar & { card: PublicCard }) | null>;
  /** The public card of `handle`; null when unknown or private (transports answer 404 or null alike). */
  card(handle: string): Promise<PublicCard | null>;
}

/** Creates the public profiles service. */
export function createProfilesService(learners: LearnersService, progress: ProgressService): ProfilesService {
  /** The current attempt of a public learner with their card; null when unknown or private. */
  async function calendar(handle: string): Promise<(LearnerCalendar & { card: PublicCard }) | null> {
    const found = await learners.publicLearner(handle);
    if (!found) return null;
    const c = await progress.calendar(found.viewer);
    return { handle: found.viewer.handle, calendar: c, card: cardOf(found.viewer.handle, found.displayName, c) };
  }

  return {
    calendar,
    /** The public card of `handle`; null when unknown or private (transports answer 404 or null alike). */
    async card(handle: string): Promise<PublicCard | null> {
      return (await calendar(handle))?.card ?? null;
    },
  };
}
