/**
 * GET /me/export: all the learner's data as JSON (the default), or as CSV, a
 * Markdown journal or an ICS calendar — chosen by `?format=` or by `Accept`.
 */
import { z } from "../../../rest/openapiZod.ts";
import { AppError } from "../../../errors.ts";
import { requireViewer } from "../../../http/auth.ts";
import { publicBase } from "../../../http/publicBase.ts";
import { route, type RestApi } from "../../../rest/route.ts";
import type { Services } from "../../../services.ts";
import { LearnerSchema, TokenSchema } from "../../learners/learners.schemas.ts";
import { EnrollmentSchema, LogEntrySchema, ProgressSchema } from "../progress.schemas.ts";
import { ReviewExportSchema } from "../../review/review.schemas.ts";
import { exportMediaTypes, type ExportFormat } from "./export.service.ts";

const formats = Object.keys(exportMediaTypes) as ExportFormat[];

/** The JSON export of everything a learner stored. */
export const ExportSchema = z
  .object({
    exportedAt: z.string(),
    learner: LearnerSchema,
    tokens: z.array(TokenSchema.extend({ revokedAt: z.string().nullable() })),
    enrollments: z.array(EnrollmentSchema),
    progress: z.array(ProgressSchema),
    log: z.array(LogEntrySchema),
    review: ReviewExportSchema.openapi({ description: "Spaced-review cards (with their schedule) and every review" }),
  })
  .openapi("Export");

const ExportQuery = z.object({
  format: z
    .enum(formats as [ExportFormat, ...ExportFormat[]])
    .optional()
    .openapi({ description: "json (default), csv, md or ics; overrides Accept" }),
  kind: z.enum(["log", "progress"]).optional().openapi({ description: "With csv: which table (default log)" }),
  remindAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a local time HH:MM")
    .optional()
    .openapi({ description: "With ics: add a daily reminder with an alarm at this local time (HH:MM) in the learner's zone", example: "19:30" }),
});

/** The export format of a request: `?format=`, else the best of Accept (JSON first). */
function chosenFormat(req: import("express").Request, format: ExportFormat | undefined): ExportFormat {
  if (format) {
    if (!req.accepts(exportMediaTypes[format]))
      throw new AppError("NOT_ACCEPTABLE", `format=${format} is ${exportMediaTypes[format]}, which Accept does not allow`);
    return format;
  }
  const type = req.accepts(formats.map((f) => exportMediaTypes[f]));
  return formats.find((f) => exportMediaTypes[f] === type) ?? "json";
}

/** Registers GET /me/export (JSON, CSV, Markdown or ICS). */
export function exportRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get",
    path: "/me/export",
    summary: "All the learner's data: JSON, CSV, Markdown journal or ICS calendar",
    tags: ["learners"],
    auth: true,
    cache: "private",
    description:
      "JSON by default (profile, tokens without secrets, enrolments, progress, log, review cards and reviews). `?format=csv` (or `Accept: text/csv`) answers one RFC 4180 table: " +
      "`kind=log` (default) or `kind=progress`. `?format=md` (`text/markdown`): a journal, one section per logged date with minutes, what was learned, " +
      "lessons and concepts touched and the share text. `?format=ics` (`text/calendar`): one all-day event per logged date; `remindAt=HH:MM` adds a daily " +
      "reminder with an alarm at that local time in the learner's zone (TZID + VTIMEZONE) for the dates left in the attempt.",
    query: ExportQuery,
    response: {
      schema: ExportSchema,
      description: "Profile, tokens (no secrets), enrolments, progress and log; or the same data as CSV, Markdown or iCalendar",
      alternatives: [
        {
          contentType: "text/csv",
          schema: z.string().openapi({
            description: "RFC 4180 CSV with a header row",
            example: "date,timezone,minutes,counted,countedReason,learned,days,concepts,createdAt,updatedAt\r\n",
          }),
        },
        { contentType: "text/markdown", schema: z.string().openapi({ description: "The journal", example: "# #66DaysOfK8s journal of Ada (@ada)\n" }) },
        { contentType: "text/calendar", schema: z.string().openapi({ description: "RFC 5545 iCalendar", example: "BEGIN:VCALENDAR\r\n" }) },
      ],
    },
    handler: async ({ query, req, res }) => {
      const viewer = requireViewer(res);
      const format = chosenFormat(req, query.format);
      if (query.kind && format !== "csv")
        throw new AppError("BAD_REQUEST", "kind applies to format=csv only", { issues: [{ path: ["kind"], message: "only with format=csv" }] });
      if (query.remindAt && format !== "ics")
        throw new AppError("BAD_REQUEST", "remindAt applies to format=ics only", { issues: [{ path: ["remindAt"], message: "only with format=ics" }] });
      if (format === "json") return { ...(await services.progress.exportAll(viewer)), review: await services.review.exportAll(viewer) };
      const out = await services.exports.render(viewer, format, {
        kind: query.kind,
        remindAt: query.remindAt,
        base: publicBase(req, services.deps.config.PUBLIC_URL),
      });
      res.set("Content-Type", out.contentType).set("Content-Disposition", `attachment; filename="${out.filename}"`).status(200).send(out.body);
      return undefined;
    },
  });
}
