/**
 * How a module declares an MCP tool: zod input and output schemas, a description
 * written for a model, annotations, and a `run` that calls services and returns
 * cited text plus structured data. `defineTool` erases the schema types so
 * modules can export plain lists of tools; `registerTools` adds them to a server
 * and maps errors in one place: AppError → a tool error naming its code,
 * anything else → a masked INTERNAL tool error (logged, never shown).
 *
 * @example
 * export const dayTools = [defineTool({
 *   name: "get_day", title: "Get a lesson", description: "…",
 *   input: { number: z.number().int().min(1) }, output: { number: z.number() },
 *   annotations: readOnly,
 *   run: async ({ number }, ctx) => ({ text: "…", data: { number } }),
 * })];
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { ZodRawShapeCompat } from "@modelcontextprotocol/sdk/server/zod-compat.js";
import { z } from "zod";
import { asAppError, invalid, zodIssues } from "../errors.ts";
import { describeIssues, unstorableTextIssues } from "../storableText.ts";
import type { Services } from "../services.ts";
import type { ContentLinks } from "../http/contentLinks.ts";
import type { Viewer } from "../modules/learners/learners.types.ts";
import { DEFAULT_MAX_CHARS, MAX_MAX_CHARS, MIN_MAX_CHARS } from "./citedText.ts";

/** What a tool's `run` may use. The learner comes from the credentials only. */
export interface ToolContext {
  services: Services;
  /** The learner the credentials name; null when anonymous. */
  viewer: Viewer | null;
  links: ContentLinks;
  /** The client's name from the MCP handshake, when this server saw one (stdio; not stateless HTTP). */
  clientName?: () => string | undefined;
}

/** What a tool answers: text for the model (cited, bounded) and data matching its output schema. */
export interface ToolAnswer<O> {
  text: string;
  data: O;
}

/** A tool declaration. */
export interface ToolSpec<I extends z.ZodRawShape, O extends z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  /** Only offered when the credentials name a learner. */
  needsLearner?: boolean;
  /** Only offered when the credentials name no learner (signing in). */
  anonymousOnly?: boolean;
  run(args: z.infer<z.ZodObject<I>>, ctx: ToolContext & { viewer: Viewer | null }): Promise<ToolAnswer<z.infer<z.ZodObject<O>>>>;
}

/** A declared tool, ready to be registered on a server. */
export interface McpTool {
  name: string;
  needsLearner: boolean;
  anonymousOnly: boolean;
  register(server: McpServer, ctx: ToolContext): void;
}

/** Annotations of a tool that only reads. */
export const readOnly: ToolAnnotations = { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false };

/** The `maxChars` argument every text-returning tool accepts. */
export const maxCharsArg = z
  .number()
  .int()
  .min(MIN_MAX_CHARS, `maxChars must be at least ${MIN_MAX_CHARS}`)
  .max(MAX_MAX_CHARS, `maxChars must be at most ${MAX_MAX_CHARS}`)
  .default(DEFAULT_MAX_CHARS)
  .describe(`Upper bound on the length of the returned text (default ${DEFAULT_MAX_CHARS}); longer text is cut with a truncation marker.`);

/** Declares a tool; see the module comment. */
export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(spec: ToolSpec<I, O>): McpTool {
  // The SDK types a tool's arguments with a conditional type that stays unresolved for a
  // generic shape, so the tool is registered with its shape widened (no cast) and `run`
  // gets the arguments parsed by its own schema: typed by construction. The SDK has
  // validated them with the same shape already, so this parse strips nothing and fails never.
  const inputShape: ZodRawShapeCompat = spec.input;
  const input = z.object(spec.input);
  return {
    name: spec.name,
    needsLearner: spec.needsLearner ?? false,
    anonymousOnly: spec.anonymousOnly ?? false,
    register(server, ctx) {
      server.registerTool(
        spec.name,
        {
          title: spec.title,
          description: spec.description,
          inputSchema: inputShape,
          outputSchema: spec.output,
          annotations: { title: spec.title, ...spec.annotations },
        },
        async (received) => {
          try {
            // Text the database cannot store is refused before any tool runs (see storableText.ts).
            const issues = unstorableTextIssues(received);
            if (issues.length) throw invalid(`Invalid arguments: ${describeIssues(issues)}`, issues);
            const parsed = input.safeParse(received);
            if (!parsed.success) throw invalid("Invalid arguments", zodIssues(parsed.error));
            const answer = await spec.run(parsed.data, ctx);
            return { content: [{ type: "text" as const, text: answer.text }], structuredContent: answer.data as Record<string, unknown> };
          } catch (err) {
            return toolError(err, spec.name, ctx);
          }
        },
      );
    },
  };
}

/** Registers `tools` on `server`; tools that need a learner only when the context has one, anonymous-only ones only when not. */
export function registerTools(server: McpServer, tools: readonly McpTool[], ctx: ToolContext): void {
  for (const tool of tools) if (ctx.viewer ? !tool.anonymousOnly : !tool.needsLearner) tool.register(server, ctx);
}

/** The tool error for `err`: AppErrors (and known Prisma errors, as everywhere) speak for themselves, anything else is masked. */
export function toolError(err: unknown, tool: string, ctx: Pick<ToolContext, "services">) {
  const app = asAppError(err);
  if (app) {
    const issues = app.details.issues?.map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`).join("; ");
    return {
      isError: true,
      content: [{ type: "text" as const, text: `${app.code}: ${app.message}${issues && !app.message.includes(issues) ? ` (${issues})` : ""}` }],
    };
  }
  ctx.services.deps.log.error("mcp tool failed", { tool, error: String((err as Error)?.stack ?? err) });
  return { isError: true, content: [{ type: "text" as const, text: "INTERNAL: An unexpected error occurred" }] };
}
