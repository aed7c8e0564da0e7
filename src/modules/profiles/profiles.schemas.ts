/** REST shapes of public profiles and the mapper to them. */
import { z } from "../../rest/openapiZod.ts";
import type { PublicCard } from "./profiles.service.ts";

/** Where a learner's public pictures are, relative to the API's origin. */
export const profileLinks = (handle: string) => ({
  self: `/api/v1/learners/${encodeURIComponent(handle)}`,
  heatmap: `/api/v1/learners/${encodeURIComponent(handle)}/heatmap.svg`,
  badge: `/api/v1/learners/${encodeURIComponent(handle)}/badge.svg`,
});

/** The public card of a learner. */
export const PublicCardSchema = z
  .object({
    handle: z.string().openapi({ example: "ada" }),
    displayName: z.string().openapi({ example: "Ada" }),
    hashtag: z.string().openapi({ example: "#66DaysOfK8s" }),
    day: z.number().int().openapi({ description: "The current attempt's day: 1 on its first date, at most goalDays", example: 14 }),
    goalDays: z.number().int().openapi({ example: 66 }),
    currentStreak: z.number().int().openapi({ example: 14 }),
    longestStreak: z.number().int().openapi({ example: 14 }),
    status: z.enum(["ON_TRACK", "BROKEN", "COMPLETED"]),
    links: z.object({ self: z.string(), heatmap: z.string(), badge: z.string() }).openapi({ description: "Absolute URLs of the card and its pictures" }),
  })
  .openapi("PublicLearner", { description: "A learner's public card (only learners who set public: true)" });

/** A card with its links absolute on `base`. */
export function toPublicCardJson(card: PublicCard, base: string): z.input<typeof PublicCardSchema> {
  const links = profileLinks(card.handle);
  return { ...card, links: { self: `${base}${links.self}`, heatmap: `${base}${links.heatmap}`, badge: `${base}${links.badge}` } };
}
