/**
 * MCP tool `explain_streak`: the learner's current attempt explained date by date.
 * Offered only when the credentials name a learner; acts for that learner alone.
 */
import { citedText, type Source } from "../../mcp/citedText.ts";
import { defineTool, maxCharsArg, readOnly } from "../../mcp/tool.ts";
import { unauthenticated } from "../../errors.ts";
import { StreakExplanationSchema } from "./streak.schemas.ts";

/** The streak tools (learner only). */
export const streakTools = [
  defineTool({
    name: "explain_streak",
    title: "Explain my streak",
    description:
      "Why the learner's #66DaysOfK8s streak is what it is: every date of the current attempt in their time zone with its status " +
      "(COUNTED, BELOW_MINIMUM, MISSED, FROZEN by a streak freeze, OPEN today, BEFORE_ENROLMENT) and the reason, when and why the attempt broke, " +
      "freezes earned/used/banked, and the deadline (local time and UTC) by which today must be logged. Same data as GET /api/v1/me/streak. " +
      "Use it when the learner asks why their streak reset, whether a day counted, or how long they have left today.",
    input: { maxChars: maxCharsArg },
    output: StreakExplanationSchema.shape,
    annotations: readOnly,
    needsLearner: true,
    async run({ maxChars }, ctx) {
      if (!ctx.viewer) throw unauthenticated("This tool needs a learner's token");
      const e = await ctx.services.progress.streak(ctx.viewer);
      // Newest dates first: they matter most and survive truncation.
      const lines = [...e.dates].reverse().map((d) => `- ${d.date} ${d.status}${d.status === "COUNTED" ? ` (streak ${d.streak})` : ""}: ${d.reason}`);
      const body = [e.summary, "", "Dates, newest first:", ...lines].join("\n");
      const sources: Source[] = [{ title: "Your streak explained (private)", url: ctx.links.path("/api/v1/me/streak") }];
      return { text: citedText(body, sources, maxChars), data: e };
    },
  }),
];
