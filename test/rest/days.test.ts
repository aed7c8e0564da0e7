import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixturesDir } from "../support/databases.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

describe("REST lessons over the imported #66DaysOfK8s repository", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({
      label: "rest_days",
      prepare: async (s) => {
        await s.content.importer.importPath(fixturesDir());
      },
    });
  });
  after(() => t.close());

  describe("GET /api/v1/days/{number}", () => {
    it("returns day 13 with an ETag, and 304 for the same request with If-None-Match", async () => {
      const res = await t.request.get("/api/v1/days/13").expect(200).expect("content-type", "application/json; charset=utf-8");
      assert.equal(res.body.number, 13);
      assert.equal(res.body.title, "Pods");
      assert.equal(res.body.week, 2);
      assert.match(res.body.body, /Pod/);
      const etag = res.headers.etag!;
      assert.match(etag, /^"[^"]+"$/);
      const again = await t.request.get("/api/v1/days/13").set("If-None-Match", etag).expect(304);
      assert.equal(again.text, "");
      assert.equal(again.headers.etag, etag);
    });

    it("answers If-None-Match with 304 both from Express and from the response cache", async () => {
      t.cache!.clear();
      const first = await t.request.get("/api/v1/days/12").expect(200);
      t.cache!.clear();
      const fromExpress = await t.request.get("/api/v1/days/12").set("If-None-Match", first.headers.etag!).expect(304);
      assert.equal(fromExpress.headers["x-cache"], undefined);
      await t.request.get("/api/v1/days/12").expect(200); // stored
      const fromCache = await t.request.get("/api/v1/days/12").set("If-None-Match", first.headers.etag!).expect(304);
      assert.equal(fromCache.headers["x-cache"], "HIT");
      assert.equal(fromCache.headers.etag, first.headers.etag);
    });

    it("is public, cacheable content that varies by Accept and Origin", async () => {
      const res = await t.request.get("/api/v1/days/13").expect(200);
      assert.match(res.headers["cache-control"]!, /^public, max-age=\d+$/);
      assert.match(res.headers.vary!, /Origin/);
      assert.match(res.headers.vary!, /Accept/);
      assert.doesNotMatch(res.headers.vary!, /Authorization/);
    });

    it("serves repeated requests from the response cache without another client's rate-limit counters", async () => {
      await t.request.get("/api/v1/days/15").expect(200);
      const hit = await t.request.get("/api/v1/days/15").expect(200);
      assert.equal(hit.headers["x-cache"], "HIT");
      assert.ok(hit.headers.etag);
      assert.equal(hit.headers.ratelimit, undefined);
    });

    it("serves each reference with the lesson's own words for it and whether the References list names it", async () => {
      const res = await t.request.get("/api/v1/days/13").expect(200);
      type Item = { url: string; title: string; kind: string; text: string; listed: boolean };
      const byUrl = new Map<string, Item>(res.body.references.map((r: Item) => [r.url, r]));
      const pods = byUrl.get("https://kubernetes.io/docs/concepts/workloads/pods")!;
      assert.deepEqual([pods.text, pods.listed, pods.kind], ["Pods (official site)", true, "OFFICIAL_DOCS"]);
      const review = byUrl.get("https://thenewstack.io/review-of-container-to-container-communications-in-kubernetes")!;
      assert.deepEqual(
        [review.text, review.listed],
        ["Review of Container-to-Container Communications in Kubernetes", true],
        "the listed text, not the inline one",
      );
      const deployment = byUrl.get("https://kubernetes.io/docs/concepts/workloads/controllers/deployment")!;
      assert.deepEqual([deployment.text, deployment.listed], ["Deployment", false], "linked inline only");
      assert.equal(byUrl.get("https://docs.microsoft.com/en-us/azure/architecture/patterns/sidecar")?.kind, "DOCUMENTATION");
      for (const r of res.body.references as Item[]) assert.ok(typeof r.title === "string" && r.title.length > 0);
    });

    it("shows the lesson's neighbours and its series", async () => {
      const res = await t.request.get("/api/v1/days/13").expect(200);
      assert.equal(res.body.series, "Kubernetes Architecture");
      assert.equal(res.body.part, 5);
      assert.ok(res.body.seriesDays.includes(13));
      assert.equal(typeof res.body.previous, "number");
      assert.deepEqual(res.body.links, {
        self: "/api/v1/days/13",
        markdown: "/api/v1/days/13.md",
        html: "/api/v1/days/13.html",
        days: [{ number: 12, title: "Init containers", text: "init containers", section: "Pods", url: "/api/v1/days/12" }],
        linkedFrom: [{ number: 12, title: "Init containers", text: "Part 5: Pods", section: "References", url: "/api/v1/days/12" }],
      });
    });

    it("answers HEAD with the headers of GET and no body", async () => {
      const get = await t.request.get("/api/v1/days/14").expect(200);
      const head = await t.request.head("/api/v1/days/14").expect(200);
      assert.equal(head.headers.etag, get.headers.etag);
      assert.equal(head.headers["content-length"], get.headers["content-length"]);
      assert.equal(head.text, undefined);
    });

    it("answers an unknown day with 404 problem+json", async () => {
      const res = await t.request.get("/api/v1/days/99").expect(404).expect("content-type", "application/problem+json; charset=utf-8");
      assert.deepEqual([res.body.status, res.body.code, res.body.detail], [404, "NOT_FOUND", "Day 99 not found"]);
      assert.equal(res.body.instance, "/api/v1/days/99");
    });

    it("answers a day that is not a number with 400 naming the parameter", async () => {
      const res = await t.request
        .get("/api/v1/days/thirteen")
        .expect(400)
        .expect("content-type", /application\/problem\+json/);
      assert.deepEqual(
        res.body.errors.map((e: { path: string[] }) => e.path),
        [["number"]],
      );
      await t.request.get("/api/v1/days/0").expect(400);
    });

    it("answers a request for HTML with 406", async () => {
      const res = await t.request.get("/api/v1/days/13").set("Accept", "text/html").expect(406);
      assert.equal(res.body.code, "NOT_ACCEPTABLE");
    });
  });

  describe("GET /api/v1/days/{number}.md", () => {
    it("renders the lesson as markdown with its references, cacheable with an ETag", async () => {
      const res = await t.request.get("/api/v1/days/13.md").expect(200).expect("content-type", "text/markdown; charset=utf-8");
      assert.match(res.text, /^# Day 13: Pods\n/);
      assert.match(res.text, /## Lesson/);
      assert.match(res.text, /\/api\/v1\/days\/13\.md/);
      assert.match(res.headers["cache-control"]!, /^public/);
      await t.request.get("/api/v1/days/13.md").set("If-None-Match", res.headers.etag!).expect(304);
    });

    it("answers 404 for an unknown day and 406 to a client that wants only JSON", async () => {
      await t.request
        .get("/api/v1/days/99.md")
        .expect(404)
        .expect("content-type", /application\/problem\+json/);
      await t.request.get("/api/v1/days/13.md").set("Accept", "application/json").expect(406);
    });
  });

  describe("GET /api/v1/days", () => {
    it('visits all 66 days exactly once by following Link: rel="next" from ?limit=10', async () => {
      const seen: number[] = [];
      let url: string | null = "/api/v1/days?limit=10";
      let pages = 0;
      while (url) {
        const res: import("supertest").Response = await t.request.get(url).expect(200);
        pages++;
        assert.ok(res.body.items.length <= 10);
        seen.push(...res.body.items.map((d: { number: number }) => d.number));
        const link = res.headers.link as string | undefined;
        const m = link ? /^<([^>]+)>; rel="next"$/.exec(link) : null;
        assert.equal(Boolean(m), res.body.next !== null, "Link header present exactly when next is");
        if (m) assert.match(m[1]!, new RegExp(`cursor=${res.body.next}`));
        url = m ? m[1]! : null;
        assert.ok(pages <= 10, "pagination ends");
      }
      assert.equal(pages, 7);
      assert.equal(seen.length, 66);
      assert.deepEqual(
        seen,
        Array.from({ length: 66 }, (_, i) => i + 1),
      );
    });

    it("defaults to 20 items and refuses a limit above 100 or below 1", async () => {
      const res = await t.request.get("/api/v1/days").expect(200);
      assert.equal(res.body.items.length, 20);
      assert.equal(typeof res.body.next, "string");
      for (const limit of ["101", "0", "ten"]) {
        const bad = await t.request.get(`/api/v1/days?limit=${limit}`).expect(400);
        assert.deepEqual(bad.body.errors[0].path, ["limit"]);
      }
      await t.request.get("/api/v1/days?limit=100").expect(200);
    });

    it("keeps the filters in the next link", async () => {
      const res = await t.request.get("/api/v1/days?week=2&limit=3").expect(200);
      assert.ok(res.body.items.every((d: { week: number }) => d.week === 2));
      assert.match(res.headers.link!, /week=2/);
      const next = await t.request.get(/^<([^>]+)>/.exec(res.headers.link!)![1]!).expect(200);
      assert.ok(next.body.items.length > 0);
      assert.ok(next.body.items.every((d: { week: number; number: number }) => d.week === 2 && d.number > res.body.items.at(-1).number));
    });

    it("filters by kind, series, tag and words like GraphQL does", async () => {
      const theory = await t.request.get("/api/v1/days?kind=theory&limit=100").expect(200);
      assert.ok(theory.body.items.length > 0 && theory.body.items.every((d: { kind: string }) => d.kind === "THEORY"));
      const series = await t.request.get("/api/v1/days?series=architecture&limit=100").expect(200);
      assert.ok(series.body.items.some((d: { number: number }) => d.number === 13));
      assert.ok(series.body.items.every((d: { series: string }) => /architecture/i.test(d.series)));
      const tag = await t.request.get("/api/v1/days?tag=%2366DaysChallenge&limit=100").expect(200);
      assert.ok(tag.body.items.some((d: { number: number }) => d.number === 13));
      const words = await t.request.get("/api/v1/days?q=pod&limit=100").expect(200);
      assert.ok(words.body.items.some((d: { number: number }) => d.number === 13));
      const none = await t.request.get("/api/v1/days?q=zzzznothing").expect(200);
      assert.deepEqual(none.body, { items: [], next: null });
      assert.equal(none.headers.link, undefined);
    });

    it("refuses a bad filter or a forged cursor with 400 naming the parameter", async () => {
      const kind = await t.request.get("/api/v1/days?kind=NOVEL").expect(400);
      assert.deepEqual(kind.body.errors[0].path, ["kind"]);
      const cursor = await t.request.get("/api/v1/days?cursor=bm90LWEtY3Vyc29y").expect(400);
      assert.deepEqual(cursor.body.errors[0].path, ["cursor"]);
      assert.match(cursor.body.detail, /cursor/);
    });
  });

  describe("challenges", () => {
    it("lists the challenge and shows it by slug", async () => {
      const list = await t.request.get("/api/v1/challenges").expect(200);
      assert.equal(list.body.items.length, 1);
      const slug = list.body.items[0].slug;
      const one = await t.request.get(`/api/v1/challenges/${slug}`).expect(200);
      assert.equal(one.body.dayCount, 66);
      assert.equal(one.body.totalDays, 66);
      assert.ok(one.headers.etag);
    });

    it("answers an unknown challenge with 404", async () => {
      const res = await t.request.get("/api/v1/challenges/100daysofcode").expect(404);
      assert.match(res.body.detail, /100daysofcode/);
    });
  });

  describe("learning paths", () => {
    it("lists chronological first and returns its 66 days in order", async () => {
      const list = await t.request.get("/api/v1/learning-paths").expect(200);
      assert.equal(list.body.items[0].name, "chronological");
      assert.equal(list.body.items[0].length, 66);
      const path = await t.request.get("/api/v1/learning-paths/chronological").expect(200);
      assert.deepEqual(
        path.body.days.map((d: { number: number }) => d.number),
        Array.from({ length: 66 }, (_, i) => i + 1),
      );
    });

    it("serves the suggested order of the repository and 404 for an unknown path", async () => {
      const suggested = await t.request.get("/api/v1/learning-paths/suggested").expect(200);
      assert.ok(suggested.body.days.length > 0);
      await t.request.get("/api/v1/learning-paths/random").expect(404);
    });
  });

  describe("references", () => {
    it("pages through references with Link and filters by day", async () => {
      const first = await t.request.get("/api/v1/references?limit=5").expect(200);
      assert.equal(first.body.items.length, 5);
      assert.match(first.headers.link!, /rel="next"/);
      const second = await t.request.get(/^<([^>]+)>/.exec(first.headers.link!)![1]!).expect(200);
      const urls = new Set(first.body.items.map((r: { url: string }) => r.url));
      assert.ok(second.body.items.every((r: { url: string }) => !urls.has(r.url)));
      const forDay = await t.request.get("/api/v1/references?day=13&limit=100").expect(200);
      const day = await t.request.get("/api/v1/days/13").expect(200);
      assert.deepEqual(forDay.body.items.map((r: { url: string }) => r.url).sort(), day.body.references.map((r: { url: string }) => r.url).sort());
    });

    it("refuses a day that is not a number", async () => {
      const res = await t.request.get("/api/v1/references?day=x").expect(400);
      assert.deepEqual(res.body.errors[0].path, ["day"]);
    });
  });

  describe("search", () => {
    it("finds lessons by a word, best first, with highlighted snippets", async () => {
      const res = await t.request.get("/api/v1/search?q=pods&type=day&limit=3").expect(200);
      assert.ok(res.body.items.length > 0 && res.body.items.length <= 3);
      assert.ok(res.body.items.every((h: { type: string }) => h.type === "DAY"));
      assert.match(res.body.items[0].snippet, /«/);
      const scores = res.body.items.map((h: { score: number }) => h.score);
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
      );
      assert.match(res.headers["cache-control"]!, /^public/);
    });

    it("requires q and refuses unknown types and oversized limits", async () => {
      assert.deepEqual((await t.request.get("/api/v1/search").expect(400)).body.errors[0].path, ["q"]);
      assert.deepEqual((await t.request.get("/api/v1/search?q=pod&type=video").expect(400)).body.errors[0].path, ["type"]);
      assert.deepEqual((await t.request.get("/api/v1/search?q=pod&limit=500").expect(400)).body.errors[0].path, ["limit"]);
    });
  });
});
