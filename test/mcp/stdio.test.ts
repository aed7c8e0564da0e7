/**
 * `k8s-days mcp` over stdio: the SDK's client spawns `node bin/k8s-days.mjs mcp`
 * on a prepared database, as a desktop chat client would.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { dropDatabase, repoRoot } from "../support/databases.ts";
import { freshServices } from "../support/content.ts";
import { callTool, loadMcpContent } from "../support/mcp.ts";

let url: string;
const tokens: Record<string, string> = {};
const clients: Client[] = [];

before(async () => {
  const ctx = await freshServices("mcp_stdio");
  url = ctx.url;
  await loadMcpContent(ctx.services);
  for (const handle of ["ana", "ben"]) tokens[handle] = (await ctx.services.learners.register({ handle, timezone: "UTC" })).token.token;
  ctx.services.deps.contentVersion.stop();
  await ctx.services.deps.db.close();
});

after(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await dropDatabase(url);
});

/** Spawns the stdio server (as `token`'s learner, or anonymous) and connects a client; collects protocol errors. */
async function stdioClient(token?: string): Promise<{ client: Client; errors: Error[]; stderr: () => string }> {
  const env: Record<string, string> = { ...getDefaultEnvironment(), DATABASE_URL: url, LOG_LEVEL: "warn", ...(token ? { K8S_DAYS_TOKEN: token } : {}) };
  const transport = new StdioClientTransport({ command: process.execPath, args: ["bin/k8s-days.mjs", "mcp"], cwd: repoRoot, env, stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client({ name: "k8s-days-stdio-test", version: "1.0.0" });
  const errors: Error[] = [];
  client.onerror = (err) => errors.push(err);
  await client.connect(transport);
  clients.push(client);
  return { client, errors, stderr: () => stderr };
}

describe("the stdio MCP server", () => {
  test("anonymous: lists the content tools, finds StatefulSet and explains pod; stdout carries only the protocol", async () => {
    const { client, errors } = await stdioClient();
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((t) => t.name),
      ["search", "get_day", "check_manifests", "get_concept", "related_concepts", "concept_path", "next_lesson", "list_references", "link_device"],
    );
    const search = await callTool(client, "search", { query: "StatefulSet" });
    assert.equal(search.data!.hits[0].concept, "statefulset");
    assert.match(search.text, /http:\/\/127\.0\.0\.1:4000\/api\/v1\/concepts\/statefulset\.md/);
    const pod = await callTool(client, "get_concept", { concept: "pod" });
    assert.ok(pod.data!.related.some((r: { slug: string }) => r.slug === "init-container"));
    assert.match(pod.text, /Sources:\n- Pod \(concept\)/);
    const stats = await callTool(client, "my_stats");
    assert.equal(stats.isError, true);
    assert.match(stats.text, /K8S_DAYS_TOKEN/);
    assert.deepEqual(errors, [], "no unparseable output on stdout");
  });

  test("with a learner's token: logs today and reads back a streak of 1, while another learner's token sees none of it", async () => {
    const ana = await stdioClient(tokens.ana);
    assert.equal(
      (await ana.client.listTools()).tools.length,
      16,
      "content and progress tools (check_manifests included), the streak explanation and the two review tools; link_device is for clients without a token",
    );
    const logged = await callTool(ana.client, "log_today", { minutes: 15, learned: "StatefulSets keep stable names" });
    assert.equal(logged.isError, undefined, logged.text);
    assert.equal(logged.data!.currentStreak, 1);
    const again = await callTool(ana.client, "log_today", { minutes: 15, learned: "StatefulSets keep stable names" });
    const { updatedAt: _first, ...entry } = logged.data!.entry;
    const { updatedAt: _second, ...entryAgain } = again.data!.entry;
    assert.deepEqual([entryAgain, again.data!.currentStreak], [entry, 1], "the same entry, the same streak (only updatedAt moves)");
    assert.equal((await callTool(ana.client, "my_stats")).data!.currentStreak, 1);

    const ben = await stdioClient(tokens.ben);
    const stats = await callTool(ben.client, "my_stats");
    assert.deepEqual([stats.data!.currentStreak, stats.data!.daysLogged], [0, 0]);
    assert.deepEqual(ana.errors.concat(ben.errors), []);
  });

  test("a malformed token stops the server with the reason on stderr and exit code 1", async () => {
    const child = spawn(process.execPath, ["bin/k8s-days.mjs", "mcp"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url, K8S_DAYS_TOKEN: "k8sd_nope" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.equal(code, 1);
    assert.equal(stdout, "");
    assert.match(stderr, /K8S_DAYS_TOKEN was refused/);
  });
});
