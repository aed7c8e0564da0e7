/**
 * MCP over Streamable HTTP at /mcp, stateless: every POST gets a new server and
 * transport (no session id, JSON responses instead of SSE), so any replica can
 * answer any request. The Host header is checked first (DNS-rebinding
 * protection, MCP_ALLOWED_HOSTS); then `Authorization: Bearer <token>` names the
 * learner (none → anonymous, content tools only; malformed or revoked → 401).
 * GET and DELETE (SSE streams, sessions) answer 405.
 */
import express, { Router } from "express";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { requestViewer } from "../http/auth.ts";
import { contentLinks } from "../http/contentLinks.ts";
import { publicBase } from "../http/publicBase.ts";
import type { Services } from "../services.ts";
import { hostCheck } from "./hostCheck.ts";
import { connectMcpServer } from "./server.ts";

/** The /mcp router. */
export function mcpRouter(services: Services): Router {
  const { config } = services.deps;
  const router = Router();
  router.use("/mcp", hostCheck(config.MCP_ALLOWED_HOSTS));

  router.post("/mcp", express.json({ limit: "256kb" }), async (req, res) => {
    const viewer = await requestViewer(services, req);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    const server = await connectMcpServer(services, { viewer, links: contentLinks(publicBase(req, config.PUBLIC_URL)) }, transport);
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    res.set("Cache-Control", "no-store");
    await transport.handleRequest(req, res, req.body);
  });

  router.all("/mcp", (_req, res) => {
    res
      .status(405)
      .set({ Allow: "POST", "Cache-Control": "no-store" })
      .json({
        jsonrpc: "2.0",
        error: { code: -32000, message: "Method not allowed: this MCP endpoint is stateless; send JSON-RPC messages with POST" },
        id: null,
      });
  });
  return router;
}
