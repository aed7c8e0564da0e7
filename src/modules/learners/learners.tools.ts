/**
 * The MCP tool `link_device`: a chat user who is not yet signed in pastes the short
 * code from `POST /api/v1/me/device-codes` (or GraphQL `createDeviceCode`) instead of a
 * long token; the tool trades it, once, for a token of this client's own. Offered only
 * to anonymous callers — a client that already sends a token has no use for it.
 */
import { z } from "zod";
import { citedText } from "../../mcp/citedText.ts";
import { defineTool } from "../../mcp/tool.ts";

/** The learner tools of MCP. */
export const learnerTools = [
  defineTool({
    name: "link_device",
    title: "Link this client to a learner with a short code",
    description:
      "Signs this MCP client in as a k8s-days learner. The learner gets an 8-character code (valid 10 minutes, usable once) from " +
      "POST /api/v1/me/device-codes or the GraphQL mutation createDeviceCode and tells it to you; this tool trades the code for a " +
      "new access token named after this client. The token is shown once: the user must put it in the client's configuration " +
      "(header 'Authorization: Bearer <token>' for /mcp, or K8S_DAYS_TOKEN for `k8s-days mcp`) and reconnect to get the progress tools.",
    input: {
      code: z.string().trim().min(1).max(32).describe("The 8-character device code (case, spaces and dashes do not matter)"),
      client: z.string().trim().min(1).max(100).optional().describe("A name for the new token, e.g. the chat app (default: this client's name)"),
    },
    output: { handle: z.string(), token: z.string(), tokenId: z.string(), tokenName: z.string() },
    annotations: { readOnlyHint: false, idempotentHint: false, destructiveHint: false, openWorldHint: false },
    anonymousOnly: true,
    async run({ code, client }, ctx) {
      const name = client ?? ctx.clientName?.() ?? "MCP client";
      const { learner, token } = await ctx.services.learners.exchangeDeviceCode({ code, client: name });
      const text = [
        `Linked to learner ${learner.handle} with a new token named "${token.name}".`,
        `Token (shown once; store it now): ${token.token}`,
        "Put it in this client's configuration — header 'Authorization: Bearer <token>' for the HTTP endpoint /mcp, or " +
          "K8S_DAYS_TOKEN for `k8s-days mcp` — and reconnect: then my_stats, log_today and the other progress tools are available.",
      ].join("\n");
      const sources = [{ title: "Your tokens (private; revoke this one there)", url: ctx.links.path("/api/v1/me/tokens") }];
      return { text: citedText(text, sources, 4000), data: { handle: learner.handle, token: token.token, tokenId: token.id, tokenName: token.name } };
    },
  }),
];
