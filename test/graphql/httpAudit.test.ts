/**
 * GraphQL over HTTP conformance: graphql-http's server audit against the running
 * app (real listening server on port 0, the response cache in front as in
 * production). Every MUST has to pass; SHOULD and MAY results are printed.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serverAudits } from "graphql-http";
import { insertSampleContent } from "../support/sampleContent.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

let t: TestApp;
let server: Server;
let url = "";
before(async () => {
  t = await startTestApp({ label: "graphql_audit", prepare: insertSampleContent });
  server = createServer(t.handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

describe("graphql-http server audit", () => {
  const results: { name: string; status: string; reason?: string }[] = [];
  for (const audit of serverAudits({ url: () => url })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      results.push({ name: audit.name, status: result.status, ...(result.status !== "ok" ? { reason: result.reason } : {}) });
      if (audit.name.startsWith("MUST")) assert.equal(result.status, "ok", result.status !== "ok" ? result.reason : "");
    });
  }
  it("passes every MUST (and reports the rest)", () => {
    const count = (level: string) => results.filter((r) => r.name.startsWith(level));
    const summary = ["MUST", "SHOULD", "MAY"].map((l) => `${l} ${count(l).filter((r) => r.status === "ok").length}/${count(l).length}`).join(", ");
    console.log(`graphql-http audit: ${summary}`);
    for (const r of results.filter((r) => r.status !== "ok")) console.log(`  not ok: ${r.name} — ${r.reason}`);
    assert.ok(count("MUST").length > 0 && count("MUST").every((r) => r.status === "ok"));
  });
});
