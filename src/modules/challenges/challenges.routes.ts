/** REST endpoints of challenges: GET /challenges and /challenges/{slug}. Public content. */
import { z } from "../../rest/openapiZod.ts";
import { notFound } from "../../errors.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";

const ChallengeSchema = z
  .object({
    slug: z.string().openapi({ example: "66daysofk8s" }),
    name: z.string().openapi({ example: "#66DaysOfK8s" }),
    hashtag: z.string().openapi({ example: "#66DaysOfK8s" }),
    hashtags: z.array(z.string()).openapi({ description: "Extra hashtags used when sharing", example: ["#kubernetes"] }),
    description: z.string(),
    totalDays: z.number().int().openapi({ example: 66 }),
    minMinutesPerDay: z.number().int().openapi({ description: "Least learning time that counts as a day", example: 5 }),
    sourceUrl: z.string().nullable().openapi({ description: "Where the lessons come from" }),
    dayCount: z.number().int().openapi({ description: "Lessons stored for it", example: 66 }),
    links: z
      .object({ self: z.string(), days: z.string() })
      .openapi({ example: { self: "/api/v1/challenges/66daysofk8s", days: "/api/v1/days?challenge=66daysofk8s" } }),
  })
  .openapi("Challenge", { description: "A learning challenge" });

type Challenge = Awaited<ReturnType<Services["challengeList"]["list"]>>[number];
const toJson = (c: Challenge): z.input<typeof ChallengeSchema> => ({
  ...c,
  links: { self: `/api/v1/challenges/${encodeURIComponent(c.slug)}`, days: `/api/v1/days?challenge=${encodeURIComponent(c.slug)}` },
});

/** Registers the challenge endpoints. */
export function challengeRoutes(api: RestApi, services: Services): void {
  route(api, {
    method: "get",
    path: "/challenges",
    summary: "List challenges",
    tags: ["challenges"],
    cache: "public",
    description: "Every challenge, the default one (#66DaysOfK8s) first.",
    response: { schema: z.object({ items: z.array(ChallengeSchema) }).openapi("ChallengeList"), description: "The challenges" },
    handler: async () => ({ items: (await services.challengeList.list()).map(toJson) }),
  });

  route(api, {
    method: "get",
    path: "/challenges/{slug}",
    summary: "One challenge",
    tags: ["challenges"],
    cache: "public",
    params: z.object({ slug: z.string().min(1).max(100).openapi({ example: "66daysofk8s" }) }),
    response: { schema: ChallengeSchema, description: "The challenge" },
    handler: async ({ params }) => {
      const challenge = await services.challengeList.get(params.slug);
      if (!challenge) throw notFound(`Challenge "${params.slug}"`);
      return toJson(challenge);
    },
  });
}
