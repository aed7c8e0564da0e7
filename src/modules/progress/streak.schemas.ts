/**
 * zod schemas of the streak explanation and freezes (REST validation, OpenAPI, MCP output).
 */
import { z } from "../../rest/openapiZod.ts";
import { dateStatuses } from "./attemptDates.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date yyyy-mm-dd");

/** Status of one date of an attempt. */
export const DateStatusSchema = z.enum(dateStatuses as [string, ...string[]]).openapi("DateStatus", {
  description:
    "COUNTED, BELOW_MINIMUM (over, under the daily minimum: missed), MISSED (over, nothing logged), FROZEN (a missed date covered by a streak freeze), OPEN (today, not counted yet), BEFORE_ENROLMENT (logged after enrolling but dated before the attempt's start)",
});

/** A challenge's streak-freeze rule. */
export const FreezePolicySchema = z
  .object({
    everyCountedDays: z.number().int().openapi({ description: "One freeze per this many counted dates; 0 = no freezes" }),
    maxBanked: z.number().int().openapi({ description: "Most freezes kept at once; 0 = no freezes" }),
  })
  .openapi("FreezePolicy");

/** Freezes earned, used and banked. */
export const FreezeCountSchema = z
  .object({
    earned: z.number().int().openapi({ description: "Freezes put in the bank this attempt" }),
    used: z.number().int().openapi({ description: "Freezes spent on missed dates" }),
    banked: z.number().int().openapi({ description: "Freezes in the bank now" }),
  })
  .openapi("FreezeCount");

const ZonedInstantSchema = z
  .object({
    local: z.string().openapi({ description: "Local ISO 8601 time with offset", example: "2026-03-11T00:00:00-07:00" }),
    utc: z.string().openapi({ description: "The same instant in UTC", example: "2026-03-11T07:00:00.000Z" }),
  })
  .openapi("ZonedInstant");

/** The current attempt explained: every date with its status and reason, the break, and today's deadline. */
export const StreakExplanationSchema = z
  .object({
    today: isoDate,
    timezone: z.string(),
    startDate: isoDate,
    goalDays: z.number().int(),
    minMinutesPerDay: z.number().int(),
    currentStreak: z.number().int(),
    longestStreak: z.number().int(),
    status: z.enum(["ON_TRACK", "BROKEN", "COMPLETED"]),
    freezePolicy: FreezePolicySchema,
    freezes: FreezeCountSchema,
    dates: z.array(
      z
        .object({
          date: isoDate,
          status: DateStatusSchema,
          minutes: z.number().int().nullable(),
          timezone: z.string().nullable(),
          streak: z.number().int().openapi({ description: "The streak at the end of this date" }),
          freezesBanked: z.number().int(),
          reason: z.string(),
        })
        .openapi("ExplainedDate"),
    ),
    broke: z
      .object({
        date: isoDate,
        status: z.enum(["MISSED", "BELOW_MINIMUM"]),
        streakBefore: z.number().int(),
        reason: z.string(),
      })
      .nullable()
      .openapi({ description: "The first miss of the attempt, or null" }),
    deadline: z.object({
      date: isoDate,
      timezone: z.string(),
      counted: z.boolean(),
      endsAt: ZonedInstantSchema.openapi({ description: "Log before this, or the date is missed" }),
      lateUntil: ZonedInstantSchema.openapi({ description: "The date can still be logged late until this (LOG_GRACE_DAYS), repairing the streak" }),
    }),
    summary: z.string(),
  })
  .openapi("StreakExplanation");
