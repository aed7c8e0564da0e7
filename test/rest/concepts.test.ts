import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { insertSampleContent } from "../support/sampleContent.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

describe("REST concepts over the sample content", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "rest_concepts", prepare: insertSampleContent });
  });
  after(() => t.close());

  describe("GET /api/v1/concepts", () => {
    it("pages through the glossary in slug order, following Link", async () => {
      const seen: string[] = [];
      let url: string | null = "/api/v1/concepts?limit=3";
      while (url) {
        const res: import("supertest").Response = await t.request.get(url).expect(200);
        seen.push(...res.body.items.map((c: { slug: string }) => c.slug));
        url = res.headers.link ? /^<([^>]+)>; rel="next"$/.exec(res.headers.link)![1]! : null;
      }
      assert.equal(seen.length, 7);
      assert.deepEqual(seen, [...seen].sort());
      assert.equal(new Set(seen).size, 7);
    });

    it("filters by category and words", async () => {
      const storage = await t.request.get("/api/v1/concepts?category=storage").expect(200);
      assert.deepEqual(
        storage.body.items.map((c: { slug: string }) => c.slug),
        ["persistentvolumeclaim"],
      );
      const words = await t.request.get("/api/v1/concepts?q=replica").expect(200);
      assert.ok(words.body.items.some((c: { slug: string }) => c.slug === "replicaset"));
    });
  });

  describe("GET /api/v1/concepts/{slug}", () => {
    it("returns the concept with its lessons, prerequisites, references and links", async () => {
      const res = await t.request.get("/api/v1/concepts/pod").expect(200);
      assert.equal(res.body.name, "Pod");
      assert.deepEqual(
        res.body.days.map((d: { number: number }) => d.number),
        [1, 2, 3, 4, 5],
      );
      assert.equal(res.body.days.find((d: { number: number }) => d.number === 2).focus, true);
      assert.deepEqual(res.body.prerequisites, [{ slug: "container", name: "Container" }]);
      assert.deepEqual(
        res.body.references.map((r: { url: string }) => r.url),
        ["https://kubernetes.io/docs/concepts/workloads/pods"],
      );
      assert.equal(res.body.links.related, "/api/v1/concepts/pod/related");
      assert.ok(res.headers.etag);
    });

    it("finds a concept by an alias, whatever its case", async () => {
      const res = await t.request.get("/api/v1/concepts/STS").expect(200);
      assert.equal(res.body.slug, "statefulset");
    });

    it("answers an unknown concept with 404 problem+json", async () => {
      const res = await t.request
        .get("/api/v1/concepts/unicorn")
        .expect(404)
        .expect("content-type", /application\/problem\+json/);
      assert.match(res.body.detail, /unicorn/);
    });
  });

  describe("GET /api/v1/concepts/{slug}/related", () => {
    it("ranks curated relations before derived ones, each with a reason", async () => {
      const res = await t.request.get("/api/v1/concepts/pod/related").expect(200);
      const items = res.body.items as { source: string; reason: string; score: number; concept: { slug: string } }[];
      assert.ok(items.length > 0);
      const firstDerived = items.findIndex((i) => i.source === "DERIVED");
      assert.ok(firstDerived === -1 || items.slice(firstDerived).every((i) => i.source === "DERIVED"));
      assert.ok(items.every((i) => i.reason.length > 0));
      const expected = await t.services.concepts.related("pod", { first: 10 });
      assert.deepEqual(
        items.map((i) => i.concept.slug),
        expected.map((r) => r.concept.slug),
      );
    });

    it("keeps only the asked kinds and honours the limit", async () => {
      const res = await t.request.get("/api/v1/concepts/pod/related?kinds=part_of&limit=1").expect(200);
      assert.equal(res.body.items.length, 1);
      assert.equal(res.body.items[0].kind, "PART_OF");
    });

    it("refuses an unknown relation kind with 400 and an unknown concept with 404", async () => {
      const bad = await t.request.get("/api/v1/concepts/pod/related?kinds=LOVES").expect(400);
      assert.deepEqual(bad.body.errors[0].path, ["kinds"]);
      await t.request.get("/api/v1/concepts/unicorn/related").expect(404);
    });
  });

  describe("GET /api/v1/concepts/path", () => {
    it("explains how two concepts relate through the shortest chain", async () => {
      const res = await t.request.get("/api/v1/concepts/path?from=init-container&to=statefulset").expect(200);
      assert.equal(res.body.from.slug, "init-container");
      assert.equal(res.body.to.slug, "statefulset");
      assert.equal(res.body.length, res.body.hops.length);
      assert.equal(res.body.hops[0].from.slug, "init-container");
      assert.equal(res.body.hops.at(-1).to.slug, "statefulset");
      assert.ok(res.body.hops.every((h: { description: string }) => h.description.length > 0));
    });

    it("requires both ends and answers 404 for an unknown concept", async () => {
      const missing = await t.request.get("/api/v1/concepts/path?from=pod").expect(400);
      assert.deepEqual(missing.body.errors[0].path, ["to"]);
      await t.request.get("/api/v1/concepts/path?from=pod&to=unicorn").expect(404);
    });
  });

  describe("GET /api/v1/concepts/{slug}.md", () => {
    it("renders the concept as markdown with related concepts and lessons", async () => {
      const res = await t.request.get("/api/v1/concepts/statefulset.md").expect(200).expect("content-type", "text/markdown; charset=utf-8");
      assert.match(res.text, /^# StatefulSet\n/);
      assert.match(res.text, /## Related concepts/);
      assert.match(res.text, /Day 4: StatefulSets/);
      assert.ok(res.headers.etag);
      await t.request.get("/api/v1/concepts/unicorn.md").expect(404);
    });
  });

  describe("lessons by concept and search", () => {
    it("filters days by a concept they mention", async () => {
      const res = await t.request.get("/api/v1/days?concept=init-container").expect(200);
      assert.deepEqual(
        res.body.items.map((d: { number: number }) => d.number),
        [2, 3],
      );
    });

    it("finds StatefulSet despite a typo, as a concept hit", async () => {
      const res = await t.request.get("/api/v1/search?q=statefulst&type=concept").expect(200);
      assert.equal(res.body.items[0].type, "CONCEPT");
      assert.equal(res.body.items[0].node.slug, "statefulset");
    });

    it("searches every type by default", async () => {
      const res = await t.request.get("/api/v1/search?q=init%20containers&limit=20").expect(200);
      const types = new Set(res.body.items.map((h: { type: string }) => h.type));
      assert.ok(types.has("CONCEPT") && types.has("DAY") && types.has("REFERENCE"), [...types].join());
    });
  });
});
