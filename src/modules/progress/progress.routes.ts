/**
 * REST endpoints of private progress: /me/progress, /me/mastery, /me/log, /me/stats,
 * /me/share, /me/enrollments. Handlers parse, call the progress service, shape output.
 */
import { z } from "../../rest/openapiZod.ts";
import { requireViewer } from "../../http/auth.ts";
import { route, type RestApi } from "../../rest/route.ts";
import { MAX_PAGE_SIZE } from "../content/pagination.ts";
import { fetchPage, pageParams, pageSchema, sendPage, servicePage } from "../../rest/pagination.ts";
import type { Services } from "../../services.ts";
import {
  EnrolBody,
  EnrollmentSchema,
  LessonStatusSchema,
  LogBody,
  LogEntrySchema,
  MasterySchema,
  ProgressBody,
  ProgressSchema,
  ShareSchema,
  StatsSchema,
  isoDate,
} from "./progress.schemas.ts";

/**
 * `limit` and `cursor`, as every REST list takes them. Old pages answered a bare date (log) or
 * day number (progress) as `next`; the service still reads those cursors for one release.
 */
const listQuery = z.object(pageParams);

const dayParam = z.object({ day: z.coerce.number().int().min(1).max(1000).openapi({ example: 14 }) });
const dateParam = z.object({ date: isoDate.openapi({ example: "2026-03-01" }) });

/** Registers the REST endpoints of the viewer's progress, log, enrolments, stats and share posts. */
export function progressRoutes(api: RestApi, services: Services): void {
  const { progress } = services;

  route(api, {
    method: "get",
    path: "/me/progress",
    summary: "The learner's lesson progress",
    tags: ["progress"],
    auth: true,
    cache: "private",
    query: listQuery.extend({ status: LessonStatusSchema.optional() }),
    paginated: true,
    response: { schema: pageSchema(ProgressSchema, "LessonProgressPage", "lesson progress by day number"), description: "Recorded progress by day number" },
    handler: async ({ query, req, res }) => {
      const viewer = requireViewer(res);
      const page = await fetchPage(() => progress.listProgress(viewer, { ...servicePage(query), status: query.status }));
      return sendPage(req, res, page, (item) => item);
    },
  });

  route(api, {
    method: "get",
    path: "/me/progress/{day}",
    summary: "Progress on one lesson",
    tags: ["progress"],
    auth: true,
    cache: "private",
    params: dayParam,
    errors: [404],
    response: { schema: ProgressSchema, description: "NOT_STARTED when nothing was recorded" },
    handler: ({ params, res }) => progress.getProgress(requireViewer(res), params.day),
  });

  route(api, {
    method: "put",
    path: "/me/progress/{day}",
    summary: "Set status, note or confidence of a lesson",
    tags: ["progress"],
    auth: true,
    cache: "private",
    description: "startedAt is set on the first move to IN_PROGRESS or DONE, completedAt on the move to DONE; NOT_STARTED clears both.",
    params: dayParam,
    body: ProgressBody,
    errors: [404, 415],
    response: { schema: ProgressSchema, description: "The progress" },
    handler: ({ params, body, res }) => progress.setProgress(requireViewer(res), params.day, body),
  });

  route(api, {
    method: "get",
    path: "/me/mastery",
    summary: "Concept mastery from the lessons done",
    tags: ["progress"],
    auth: true,
    cache: "private",
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(MAX_PAGE_SIZE)
        .optional()
        .openapi({ description: `How many concepts, 1–${MAX_PAGE_SIZE} (default all, at most ${MAX_PAGE_SIZE})` }),
    }),
    response: { schema: z.object({ items: z.array(MasterySchema) }), description: "Concepts, best known first" },
    handler: async ({ query, res }) => ({ items: await progress.mastery(requireViewer(res), query) }),
  });

  route(api, {
    method: "get",
    path: "/me/log",
    summary: "The learner's daily log, newest first",
    tags: ["log"],
    auth: true,
    cache: "private",
    query: listQuery.extend({ from: isoDate.optional(), to: isoDate.optional() }),
    paginated: true,
    response: { schema: pageSchema(LogEntrySchema, "LogEntryPage", "log entries, newest first"), description: "Log entries" },
    handler: async ({ query, req, res }) => {
      const viewer = requireViewer(res);
      const page = await fetchPage(() => progress.listLog(viewer, { ...servicePage(query), from: query.from, to: query.to }));
      return sendPage(req, res, page, (item) => item);
    },
  });

  route(api, {
    method: "get",
    path: "/me/log/{date}",
    summary: "The log entry of one date",
    tags: ["log"],
    auth: true,
    cache: "private",
    params: dateParam,
    errors: [404],
    response: { schema: LogEntrySchema, description: "The entry" },
    handler: ({ params, res }) => progress.getLog(requireViewer(res), params.date),
  });

  route(api, {
    method: "put",
    path: "/me/log/{date}",
    summary: "Log a date (idempotent upsert)",
    tags: ["log"],
    auth: true,
    cache: "private",
    description:
      "One entry per calendar date in the learner's time zone. Future dates and dates older than the grace period (LOG_GRACE_DAYS, default 1 = yesterday) are rejected with 422. Minutes below the challenge minimum are stored but not counted.",
    params: dateParam,
    body: LogBody,
    errors: [415],
    response: { schema: LogEntrySchema, description: "The entry" },
    handler: ({ params, body, res }) => progress.logDay(requireViewer(res), params.date, body),
  });

  route(api, {
    method: "get",
    path: "/me/stats",
    summary: "Streaks, status, heatmap and next lesson",
    tags: ["progress"],
    auth: true,
    cache: "private",
    query: z.object({ path: z.string().max(100).optional().openapi({ description: "chronological (default) or a learning path name, e.g. suggested" }) }),
    errors: [404],
    response: { schema: StatsSchema, description: "Stats of the current attempt" },
    handler: ({ query, res }) => progress.stats(requireViewer(res), query),
  });

  route(api, {
    method: "get",
    path: "/me/share/{date}",
    summary: "The post to share for a logged date",
    tags: ["log"],
    auth: true,
    cache: "private",
    params: dateParam,
    query: z.object({ maxLength: z.coerce.number().int().min(80).max(5000).optional() }),
    errors: [404],
    response: { schema: ShareSchema, description: "Full text and a short form (≤ maxLength, default 280)" },
    handler: ({ params, query, res }) => progress.share(requireViewer(res), params.date, query),
  });

  route(api, {
    method: "get",
    path: "/me/enrollments",
    summary: "All attempts, newest first",
    tags: ["progress"],
    auth: true,
    cache: "private",
    response: { schema: z.object({ items: z.array(EnrollmentSchema) }), description: "Enrolments" },
    handler: async ({ res }) => ({ items: await progress.enrollments(requireViewer(res)) }),
  });

  route(api, {
    method: "post",
    path: "/me/enrollments",
    summary: "Enrol or restart (a new attempt from today)",
    tags: ["progress"],
    auth: true,
    cache: "private",
    description: "Ends the active attempt, which stays in the history with its log, and starts a new one today in the learner's zone.",
    body: EnrolBody,
    errors: [404, 415],
    response: { status: 201, schema: EnrollmentSchema, description: "The new attempt" },
    handler: async ({ body, res }) => {
      const e = await progress.enrol(requireViewer(res), body);
      res.location("/api/v1/me/enrollments");
      return e;
    },
  });
}
