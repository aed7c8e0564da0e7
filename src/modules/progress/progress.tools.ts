/**
 * MCP tools over the caller's own progress: `my_stats`, `my_progress`,
 * `log_today`, `mark_lesson` and `share_post`. They are offered only when the
 * credentials name a learner, and act for that learner alone: no tool takes a
 * learner, handle or id as an argument.
 */
import { z } from "zod";
import { unauthenticated } from "../../errors.ts";
import { citedText, type Source } from "../../mcp/citedText.ts";
import { defineTool, maxCharsArg, readOnly, type ToolContext } from "../../mcp/tool.ts";
import { dayNumberArg } from "../days/days.tools.ts";
import type { Viewer } from "../learners/learners.types.ts";
import { limits } from "./progressLimits.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../content/pagination.ts";
import type { CountedReason } from "./attemptDates.ts";
import { ConceptSlugSchema, LessonStatusSchema, LogEntrySchema, ProgressSchema, ShareSchema, StatsSchema, isoDate } from "./progress.schemas.ts";

/** The learner of a tool call; UNAUTHENTICATED when the credentials named none. */
function learnerOf(ctx: ToolContext): Viewer {
  if (!ctx.viewer) throw unauthenticated("This tool needs a learner's token");
  return ctx.viewer;
}

const statsSource = (ctx: ToolContext): Source => ({ title: "Your stats (private)", url: ctx.links.path("/api/v1/me/stats") });

/** Why an entry counts or not, in a sentence (countedReason in words). */
function countedWords(reason: CountedReason, minMinutes: number): string {
  if (reason === "COUNTED") return "It counts toward the streak (countedReason COUNTED).";
  if (reason === "BEFORE_ENROLMENT") return "It does not count (countedReason BEFORE_ENROLMENT): it is dated before the current attempt started.";
  return `It does not count yet (countedReason BELOW_MINIMUM): a day counts from ${minMinutes} minutes.`;
}

/** The progress tools (learner only). */
export const progressTools = [
  defineTool({
    name: "my_stats",
    title: "My streak and stats",
    description:
      "The learner's #66DaysOfK8s stats: current and longest streak, days logged, missed dates, percent complete, status " +
      "(ON_TRACK, BROKEN, COMPLETED), today's date in their zone and the next lesson. Same fields as GET /api/v1/me/stats.",
    input: {
      path: z.string().trim().min(1).max(64).optional().describe('Learning path for the next lesson (default "chronological")'),
      maxChars: maxCharsArg,
    },
    output: StatsSchema.shape,
    annotations: readOnly,
    needsLearner: true,
    async run({ path, maxChars }, ctx) {
      const s = await ctx.services.progress.stats(learnerOf(ctx), { path });
      const lines = [
        `Streak: ${s.currentStreak} day${s.currentStreak === 1 ? "" : "s"} (longest ${s.longestStreak}); ${s.daysLogged} of ${s.goalDays} days logged, ${s.percentComplete}% complete; status ${s.status}.`,
        `Today is ${s.today}; last logged ${s.lastLoggedDate ?? "never"}. A day counts from ${s.minMinutesPerDay} minutes.`,
        s.missedDates.length
          ? `Missed: ${s.missedDates.slice(-10).join(", ")}${s.missedDates.length > 10 ? ` (and ${s.missedDates.length - 10} more)` : ""}.`
          : "No missed days.",
        ...(s.freezePolicy.everyCountedDays > 0 && s.freezePolicy.maxBanked > 0
          ? [
              `Streak freezes: ${s.freezes.banked} banked (earned ${s.freezes.earned}, used ${s.freezes.used}; one per ${s.freezePolicy.everyCountedDays} counted dates, at most ${s.freezePolicy.maxBanked}).`,
            ]
          : []),
        s.nextLesson
          ? `Next lesson (${s.nextLesson.path}): Day ${s.nextLesson.day}${s.nextLesson.title ? `: ${s.nextLesson.title}` : ""}.`
          : "Every lesson is done.",
      ];
      const sources: Source[] = [
        statsSource(ctx),
        ...(s.nextLesson ? [{ title: `Day ${s.nextLesson.day} (lesson)`, url: ctx.links.dayMarkdown(s.nextLesson.day) }] : []),
      ];
      return { text: citedText(lines.join("\n"), sources, maxChars), data: s };
    },
  }),

  defineTool({
    name: "my_progress",
    title: "My lesson progress",
    description:
      "The learner's recorded status per lesson (NOT_STARTED, IN_PROGRESS, DONE, SKIPPED) with notes and confidence, by lesson number. " +
      "Paged: pass the returned `next` as `cursor` for more.",
    input: {
      status: LessonStatusSchema.optional().describe("Only lessons with this status"),
      limit: z
        .number()
        .int()
        .min(1, `limit must be 1–${MAX_PAGE_SIZE}`)
        .max(MAX_PAGE_SIZE, `limit must be 1–${MAX_PAGE_SIZE}`)
        .default(DEFAULT_PAGE_SIZE)
        .describe(`How many (default ${DEFAULT_PAGE_SIZE})`),
      cursor: z.string().max(200).optional().describe("The `next` of the previous page"),
      maxChars: maxCharsArg,
    },
    output: { items: z.array(ProgressSchema), next: z.string().nullable() },
    annotations: readOnly,
    needsLearner: true,
    async run({ status, limit, cursor, maxChars }, ctx) {
      const connection = await ctx.services.progress.listProgress(learnerOf(ctx), { status, first: limit, after: cursor ?? null });
      const page = { items: connection.items, next: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null };
      const body = page.items.length
        ? [
            "Your lessons:",
            "",
            ...page.items.map(
              (p) =>
                `- Day ${p.day}: ${p.status}${p.confidence ? `, confidence ${p.confidence}/5` : ""}${p.note ? ` (note: ${p.note.replace(/\s+/g, " ").slice(0, 120)})` : ""}`,
            ),
            ...(page.next ? ["", `More: call my_progress with cursor "${page.next}".`] : []),
          ].join("\n")
        : `No lesson progress recorded${status ? ` with status ${status}` : ""} yet.`;
      const sources: Source[] = [{ title: "Your progress (private)", url: ctx.links.path("/api/v1/me/progress") }];
      return { text: citedText(body, sources, maxChars), data: page };
    },
  }),

  defineTool({
    name: "log_today",
    title: "Log today's learning",
    description:
      "Records that the learner studied today (the date in their own time zone): minutes and what they learned, optionally the lessons " +
      "and concepts touched. Calling it again today replaces today's entry (idempotent), so send the full day's total. A day counts toward " +
      "the streak from the challenge's daily minimum (5 minutes). Returns the entry and the updated streak.",
    input: {
      minutes: z
        .number()
        .int("minutes must be a whole number")
        .min(0, "minutes must be 0 or more")
        .max(limits.maxMinutes, `minutes must be at most ${limits.maxMinutes}`)
        .describe("Minutes studied today"),
      learned: z
        .string()
        .trim()
        .max(limits.learnedChars, `learned must be at most ${limits.learnedChars} characters`)
        .default("")
        .describe("What was learned, in a sentence or two (may be left out)"),
      days: z.array(dayNumberArg).max(limits.listItems).optional().describe("Lesson numbers studied"),
      concepts: z.array(ConceptSlugSchema).max(limits.listItems).optional().describe("Concept slugs studied"),
    },
    output: { entry: LogEntrySchema, currentStreak: z.number().int(), longestStreak: z.number().int() },
    annotations: { readOnlyHint: false, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    needsLearner: true,
    async run({ minutes, learned, days, concepts }, ctx) {
      const viewer = learnerOf(ctx);
      const today = ctx.services.progress.today(viewer);
      const entry = await ctx.services.progress.logDay(viewer, today, { minutes, learned, days, concepts });
      const s = await ctx.services.progress.stats(viewer);
      const body = [
        `Logged ${entry.date} (${entry.timezone}): ${entry.minutes} minutes${entry.learned ? ` — ${entry.learned}` : ""}`,
        countedWords(entry.countedReason, s.minMinutesPerDay),
        `Current streak: ${s.currentStreak} (longest ${s.longestStreak}).`,
      ].join("\n");
      const sources: Source[] = [{ title: `Your log for ${entry.date} (private)`, url: ctx.links.path(`/api/v1/me/log/${entry.date}`) }, statsSource(ctx)];
      return { text: citedText(body, sources), data: { entry, currentStreak: s.currentStreak, longestStreak: s.longestStreak } };
    },
  }),

  defineTool({
    name: "mark_lesson",
    title: "Mark a lesson's status",
    description:
      "Sets the learner's status of one lesson: NOT_STARTED, IN_PROGRESS, DONE or SKIPPED, optionally with a private note and a " +
      "confidence from 1 to 5. Setting the same values again changes nothing (idempotent).",
    input: {
      day: dayNumberArg.describe("The lesson number"),
      status: LessonStatusSchema.describe("NOT_STARTED, IN_PROGRESS, DONE or SKIPPED"),
      note: z.string().max(limits.noteChars, `note must be at most ${limits.noteChars} characters`).optional().describe("A private note (markdown)"),
      confidence: z
        .number()
        .int()
        .min(1, "confidence must be 1–5")
        .max(5, "confidence must be 1–5")
        .optional()
        .describe("How confident the learner feels, 1–5"),
    },
    output: ProgressSchema.shape,
    annotations: { readOnlyHint: false, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    needsLearner: true,
    async run({ day, status, note, confidence }, ctx) {
      const p = await ctx.services.progress.setProgress(learnerOf(ctx), day, { status, note, confidence });
      const body = `Day ${p.day} is now ${p.status}${p.confidence ? ` (confidence ${p.confidence}/5)` : ""}.`;
      const sources: Source[] = [
        { title: `Day ${p.day} (lesson)`, url: ctx.links.dayMarkdown(p.day) },
        { title: "Your progress (private)", url: ctx.links.path(`/api/v1/me/progress/${p.day}`) },
      ];
      return { text: citedText(body, sources), data: p };
    },
  }),

  defineTool({
    name: "share_post",
    title: "Post to share a logged day",
    description:
      'The #66DaysOfK8s post for a day the learner logged ("Day N of #66DaysOfK8s: …" with hashtags), ready to paste on social media. ' +
      "Defaults to today in the learner's zone. Does not post anything itself.",
    input: {
      date: isoDate.optional().describe("A logged date, yyyy-mm-dd (default: today)"),
      maxLength: z
        .number()
        .int()
        .min(80, "maxLength must be 80–5000")
        .max(5000, "maxLength must be 80–5000")
        .default(280)
        .describe("Longest post allowed (default 280)"),
    },
    output: ShareSchema.shape,
    annotations: readOnly,
    needsLearner: true,
    async run({ date, maxLength }, ctx) {
      const viewer = learnerOf(ctx);
      const d = date ?? ctx.services.progress.today(viewer);
      const post = await ctx.services.progress.share(viewer, d, { maxLength });
      const sources: Source[] = [{ title: `Your log for ${d} (private)`, url: ctx.links.path(`/api/v1/me/log/${d}`) }];
      return {
        text: citedText(
          `Post for ${post.date} (${post.dayNumber ? `day ${post.dayNumber} of the challenge` : "before your attempt started"}):\n\n${post.text}`,
          sources,
        ),
        data: post,
      };
    },
  }),
];
