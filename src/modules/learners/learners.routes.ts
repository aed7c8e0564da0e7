/**
 * REST endpoints of learners and tokens: POST /learners, /me, /me/tokens (the export is in
 * progress/export/), and keeping the account: POST /sessions (recovery code),
 * /me/recovery-code, /me/device-codes and /device-codes/exchange.
 * All private: `Cache-Control: private, no-store` and `Vary: Authorization` (set in rest/router.ts, errors included).
 */
import { z } from "../../rest/openapiZod.ts";
import { requireViewer } from "../../http/auth.ts";
import { route, type RestApi } from "../../rest/route.ts";
import { fetchPage, pageParams, pageSchema, sendPage, servicePage } from "../../rest/pagination.ts";
import type { Services } from "../../services.ts";
import {
  CreatedTokenSchema,
  DeviceCodeSchema,
  ExchangeBody,
  LearnerSchema,
  RecoveryCodeSchema,
  RegisterBody,
  SessionBody,
  TokenBody,
  TokenSchema,
  UpdateMeBody,
} from "./learners.schemas.ts";

const TokenInfoSchema = CreatedTokenSchema.omit({ token: true }).openapi({ description: "The token's id, name and prefix (as GET /me/tokens lists it)" });
const SecretTokenSchema = z.string().openapi({ description: "The secret bearer token; shown only in this response", example: "k8sd_…" });

/** Registers the REST endpoints of learners, sessions, tokens, recovery and device codes. */
export function learnerRoutes(api: RestApi, services: Services): void {
  const { learners } = services;
  route(api, {
    method: "post",
    path: "/learners",
    summary: "Register a learner",
    tags: ["learners"],
    cache: "private",
    description:
      "Registers a learner, enrols them in #66DaysOfK8s starting today in their time zone and returns their first token (shown only here). 403 when registration is closed.",
    body: RegisterBody,
    response: {
      status: 201,
      schema: z.object({ learner: LearnerSchema, token: SecretTokenSchema, tokenInfo: TokenInfoSchema, recoveryCode: RecoveryCodeSchema }),
      description: "The learner, their first token and their recovery code",
    },
    errors: [403, 409, 415],
    handler: async ({ body, res }) => {
      const {
        learner,
        token: { token, ...tokenInfo },
        recoveryCode,
      } = await learners.register(body);
      res.location("/api/v1/me");
      return { learner, token, tokenInfo, recoveryCode };
    },
  });

  route(api, {
    method: "post",
    path: "/sessions",
    summary: "Sign in again with the recovery code",
    tags: ["learners"],
    cache: "private",
    description:
      'For a learner who lost their token: handle + the recovery code last issued give a new token (named "recovery") and a new ' +
      "recovery code; the old code stops working. An unknown handle and a wrong code answer the same 401. Strictly rate-limited.",
    body: SessionBody,
    errors: [415],
    response: {
      status: 201,
      schema: z.object({ learner: LearnerSchema, token: SecretTokenSchema, tokenInfo: TokenInfoSchema, recoveryCode: RecoveryCodeSchema }),
      description: "A new token and a new recovery code",
    },
    handler: async ({ body, res }) => {
      const {
        learner,
        token: { token, ...tokenInfo },
        recoveryCode,
      } = await learners.recover(body);
      res.location("/api/v1/me");
      return { learner, token, tokenInfo, recoveryCode };
    },
  });

  route(api, {
    method: "post",
    path: "/me/recovery-code",
    summary: "Replace the recovery code",
    tags: ["learners"],
    auth: true,
    cache: "private",
    description: "A new recovery code (the previous one stops working): for an account created before recovery codes, or a code that leaked.",
    response: { schema: z.object({ recoveryCode: RecoveryCodeSchema }), description: "The new recovery code, shown only here" },
    handler: async ({ res }) => ({ recoveryCode: await learners.newRecoveryCode(requireViewer(res)) }),
  });

  route(api, {
    method: "post",
    path: "/me/device-codes",
    summary: "A short code to link a new device",
    tags: ["tokens"],
    auth: true,
    cache: "private",
    description:
      "8 characters, valid 10 minutes and once: type it on a new device or give it to a chatbot (MCP tool link_device), which trades it at POST /device-codes/exchange for a token of its own.",
    response: { status: 201, schema: DeviceCodeSchema, description: "The code and when it expires" },
    handler: async ({ res }) => {
      const created = await learners.createDeviceCode(requireViewer(res));
      res.location("/api/v1/me/tokens");
      return created;
    },
  });

  route(api, {
    method: "post",
    path: "/device-codes/exchange",
    summary: "Trade a device code for a token",
    tags: ["tokens"],
    cache: "private",
    description:
      "No token needed: the code (from POST /me/device-codes) gives a new token of that learner, named after `client`. Wrong, expired and used codes answer the same 401. Strictly rate-limited.",
    body: ExchangeBody,
    errors: [415],
    response: { status: 201, schema: z.object({ learner: LearnerSchema, token: SecretTokenSchema, tokenInfo: TokenInfoSchema }), description: "The new token" },
    handler: async ({ body, res }) => {
      const {
        learner,
        token: { token, ...tokenInfo },
      } = await learners.exchangeDeviceCode(body);
      res.location("/api/v1/me");
      return { learner, token, tokenInfo };
    },
  });

  route(api, {
    method: "get",
    path: "/me",
    summary: "The authenticated learner",
    tags: ["learners"],
    auth: true,
    cache: "private",
    response: { schema: LearnerSchema, description: "The learner" },
    handler: ({ res }) => learners.me(requireViewer(res)),
  });

  route(api, {
    method: "patch",
    path: "/me",
    summary: "Change display name, time zone or public profile",
    tags: ["learners"],
    auth: true,
    cache: "private",
    description:
      "A new time zone applies from now on; dates already logged keep the zone they were logged in. `public: true` publishes a small card, a heatmap and a badge at /learners/{handle} (default false).",
    body: UpdateMeBody,
    errors: [415],
    response: { schema: LearnerSchema, description: "The learner" },
    handler: ({ body, res }) => learners.updateMe(requireViewer(res), body),
  });

  route(api, {
    method: "delete",
    path: "/me",
    summary: "Delete the learner and all their data",
    tags: ["learners"],
    auth: true,
    cache: "private",
    response: { status: 204, schema: z.undefined(), description: "Deleted" },
    handler: async ({ res }) => {
      await learners.deleteMe(requireViewer(res));
      return undefined;
    },
  });

  route(api, {
    method: "post",
    path: "/me/tokens",
    summary: "Create a personal access token",
    tags: ["tokens"],
    auth: true,
    cache: "private",
    body: TokenBody,
    errors: [415],
    response: { status: 201, schema: CreatedTokenSchema, description: "The token; its secret is shown only here" },
    handler: async ({ body, res }) => {
      const created = await learners.createToken(requireViewer(res), body.name);
      res.location("/api/v1/me/tokens");
      return created;
    },
  });

  route(api, {
    method: "get",
    path: "/me/tokens",
    summary: "The learner's live tokens, without secrets",
    tags: ["tokens"],
    auth: true,
    cache: "private",
    query: z.object(pageParams),
    paginated: true,
    response: { schema: pageSchema(TokenSchema, "TokenPage", "live tokens, newest first"), description: "Tokens, newest first" },
    handler: async ({ query, req, res }) => {
      const viewer = requireViewer(res);
      return sendPage(req, res, await fetchPage(() => learners.listTokens(viewer, servicePage(query))), (token) => token);
    },
  });

  route(api, {
    method: "delete",
    path: "/me/tokens/{id}",
    summary: "Revoke a token",
    tags: ["tokens"],
    auth: true,
    cache: "private",
    params: z.object({ id: z.string().max(100) }),
    errors: [404],
    response: { status: 204, schema: z.undefined(), description: "Revoked" },
    handler: async ({ params, res }) => {
      await learners.revokeToken(requireViewer(res), params.id);
      return undefined;
    },
  });
}
