/**
 * zod schemas of the learner endpoints: they validate REST requests and produce
 * the OpenAPI document. The service checks the same rules for other transports.
 */
import { z } from "../../rest/openapiZod.ts";

/** A learner's own profile as REST returns it. */
export const LearnerSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    displayName: z.string(),
    timezone: z.string().openapi({ example: "Europe/Madrid" }),
    role: z.enum(["LEARNER", "ADMIN"]),
    public: z.boolean().openapi({ description: "Opted in to a public profile: GET /learners/{handle} with its heatmap and badge" }),
    createdAt: z.string(),
  })
  .openapi("Learner", { description: "A learner, as shown to themselves" });

/** A token just created: its secret, shown once, and its metadata. */
export const CreatedTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: "First characters of the token, to recognise it in a list" }),
    token: z.string().openapi({ description: "The secret; shown only in this response", example: "k8sd_…" }),
  })
  .openapi("CreatedToken");

/** A token's metadata (never its secret). */
export const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi("Token", { description: "A personal access token, without its secret" });

/** Body of POST /learners. */
export const RegisterBody = z
  .object({
    handle: z
      .string()
      .regex(/^[a-z0-9_-]{3,30}$/, "3–30 characters of a-z, 0-9, '-' and '_'")
      .openapi({ example: "ada" }),
    displayName: z.string().min(1).max(80).optional().openapi({ example: "Ada" }),
    timezone: z.string().min(1).max(64).optional().openapi({ description: "IANA time zone; default UTC", example: "Pacific/Auckland" }),
  })
  .openapi("RegisterLearner");

/** Body of PATCH /me. */
export const UpdateMeBody = z
  .object({
    displayName: z.string().min(1).max(80).optional(),
    timezone: z.string().min(1).max(64).optional().openapi({ description: "New IANA zone; dates already logged keep theirs" }),
    public: z.boolean().optional().openapi({ description: "true publishes a small card, a heatmap and a badge at /learners/{handle}; default false" }),
  })
  .openapi("UpdateLearner");

/** Body of POST /me/tokens. */
export const TokenBody = z.object({ name: z.string().trim().min(1).max(100).openapi({ example: "laptop" }) }).openapi("CreateToken");

/** A recovery code, shown once when created. */
export const RecoveryCodeSchema = z.string().openapi({
  description:
    "One-time recovery code: keep it offline; with your handle it gets you a new token at POST /sessions (and is then replaced). Shown only in this response.",
  example: "7KQ2-M9XD-4HTV-0BWN-R3JE",
});

/** Body of POST /sessions: a handle and a recovery code. */
export const SessionBody = z
  .object({
    handle: z.string().trim().min(1).max(100).openapi({ example: "ada" }),
    recoveryCode: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: "The recovery code last issued to you; case, dashes and spaces do not matter", example: "7KQ2-M9XD-4HTV-0BWN-R3JE" }),
  })
  .openapi("RecoverAccount");

/** A short device code and when it expires. */
export const DeviceCodeSchema = z
  .object({
    code: z.string().openapi({ description: "8 characters; type it on the new device (case does not matter). Works once.", example: "K3M9XD2Q" }),
    expiresAt: z.string().openapi({ description: "ISO timestamp, 10 minutes after creation" }),
  })
  .openapi("DeviceCode");

/** Body of POST /device-codes/exchange. */
export const ExchangeBody = z
  .object({
    code: z.string().trim().min(1).max(32).openapi({ example: "K3M9XD2Q" }),
    client: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Names the new token (default "linked device")', example: "Claude Desktop on my laptop" }),
  })
  .openapi("ExchangeDeviceCode");
