/**
 * The post to share for a logged date: "Day N of #66DaysOfK8s: …" with the challenge's
 * hashtags (the wording is shareText.ts).
 */
import type { Viewer } from "../learners/learners.types.ts";
import { DEFAULT_CHALLENGE } from "../content/defaultChallenge.ts";
import { daysBetween } from "./calendar.ts";
import type { DailyLogService } from "./dailyLog.ts";
import type { ProgressContext } from "./progressContext.ts";
import { shareText } from "./shareText.ts";
import type { ShareView } from "./progress.types.ts";

/** The share part of the progress service. */
export interface SharePostService {
  /** The post to share for a logged date (day 0, "Getting ready for …", for a date of no attempt). */
  share(viewer: Viewer, date: string, options?: { maxLength?: number | undefined }, slug?: string): Promise<ShareView>;
}

/** Creates the share part on the daily log. */
export function createSharePost({ p, challengeOf }: ProgressContext, log: DailyLogService): SharePostService {
  return {
    /**
     * A date that belongs to no attempt (BEFORE_ENROLMENT, or before any attempt started)
     * is day 0 and reads "Getting ready for #66DaysOfK8s: …" — never "Day 1".
     */
    async share(viewer, date, options = {}, slug = DEFAULT_CHALLENGE) {
      const entry = await log.getLog(viewer, date, slug);
      const c = await challengeOf(slug);
      const enrollment =
        entry.countedReason === "BEFORE_ENROLMENT"
          ? null
          : await p.enrollment.findFirst({
              where: { learnerId: viewer.id, challengeSlug: slug, startDate: { lte: date } },
              orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
            });
      const dayNumber = enrollment ? daysBetween(enrollment.startDate, date) + 1 : 0;
      const post = shareText(
        { dayNumber, hashtag: c.hashtag, hashtags: c.hashtags, learned: entry.learned, minutes: entry.minutes },
        Math.min(Math.max(options.maxLength ?? 280, 80), 5000),
      );
      return { date, dayNumber, ...post };
    },
  };
}
