import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../support/testApp.ts";
import { insertSampleContent } from "../support/sampleContent.ts";
import { dropDatabase, freshDatabaseUrl, repoRoot } from "../support/databases.ts";

describe("GET /, where a newcomer starts", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "home", prepare: insertSampleContent });
  });
  after(() => t.close());

  it("answers Accept: application/json with an index of absolute links, the MCP client configuration and content counts", async () => {
    const res = await t.request
      .get("/")
      .set("Host", "k8s.example.test:8080")
      .set("Accept", "application/json")
      .expect(200)
      .expect("content-type", /application\/json/);
    const base = "http://k8s.example.test:8080";
    assert.deepEqual(res.body.links, {
      graphiql: `${base}/graphql`,
      rest: `${base}/api/v1`,
      docs: `${base}/api/v1/docs`,
      openapi: `${base}/api/v1/openapi.json`,
      llmsTxt: `${base}/llms.txt`,
      mcp: `${base}/mcp`,
    });
    assert.equal(res.body.mcp.url, `${base}/mcp`);
    assert.equal(res.body.mcp.clientConfig.mcpServers["k8s-days"].url, `${base}/mcp`);
    const stats = await t.services.content.importer.stats();
    assert.deepEqual(res.body.counts, { days: stats.days, lessons: stats.lessons, concepts: stats.concepts, references: stats.references });
    assert.equal(res.body.counts.days, 6);
    assert.match(res.headers.vary!, /Accept/);
  });

  it("answers a browser with a small HTML page of ours whose links all work", async () => {
    const res = await t.request
      .get("/")
      .set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
      .expect(200)
      .expect("content-type", /text\/html; charset=utf-8/);
    assert.match(res.headers["content-security-policy"]!, /default-src 'none'/);
    assert.doesNotMatch(res.text, /<script|<img|<link|@import/, "no scripts, images or external stylesheets");
    const base = TEST_ORIGIN;
    const hrefs = [...res.text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(hrefs.length >= 5);
    for (const href of hrefs) {
      assert.ok(href.startsWith(base), `${href} stays on this server`);
      const path = href.slice(base.length);
      const accept = path === "/graphql" ? "text/html" : "*/*";
      assert.equal((await t.request.get(path).set("Accept", accept)).status, 200, path);
    }
    assert.match(res.text, /mcpServers/);
    assert.match(res.text, /<strong>6<\/strong> days/);
  });

  it("is cached per Host, and prefers PUBLIC_URL for its links", async () => {
    t.cache!.clear();
    const get = (host: string) => t.request.get("/").set("Host", host).set("Accept", "application/json").expect(200);
    const first = await get("one.example.test");
    assert.match(first.headers["cache-control"]!, /public/);
    assert.match(first.headers.vary!, /Host/);
    assert.equal((await get("one.example.test")).headers["x-cache"], "HIT");
    const other = await get("two.example.test");
    assert.equal(other.body.links.mcp, "http://two.example.test/mcp", "another Host never gets the first one's links");
    t.services.deps.config.PUBLIC_URL = "https://k8s-days.example.org";
    try {
      t.cache!.clear();
      const res = await t.request.get("/").set("Accept", "application/json").expect(200);
      assert.equal(res.body.links.graphiql, "https://k8s-days.example.org/graphql");
    } finally {
      t.services.deps.config.PUBLIC_URL = undefined;
      t.cache!.clear();
    }
  });

  it("answers 406 to an Accept it cannot serve, and HEAD like GET", async () => {
    await t.request
      .get("/")
      .set("Accept", "image/png")
      .expect(406)
      .expect("content-type", /application\/problem\+json/);
    await t.request.head("/").set("Accept", "application/json").expect(200);
  });
});

describe("the start log", () => {
  it("prints the URLs of the IDE, the docs, the OpenAPI document, llms.txt and MCP", { timeout: 120_000 }, async () => {
    const url = await freshDatabaseUrl("startlog");
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: "0",
        HOST: "127.0.0.1",
        SEED_ON_START: "false",
        CONTENT_SOURCE: "none",
        LOG_LEVEL: "info",
        PUBLIC_URL: "",
        SHUTDOWN_GRACE_MS: "0", // nothing to drain: stop at once (the grace has its own test)
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stderr.on("data", (d) => {
      out += d;
    });
    try {
      const line = await new Promise<Record<string, string>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
        child.stdout.on("data", (d) => {
          out += d;
          const found = out.split("\n").find((l) => l.includes('"k8s-days listening"'));
          if (found) {
            clearTimeout(timer);
            resolve(JSON.parse(found));
          }
        });
      });
      const base = line.url!;
      assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual(
        [line.graphiql, line.docs, line.openapi, line.llmsTxt, line.mcp],
        [`${base}/graphql`, `${base}/api/v1/docs`, `${base}/api/v1/openapi.json`, `${base}/llms.txt`, `${base}/mcp`],
      );
    } finally {
      const exited = new Promise((r) => child.on("exit", r));
      child.kill("SIGTERM");
      await exited;
      await dropDatabase(url);
    }
  });
});
