/**
 * zod schemas of the learner endpoints: they validate REST requests and produce
 * the OpenAPI document. The service checks the same rules for other transports.
 */
import { z } from "zod";
import "../../rest/route.ts"; // extends zod with .openapi()

export const LearnerSchema = z.object({
  id: z.string(),
  handle: z.string(),
  displayName: z.string(),
  timezone: z.string().openapi({ example: "Europe/Madrid" }),
  role: z.enum(["LEARNER", "ADMIN"]),
  public: z.boolean().openapi({ description: "Opted in to a public profile: GET /learners/{handle} with its heatmap and badge" }),
  createdAt: z.string(),
}).openapi("Learner", { description: "A learner, as shown to themselves" });

export const CreatedTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().openapi({ description: "First characters of the token, to recognise it in a list" }),
  token: z.string().openapi({ description: "The secret; shown only in this response", example: "k8sd_…" }),
}).openapi("CreatedToken");

export const TokenSchema = z.object({
  id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(),
}).openapi("Token", { description: "A personal access token, without its secret" });

export const RegisterBody = z.object({
  handle: z.string().regex(/^[a-z0-9_-]{3,30}$/, "3–30 characters of a-z, 0-9, '-' and '_'").openapi({ example: "ada" }),
  displayName: z.string().min(1).max(80).optional().openapi({ example: "Ada" }),
  timezone: z.string().min(1).max(64).optional().openapi({ description: "IANA time zone; default UTC", example: "Pacific/Auckland" }),
}).openapi("RegisterLearner");

export const UpdateMeBody = z.object({
  displayName: z.string().min(1).max(80).optional(),
  timezone: z.string().min(1).max(64).optional().openapi({ description: "New IANA zone; dates already logged keep theirs" }),
  public: z.boolean().optional().openapi({ description: "true publishes a small card, a heatmap and a badge at /learners/{handle}; default false" }),
}).openapi("UpdateLearner");

export const TokenBody = z.object({ name: z.string().trim().min(1).max(100).openapi({ example: "laptop" }) }).openapi("CreateToken");
