/**
 * zod schemas of the progress endpoints (REST validation and OpenAPI).
 */
import { z } from "../../rest/openapiZod.ts";
import { conceptSlugRule, isConceptSlug, limits } from "./progressLimits.ts";
import { DateStatusSchema, FreezeCountSchema, FreezePolicySchema } from "./streak.schemas.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date yyyy-mm-dd");
/** Status of a lesson for a learner. */
export const LessonStatusSchema = z.enum(["NOT_STARTED", "IN_PROGRESS", "DONE", "SKIPPED"]);

/** A learner's progress on one lesson. */
export const ProgressSchema = z
  .object({
    challengeSlug: z.string(),
    day: z.number().int(),
    status: LessonStatusSchema,
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    note: z.string().nullable().openapi({ description: "Markdown, private" }),
    confidence: z.number().int().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi("LessonProgress");

/** Body of PUT /me/progress/{day}. */
export const ProgressBody = z
  .object({
    status: LessonStatusSchema.optional(),
    note: z.string().max(limits.noteChars).nullable().optional(),
    confidence: z.number().int().min(1).max(5).nullable().optional(),
  })
  .openapi("SetLessonProgress");

/** One date of the daily log, with whether and why it counts. */
export const LogEntrySchema = z
  .object({
    date: isoDate,
    timezone: z.string(),
    minutes: z.number().int(),
    learned: z.string(),
    days: z.array(z.number().int()),
    concepts: z.array(z.string()),
    counted: z.boolean().openapi({ description: "The date counts for the current attempt (countedReason is COUNTED)" }),
    countedReason: DateStatusSchema.openapi({
      description:
        "Why the date counts or not — one of the DateStatus values: COUNTED, BELOW_MINIMUM (minutes under the daily minimum; today, more minutes can still make it count) or BEFORE_ENROLMENT (dated before the current attempt's start and logged after enrolling: it counts for no attempt)",
      example: "COUNTED",
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("LogEntry");

/** A concept a log entry names: the one concept-slug rule of progressLimits.ts (the service checks the same). */
export const ConceptSlugSchema = z.string().max(limits.conceptSlugChars).refine(isConceptSlug, `must be ${conceptSlugRule}`);

/** Body of PUT /me/log/{date}. */
export const LogBody = z
  .object({
    minutes: z.number().int().min(0).max(limits.maxMinutes).openapi({ example: 20 }),
    learned: z
      .string()
      .max(limits.learnedChars)
      .default("")
      .openapi({ description: `What you learned (≤ ${limits.learnedChars} characters); may be empty or left out`, example: "How a Service selects its Pods" }),
    days: z
      .array(z.number().int().min(1))
      .max(limits.listItems)
      .optional()
      .openapi({ example: [14] }),
    concepts: z
      .array(ConceptSlugSchema)
      .max(limits.listItems)
      .optional()
      .openapi({ description: `Concepts touched, each ${conceptSlugRule}; stored in lower case`, example: ["service"] }),
  })
  .openapi("LogDay");

/** An attempt at a challenge. */
export const EnrollmentSchema = z
  .object({
    id: z.string(),
    challengeSlug: z.string(),
    startDate: isoDate,
    goalDays: z.number().int(),
    state: z.enum(["ACTIVE", "ENDED"]),
    endedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Enrollment");

/** Body of POST /me/enrollments. */
export const EnrolBody = z
  .object({
    challengeSlug: z.string().max(100).optional(),
    goalDays: z.number().int().min(1).max(366).optional(),
  })
  .openapi("Enrol");

/** How well the viewer knows one concept, from the lessons done. */
export const MasterySchema = z
  .object({
    concept: z.string(),
    name: z.string(),
    mastery: z.number(),
    daysDone: z.number().int(),
    daysTotal: z.number().int(),
  })
  .openapi("ConceptMastery");

/** The viewer's streaks, counts and next lesson. */
export const StatsSchema = z
  .object({
    challengeSlug: z.string(),
    enrollment: EnrollmentSchema.nullable(),
    today: isoDate,
    currentStreak: z.number().int(),
    longestStreak: z.number().int(),
    daysLogged: z.number().int(),
    missedDates: z.array(isoDate),
    percentComplete: z.number(),
    status: z.enum(["ON_TRACK", "BROKEN", "COMPLETED"]),
    goalDays: z.number().int(),
    minMinutesPerDay: z.number().int(),
    lastLoggedDate: isoDate.nullable(),
    heatmap: z
      .array(z.object({ date: isoDate, minutes: z.number().int(), counted: z.boolean(), status: DateStatusSchema }))
      .openapi({ description: "One cell per logged date of the attempt and per date a freeze covered" }),
    freezes: FreezeCountSchema,
    freezePolicy: FreezePolicySchema,
    nextLesson: z.object({ day: z.number().int(), title: z.string().nullable(), path: z.string() }).nullable(),
  })
  .openapi("Stats");

/** A share post for one logged date. */
export const ShareSchema = z
  .object({
    date: isoDate,
    dayNumber: z.number().int().openapi({
      description: 'Day of the attempt the date is (1 = its start date); 0 for a date that belongs to no attempt (the text then says "Getting ready for …")',
    }),
    text: z.string(),
    short: z.string(),
    maxLength: z.number().int(),
  })
  .openapi("SharePost");

export { isoDate };
