/**
 * MCP test helpers: the test app listening on port 0 (MCP clients speak real
 * HTTP through fetch), SDK clients with or without a learner's token, and the
 * content every MCP test reads (test glossary seeds + the fixture lessons).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Services } from "../../src/services.ts";
import { fixturesDir } from "./databases.ts";
import { writeSeedTree } from "./seedTree.ts";
import type { TestApp } from "./testApp.ts";

/** Loads the test glossary and the fixture repository (66 days, 5 lessons). */
export async function loadMcpContent(services: Services): Promise<void> {
  await services.content.importer.loadSeeds(writeSeedTree());
  await services.content.importer.importPath(fixturesDir());
  await services.deps.contentVersion.refresh();
}

/** The app (behind its response cache, as in production) on a random local port. */
export async function listen(t: TestApp): Promise<{ base: string; server: Server; close(): Promise<void> }> {
  const server = createServer((t.cache?.listener ?? t.app) as Parameters<typeof createServer>[0] & object);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An MCP client connected to `${base}/mcp`, as a learner when `token` is given. */
export async function mcpClient(base: string, token?: string): Promise<Client> {
  const client = new Client({ name: "k8s-days-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  });
  await client.connect(transport);
  return client;
}

/** Calls a tool and returns its result with the text joined. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  return { ...result, text, data: result.structuredContent as Record<string, any> | undefined };
}
