/**
 * MCP over stdio for desktop chat clients (`npx k8s-days mcp`, see
 * src/cli/commands/mcp.ts). The learner comes from a token given once at start
 * (K8S_DAYS_TOKEN): none → anonymous, content tools only; malformed or revoked →
 * refused before serving. Stdout carries nothing but the protocol.
 */
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { contentLinks } from "../http/contentLinks.ts";
import type { Viewer } from "../modules/learners/learners.types.ts";
import type { Services } from "../services.ts";
import { connectMcpServer } from "./server.ts";

/** The learner named by `token` (undefined/empty → null); throws UNAUTHENTICATED for a malformed or revoked token. */
export async function stdioLearner(services: Services, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  // A session outlives any profile read at start: `me` reads it afresh each time.
  return { ...(await services.learners.authenticate(token)), profile: undefined };
}

/** Base of the links stdio tools cite: PUBLIC_URL, else where the HTTP server listens by configuration. */
export function stdioBaseUrl(services: Services): string {
  const { PUBLIC_URL, HOST, PORT } = services.deps.config;
  if (PUBLIC_URL) return PUBLIC_URL;
  const host = HOST === "0.0.0.0" || HOST === "::" ? "localhost" : HOST.includes(":") ? `[${HOST}]` : HOST;
  return `http://${host}:${PORT}`;
}

/** Serves MCP for `viewer` on stdin/stdout; resolves when the client closes stdin or the process is told to stop. */
export async function serveMcpOverStdio(services: Services, viewer: Viewer | null): Promise<void> {
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once("end", () => resolve());
    process.once("SIGTERM", () => resolve());
    process.once("SIGINT", () => resolve());
  });
  const server = await connectMcpServer(services, { viewer, links: contentLinks(stdioBaseUrl(services)) }, transport);
  services.deps.log.info("k8s-days mcp ready on stdio", { learner: viewer?.handle ?? null, database: services.deps.db.provider });
  await closed;
  await server.close();
  services.deps.contentVersion.stop();
}
