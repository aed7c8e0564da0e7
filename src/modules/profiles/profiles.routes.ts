/**
 * REST endpoints of public profiles and learners' pictures:
 *
 * - GET /learners/{handle}: the public card (404 alike for a private or unknown handle);
 * - GET /learners/{handle}/heatmap.svg and /badge.svg: its pictures, public and cacheable
 *   for a few minutes (kept out of the in-memory response cache: they change with the log);
 * - GET /me/heatmap.svg: the token's own heatmap, private, whether public or not.
 */
import { z } from "../../rest/openapiZod.ts";
import { notFound } from "../../errors.ts";
import { requireViewer } from "../../http/auth.ts";
import { publicBase } from "../../http/publicBase.ts";
import { keepOutOfResponseCache } from "../../http/responseCache.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { badgeSvg } from "../pictures/badgeSvg.ts";
import { heatmapSvg } from "../pictures/heatmapSvg.ts";
import { SVG_CONTENT_TYPE, SvgBody, sendSvg } from "../pictures/svgResponse.ts";
import { PublicCardSchema, toPublicCardJson } from "./profiles.schemas.ts";

/** Seconds anyone may reuse a public picture (a new log entry shows within this time). */
export const PICTURE_MAX_AGE = 300;
/** Seconds a learner's browser may reuse their own heatmap. */
export const OWN_PICTURE_MAX_AGE = 60;

const noPublicProfile = (handle: string) => notFound(`Public learner ${JSON.stringify(handle)}`);

const HandleParams = z.object({ handle: z.string().min(1).max(64).openapi({ description: "The learner's handle", example: "ada" }) });

/** Registers the public profile and picture endpoints. */
export function profileRoutes(api: RestApi, services: Services): void {
  const { profiles, progress } = services;
  const { config } = services.deps;

  route(api, {
    method: "get",
    path: "/learners/{handle}",
    summary: "A learner's public card",
    tags: ["learners"],
    cache: "public",
    description:
      "Handle, display name, the current attempt's day and streaks of a learner who set `public: true` (PATCH /me), with the URLs of their heatmap and badge. A private profile and an unknown handle are the same 404.",
    params: HandleParams,
    response: { schema: PublicCardSchema, description: "The public card" },
    handler: async ({ params, req, res }) => {
      const card = await profiles.card(params.handle);
      if (!card) throw noPublicProfile(params.handle);
      keepOutOfResponseCache(res);
      return toPublicCardJson(card, publicBase(req, config.PUBLIC_URL));
    },
  });

  route(api, {
    method: "get",
    path: "/learners/{handle}/heatmap.svg",
    summary: "A public learner's heatmap (SVG)",
    tags: ["learners", "pictures"],
    cache: "public",
    description: `The current attempt's dates as a calendar grid (weeks as columns, weekdays as rows, Monday first): counted dates filled and shaded by minutes, dates below the minimum hatched, missed ones crossed out, today outlined with dashes, upcoming ones empty; a tooltip per date. \`Cache-Control: public, max-age=${PICTURE_MAX_AGE}\`, strong ETag. 404 for a private or unknown handle.`,
    params: HandleParams,
    response: { schema: SvgBody, description: "The heatmap", contentType: SVG_CONTENT_TYPE },
    handler: async ({ params, req, res }) => {
      const found = await profiles.calendar(params.handle);
      if (!found) throw noPublicProfile(params.handle);
      const { handle, calendar } = found;
      sendSvg(req, res, heatmapSvg({ handle, calendar }), { scope: "public", maxAge: PICTURE_MAX_AGE, learnerData: true });
      return undefined;
    },
  });

  route(api, {
    method: "get",
    path: "/learners/{handle}/badge.svg",
    summary: "A public learner's badge (SVG)",
    tags: ["learners", "pictures"],
    cache: "public",
    description: `A shields-style badge, "#66DaysOfK8s | day 14 · streak 14", for a README: \`![#66DaysOfK8s](https://<host>/api/v1/learners/<handle>/badge.svg)\`. \`Cache-Control: public, max-age=${PICTURE_MAX_AGE}\`, strong ETag. 404 for a private or unknown handle.`,
    params: HandleParams,
    response: { schema: SvgBody, description: "The badge", contentType: SVG_CONTENT_TYPE },
    handler: async ({ params, req, res }) => {
      const card = await profiles.card(params.handle);
      if (!card) throw noPublicProfile(params.handle);
      sendSvg(req, res, badgeSvg({ ...card, currentDay: card.day }), { scope: "public", maxAge: PICTURE_MAX_AGE, learnerData: true });
      return undefined;
    },
  });

  route(api, {
    method: "get",
    path: "/me/heatmap.svg",
    summary: "The learner's own heatmap (SVG)",
    tags: ["progress", "pictures"],
    auth: true,
    cache: "private",
    description: `The same picture as /learners/{handle}/heatmap.svg for the token's learner, public profile or not. \`Cache-Control: private, max-age=${OWN_PICTURE_MAX_AGE}\`, strong ETag.`,
    response: { schema: SvgBody, description: "The heatmap", contentType: SVG_CONTENT_TYPE },
    handler: async ({ req, res }) => {
      const viewer = requireViewer(res);
      sendSvg(req, res, heatmapSvg({ handle: viewer.handle, calendar: await progress.calendar(viewer) }), { scope: "private", maxAge: OWN_PICTURE_MAX_AGE });
      return undefined;
    },
  });
}
