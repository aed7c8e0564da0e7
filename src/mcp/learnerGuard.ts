/**
 * Without credentials the progress tools are not registered, so not listed. A
 * client that calls one anyway should learn why, not just "Tool my_stats not
 * found": this puts itself between the transport and the server and answers such
 * a call with a tool error that says how to authenticate. It uses only the SDK's
 * public Transport interface (the one every custom transport implements), so an
 * SDK release that changes the server's internals cannot break it.
 */
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { isJSONRPCRequest, type CallToolResult, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/** The sentence a tool error answers when a learner-only tool is called anonymously. */
export function needsLearnerMessage(tool: string): string {
  return (
    `UNAUTHENTICATED: ${tool} works on a learner's own progress and needs their token: ` +
    "send 'Authorization: Bearer <token>' to /mcp, or set K8S_DAYS_TOKEN for `k8s-days mcp`. " +
    "Create a token with POST /api/v1/learners (or /api/v1/me/tokens)."
  );
}

/**
 * `transport` for an anonymous server: `tools/call` requests of `tools` (the
 * learner-only tools, not registered there) are answered here with an
 * UNAUTHENTICATED tool error; every other message passes to the server unchanged.
 * Connect the server to the returned transport; drive the original one (e.g.
 * `handleRequest`) as before.
 */
export function explainLearnerOnlyTools(transport: Transport, tools: readonly string[]): Transport {
  const names = new Set(tools);
  const guarded: Transport = {
    start: () => transport.start(),
    send: (message, options) => transport.send(message, options),
    close: () => transport.close(),
    setProtocolVersion: (version) => transport.setProtocolVersion?.(version),
    get sessionId() {
      return transport.sessionId;
    },
  };
  const { onclose, onerror } = transport;
  transport.onclose = () => {
    onclose?.();
    guarded.onclose?.();
  };
  transport.onerror = (error) => {
    onerror?.(error);
    guarded.onerror?.(error);
  };
  transport.onmessage = (message, extra) => {
    if (isJSONRPCRequest(message) && message.method === "tools/call" && names.has(String(message.params?.name))) {
      const result = { isError: true, content: [{ type: "text", text: needsLearnerMessage(String(message.params!.name)) }] } satisfies CallToolResult;
      const answer: JSONRPCMessage = { jsonrpc: "2.0", id: message.id, result };
      transport.send(answer, { relatedRequestId: message.id }).catch((error: Error) => guarded.onerror?.(error));
      return;
    }
    guarded.onmessage?.(message, extra);
  };
  return guarded;
}
