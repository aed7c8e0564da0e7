/**
 * Enrolments: attempts at a challenge. A new attempt ends the active one, which stays in
 * the history with its log.
 */
import { invalid } from "../../errors.ts";
import type { Viewer } from "../learners/learners.types.ts";
import { DEFAULT_CHALLENGE } from "../content/defaultChallenge.ts";
import { dateIn } from "./calendar.ts";
import { newestAttemptFirst, type ProgressContext } from "./progressContext.ts";
import { enrollmentView, type EnrollmentView } from "./progress.types.ts";

/** The enrolment part of the progress service. */
export interface EnrolmentService {
  /** Starts a new attempt today in the viewer's zone, ending the active one (kept in the history). */
  enrol(viewer: Viewer, input?: { challengeSlug?: string | undefined; goalDays?: number | undefined }): Promise<EnrollmentView>;
  /** All the viewer's attempts, newest first. */
  enrollments(viewer: Viewer): Promise<EnrollmentView[]>;
}

/** Creates the enrolment part. */
export function createEnrolments({ p, clock, challengeOf }: ProgressContext): EnrolmentService {
  return {
    async enrol(viewer, input = {}) {
      const slug = input.challengeSlug ?? DEFAULT_CHALLENGE;
      const c = await challengeOf(slug);
      const goalDays = input.goalDays ?? c.totalDays;
      if (!Number.isInteger(goalDays) || goalDays < 1 || goalDays > 366)
        throw invalid("Invalid enrolment", [{ path: ["goalDays"], message: "an integer from 1 to 366" }]);
      const now = clock.now();
      const row = await p.$transaction(async (tx) => {
        await tx.enrollment.updateMany({ where: { learnerId: viewer.id, challengeSlug: slug, state: "ACTIVE" }, data: { state: "ENDED", endedAt: now } });
        return tx.enrollment.create({ data: { learnerId: viewer.id, challengeSlug: slug, startDate: dateIn(now, viewer.timezone), goalDays, createdAt: now } });
      });
      return enrollmentView(row);
    },

    async enrollments(viewer) {
      const rows = await p.enrollment.findMany({ where: { learnerId: viewer.id }, orderBy: newestAttemptFirst, take: 100 });
      return rows.map(enrollmentView);
    },
  };
}
