/**
 * REST endpoint of the streak explanation: GET /me/streak.
 */
import { requireViewer } from "../../http/auth.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { StreakExplanationSchema } from "./streak.schemas.ts";

/** Registers GET /me/streak. */
export function streakRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get",
    path: "/me/streak",
    summary: "The streak explained date by date",
    tags: ["progress"],
    auth: true,
    cache: "private",
    description:
      "Every date of the current attempt in the learner's zone with its status (COUNTED, BELOW_MINIMUM, MISSED, FROZEN, OPEN, BEFORE_ENROLMENT) " +
      "and the reason in words; the first miss (when and why the attempt broke); the deadline for today, local and UTC; freezes earned, used and banked.",
    response: { schema: StreakExplanationSchema, description: "The explanation" },
    handler: ({ res }) => services.progress.streak(requireViewer(res)),
  });
}
