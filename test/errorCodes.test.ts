/**
 * Error codes are one closed set (src/errors.ts): the README lists exactly that
 * set, every code literal in the sources belongs to it, and every transport maps
 * errors the same way — a real unique violation from the database is CONFLICT on
 * REST, GraphQL, MCP tools, MCP resources and MCP prompts.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { errorCodes, isErrorCode } from "../src/errors.ts";
import { createChallengeRows } from "./support/challengeRows.ts";
import { repoRoot } from "./support/databases.ts";
import { gql } from "./support/graphql.ts";
import { registerLearner, type TestLearner } from "./support/learners.ts";
import { callTool, listen, mcpClient } from "./support/mcp.ts";
import { startTestApp, type TestApp } from "./support/testApp.ts";

describe("the closed set of error codes", () => {
  it("is what the README's error code table lists, with the same HTTP statuses", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const section = readme.split(/^## Error codes$/m)[1]?.split(/^## /m)[0] ?? "";
    const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])] as const);
    assert.deepEqual(rows.map(([c]) => c).sort(), Object.keys(errorCodes).sort());
    for (const [code, status] of rows) assert.equal(status, errorCodes[code as keyof typeof errorCodes].status, code);
  });

  it("holds every code the sources answer with", () => {
    const files = readdirSync(join(repoRoot, "src"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts") && !f.startsWith("generated"));
    const found = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(repoRoot, "src", f), "utf8")
        .split("\n")
        .filter((l) => !/^\s*(\*|\/\/)/.test(l))
        .join("\n");
      for (const m of text.matchAll(/\bcode: "([A-Z][A-Z_]+)"|new AppError\("([A-Z_]+)"|reject\([^;]*?"([A-Z][A-Z_]+)", \{/g)) found.add(m[1] ?? m[2] ?? m[3]!);
    }
    assert.ok(found.size > 5, `found ${[...found]}`);
    assert.deepEqual(
      [...found].filter((c) => !isErrorCode(c)),
      [],
    );
  });
});

describe("a unique violation is CONFLICT on every transport", () => {
  let t: TestApp;
  let ada: TestLearner;
  let http: Awaited<ReturnType<typeof listen>>;
  let mcp: Client;
  before(async () => {
    // contract: false — no operation declares 409 for what this stub makes up.
    t = await startTestApp({ label: "error_codes", prepare: createChallengeRows, contract: false });
    ada = await registerLearner(t, "ada");
    http = await listen(t);
    mcp = await mcpClient(http.base, ada.token);
    // A real P2002 from the database: the services that write progress and read concepts insert a taken handle.
    const duplicate = () =>
      t.services.deps.db.prisma.learner.create({
        data: { handle: "ada", displayName: "Ada", timezone: "UTC", role: "LEARNER", createdAt: new Date() },
      }) as never;
    t.services.progress.setProgress = duplicate;
    t.services.concepts.get = duplicate;
  });
  after(async () => {
    await mcp?.close();
    await http?.close();
    await t?.close();
  });

  it("REST answers 409 problem+json", async () => {
    const res = await t.request.put("/api/v1/me/progress/3").set(ada.auth).send({ status: "DONE" }).expect(409);
    assert.equal(res.body.code, "CONFLICT");
  });

  it("GraphQL answers extensions.code CONFLICT", async () => {
    const res = await gql(t, "mutation { setProgress(input: { day: 3, status: DONE }) { progress { day } } }").set(ada.auth);
    assert.equal(res.body.errors[0].extensions.code, "CONFLICT", res.text);
  });

  it("an MCP tool answers a CONFLICT tool error", async () => {
    const r = await callTool(mcp, "mark_lesson", { day: 3, status: "DONE" });
    assert.equal(r.isError, true);
    assert.match(r.text, /^CONFLICT: /);
  });

  it("an MCP resource and prompt answer a CONFLICT JSON-RPC error, not INTERNAL", async () => {
    for (const attempt of [
      () => mcp.readResource({ uri: "k8s-days://concept/pod" }),
      () => mcp.getPrompt({ name: "explain_concept", arguments: { concept: "pod" } }),
    ]) {
      await assert.rejects(attempt(), (err: Error) => {
        assert.match(err.message, /CONFLICT: /);
        return true;
      });
    }
  });
});
