/**
 * Without credentials the progress tools are not registered, so not listed. A
 * client that calls one anyway should learn why, not just "Tool my_stats not
 * found": this wraps the server's tools/call handler to answer such a call with
 * a tool error that says how to authenticate.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { CallToolRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";

type Handler = (request: unknown, extra: unknown) => Promise<unknown>;

/** The sentence a tool error answers when a learner-only tool is called anonymously. */
export function needsLearnerMessage(tool: string): string {
  return (
    `UNAUTHENTICATED: ${tool} works on a learner's own progress and needs their token: ` +
    "send 'Authorization: Bearer <token>' to /mcp, or set K8S_DAYS_TOKEN for `k8s-days mcp`. " +
    "Create a token with POST /api/v1/learners (or /api/v1/me/tokens)."
  );
}

/**
 * Answers calls of `tools` (learner-only tools not registered on this anonymous
 * server) with an UNAUTHENTICATED tool error. Call after every tool is registered.
 */
export function explainLearnerOnlyTools(server: McpServer, tools: readonly string[]): void {
  const names = new Set(tools);
  // McpServer keeps its tools/call handler in the protocol's handler map; the SDK has no
  // public way to decorate it. A test (tools listed without credentials) guards this.
  const handlers = (server.server as unknown as { _requestHandlers?: Map<string, Handler> })._requestHandlers;
  const original = handlers?.get("tools/call");
  if (!original) throw new Error("MCP SDK: no tools/call handler to wrap (register tools first)");
  server.server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    if (names.has(request.params.name)) {
      return { isError: true, content: [{ type: "text", text: needsLearnerMessage(request.params.name) }] } satisfies CallToolResult;
    }
    return (await original(request, extra)) as CallToolResult;
  });
}
