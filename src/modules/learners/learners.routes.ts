/**
 * REST endpoints of learners and tokens: POST /learners, /me, /me/tokens (the export is in progress/export/).
 * All private: `Cache-Control: private, no-store` and `Vary: Authorization` (set in rest/router.ts, errors included).
 */
import { z } from "zod";
import { requireViewer } from "../../http/auth.ts";
import { route, type RestApi } from "../../rest/route.ts";
import type { Services } from "../../services.ts";
import { CreatedTokenSchema, LearnerSchema, RegisterBody, TokenBody, TokenSchema, UpdateMeBody } from "./learners.schemas.ts";

export function learnerRoutes(api: RestApi, services: Services): void {
  const { learners } = services;
  route(api, {
    method: "post", path: "/learners", summary: "Register a learner", tags: ["learners"], cache: "private",
    description: "Registers a learner, enrols them in #66DaysOfK8s starting today in their time zone and returns their first token (shown only here). 403 when registration is closed.",
    body: RegisterBody,
    response: {
      status: 201,
      schema: z.object({
        learner: LearnerSchema,
        token: z.string().openapi({ description: "The secret bearer token; shown only in this response", example: "k8sd_…" }),
        tokenInfo: CreatedTokenSchema.omit({ token: true }).openapi({ description: "The token's id, name and prefix (as GET /me/tokens lists it)" }),
      }),
      description: "The learner and their first token",
    },
    errors: [403, 409, 415],
    handler: async ({ body, res }) => {
      const { learner, token: { token, ...tokenInfo } } = await learners.register(body);
      res.location("/api/v1/me");
      return { learner, token, tokenInfo };
    },
  });

  route(api, {
    method: "get", path: "/me", summary: "The authenticated learner", tags: ["learners"], auth: true, cache: "private",
    response: { schema: LearnerSchema, description: "The learner" },
    handler: ({ res }) => learners.me(requireViewer(res)),
  });

  route(api, {
    method: "patch", path: "/me", summary: "Change display name or time zone", tags: ["learners"], auth: true, cache: "private",
    description: "A new time zone applies from now on; dates already logged keep the zone they were logged in.",
    body: UpdateMeBody, errors: [415],
    response: { schema: LearnerSchema, description: "The learner" },
    handler: ({ body, res }) => learners.updateMe(requireViewer(res), body),
  });

  route(api, {
    method: "delete", path: "/me", summary: "Delete the learner and all their data", tags: ["learners"], auth: true, cache: "private",
    response: { status: 204, schema: z.undefined(), description: "Deleted" },
    handler: async ({ res }) => { await learners.deleteMe(requireViewer(res)); return undefined; },
  });

  route(api, {
    method: "post", path: "/me/tokens", summary: "Create a personal access token", tags: ["tokens"], auth: true, cache: "private",
    body: TokenBody, errors: [415],
    response: { status: 201, schema: CreatedTokenSchema, description: "The token; its secret is shown only here" },
    handler: async ({ body, res }) => {
      const created = await learners.createToken(requireViewer(res), body.name);
      res.location("/api/v1/me/tokens");
      return created;
    },
  });

  route(api, {
    method: "get", path: "/me/tokens", summary: "The learner's live tokens, without secrets", tags: ["tokens"], auth: true, cache: "private",
    response: { schema: z.object({ items: z.array(TokenSchema), next: z.null() }), description: "Tokens, newest first (at most 100)" },
    handler: async ({ res }) => ({ items: await learners.listTokens(requireViewer(res)), next: null }),
  });

  route(api, {
    method: "delete", path: "/me/tokens/{id}", summary: "Revoke a token", tags: ["tokens"], auth: true, cache: "private",
    params: z.object({ id: z.string().max(100) }), errors: [404],
    response: { status: 204, schema: z.undefined(), description: "Revoked" },
    handler: async ({ params, res }) => { await learners.revokeToken(requireViewer(res), params.id); return undefined; },
  });
}
