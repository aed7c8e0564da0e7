/**
 * Builds the MCP server of one caller: content tools for everyone, progress
 * tools only when the credentials name a learner (the learner is fixed here and
 * never read from tool arguments), lessons and concepts as resources, and the
 * study prompts. Both transports (HTTP per request, stdio per process) use it.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { ContentLinks } from "../http/contentLinks.ts";
import type { Viewer } from "../modules/learners/learners.types.ts";
import { conceptTools } from "../modules/concepts/concepts.tools.ts";
import { dayTools } from "../modules/days/days.tools.ts";
import { manifestTools } from "../modules/manifests/manifests.tools.ts";
import { pathTools } from "../modules/paths/paths.tools.ts";
import { progressTools } from "../modules/progress/progress.tools.ts";
import { learnerTools } from "../modules/learners/learners.tools.ts";
import { streakTools } from "../modules/progress/streak.tools.ts";
import { reviewTools } from "../modules/review/review.tools.ts";
import { referenceTools } from "../modules/references/references.tools.ts";
import { searchTools } from "../modules/search/search.tools.ts";
import type { Services } from "../services.ts";
import { explainLearnerOnlyTools } from "./learnerGuard.ts";
import { registerPrompts } from "./prompts.ts";
import { registerResources } from "./resources.ts";
import { registerTools, type McpTool } from "./tool.ts";

/** Every MCP tool, in the order a client lists them. */
export const mcpTools: readonly McpTool[] = [
  ...searchTools,
  ...dayTools,
  ...manifestTools,
  ...conceptTools,
  ...pathTools,
  ...referenceTools,
  ...progressTools,
  ...streakTools,
  ...reviewTools,
  ...learnerTools,
];

/** Who is calling and how to link back to the content. */
export interface McpCaller {
  /** The learner named by the credentials, or null (anonymous: content only). */
  viewer: Viewer | null;
  links: ContentLinks;
}

const instructions = [
  "k8s-days serves the #66DaysOfK8s challenge: 66 short daily Kubernetes lessons, a glossary of Kubernetes concepts with their relations, and each learner's own progress and daily log.",
  "Start with `search` for a topic, then `get_day` or `get_concept` for the full text. Every text ends with its sources; cite them.",
  "Progress tools (my_stats, my_progress, log_today, mark_lesson, share_post, explain_streak, review_due, answer_review) act for the learner whose token the client was configured with, and only that learner.",
  "Without a token, a learner can link this client with link_device and the 8-character code from POST /api/v1/me/device-codes.",
].join(" ");

/** A new MCP server for `caller`, not yet connected to a transport. */
export function createMcpServer(services: Services, caller: McpCaller): McpServer {
  const server = new McpServer({ name: "k8s-days", title: "k8s-days: learn Kubernetes daily (#66DaysOfK8s)", version: "1.0.0" }, { instructions });
  const ctx = { services, viewer: caller.viewer, links: caller.links, clientName: () => server.server.getClientVersion()?.name };
  registerTools(server, mcpTools, ctx);
  registerResources(server, ctx);
  registerPrompts(server, ctx);
  return server;
}

/**
 * A new MCP server for `caller`, connected to `transport`. An anonymous caller's
 * calls of learner-only tools are answered with how to authenticate (see learnerGuard.ts).
 */
export async function connectMcpServer(services: Services, caller: McpCaller, transport: Transport): Promise<McpServer> {
  const server = createMcpServer(services, caller);
  const learnerOnly = mcpTools.filter((t) => t.needsLearner).map((t) => t.name);
  await server.connect(caller.viewer ? transport : explainLearnerOnlyTools(transport, learnerOnly));
  return server;
}
