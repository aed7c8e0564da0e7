/**
 * The GraphQL content API through HTTP, on a store with the seeds loaded and the
 * fixture repository imported.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startContentApp } from "../support/contentApp.ts";
import { gql } from "../support/graphql.ts";
import type { TestApp } from "../support/testApp.ts";

let t: TestApp;
before(async () => {
  t = await startContentApp({ label: "graphql_content" });
});
after(async () => {
  await t.close();
});

const ok = async (query: string, variables?: Record<string, unknown>) => {
  const res = await gql(t, query, variables);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data;
};

describe("days", () => {
  it("serves how a lesson cites each source: its own words, listed or inline, in order", async () => {
    const { day } = await ok(`{ day(number: 42) { references { url } citations { text listed position reference { url title kind } } } }`);
    assert.deepEqual(
      day.citations.map((c: { reference: { url: string } }) => c.reference.url),
      day.references.map((r: { url: string }) => r.url),
      "the same sources as Day.references, in the same order",
    );
    assert.deepEqual(
      day.citations.map((c: { position: number }) => c.position),
      day.citations.map((_: unknown, i: number) => i),
    );
    const lens = day.citations.find((c: { reference: { url: string } }) => c.reference.url === "https://k8slens.dev");
    assert.deepEqual([lens.text, lens.listed, lens.reference.kind], ["Lens Homepage", true, "DOCUMENTATION"]);
    const release = day.citations.find((c: { reference: { url: string } }) => c.reference.url === "https://github.com/lensapp/lens/releases/tag/v4.1.2");
    assert.deepEqual(
      [release.text, release.listed, release.reference.kind],
      ["lensapp/lens: releases/tag/v4.1.2", false, "REPOSITORY"],
      "'link' is no title: the page path is",
    );
  });

  it("answers day 13 with its parts, concepts, references and neighbours", async () => {
    const { day } = await ok(`{ day(number: 13) {
      number title week date summary tldr body tasks setup toolVersions { tool version } snippets { language code }
      attachments { name kinds } references { url domain kind } concepts { concept { slug } weight focus }
      previous { number } next { number } series { name part days { number } } } }`);
    assert.equal(day.number, 13);
    assert.equal(day.title, "Pods");
    assert.equal(day.date, "2021-01-23");
    assert.ok(day.tasks.length > 0);
    assert.ok(day.references.some((r: { domain: string }) => r.domain === "kubernetes.io"));
    const slugs = day.concepts.map((c: { concept: { slug: string } }) => c.concept.slug);
    for (const s of ["pod", "init-container", "statefulset", "daemonset"]) assert.ok(slugs.includes(s), `${s} in ${slugs}`);
    const weights = day.concepts.map((c: { weight: number }) => c.weight);
    assert.deepEqual(
      weights,
      [...weights].sort((a: number, b: number) => b - a),
      "concepts are ordered by weight",
    );
    assert.equal(day.series.name, "Kubernetes Architecture");
    assert.equal(day.series.part, 5);
    assert.deepEqual([day.previous.number, day.next.number], [12, 14]);
    assert.ok(day.series.days.length >= 5);
  });

  it("answers null, not an error, for a missing day or concept", async () => {
    const data = await ok(`{ day(number: 99) { number } concept(slug: "podcast") { slug } conceptPath(from: "pod", to: "nope") { length } }`);
    assert.deepEqual(data, { day: null, concept: null, conceptPath: null });
  });

  it("visits all 66 days exactly once by following cursors", async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { days } = await ok(
        `query($after: String) { days(first: 10, after: $after) { totalCount edges { cursor node { number } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      assert.equal(days.totalCount, 66);
      seen.push(...days.edges.map((e: { node: { number: number } }) => e.node.number));
      if (!days.pageInfo.hasNextPage) break;
      after = days.pageInfo.endCursor;
    }
    assert.deepEqual(
      seen,
      Array.from({ length: 66 }, (_, i) => i + 1),
    );
  });

  it("filters days by week, concept and text", async () => {
    const { week, concept, text } = await ok(`{
      week: days(filter: { week: 2 }, first: 100) { totalCount }
      concept: days(filter: { concept: "init-container" }) { edges { node { number } } }
      text: days(filter: { text: "statefulset" }) { edges { node { number } } } }`);
    assert.ok(week.totalCount >= 5 && week.totalCount <= 7);
    assert.ok(concept.edges.some((e: { node: { number: number } }) => e.node.number === 13));
    assert.ok(text.edges.some((e: { node: { number: number } }) => e.node.number === 59));
  });
});

describe("concepts", () => {
  it("explains the relations of pod: curated first with inverse wording, then co-occurrence", async () => {
    const { concept } = await ok(`{ concept(slug: "pod") { slug name aliases docsUrl days { number } references { url } prerequisites { slug }
      related(first: 100) { concept { slug } score kind source direction reason days } } }`);
    assert.equal(concept.name, "Pod");
    const related = concept.related as { concept: { slug: string }; score: number; kind: string; source: string; reason: string }[];
    assert.ok(related.length >= 5);
    const firstDerived = related.findIndex((r) => r.source === "DERIVED");
    if (firstDerived >= 0)
      assert.ok(
        related.slice(firstDerived).every((r) => r.source === "DERIVED"),
        "curated relations come first",
      );
    assert.ok(
      related.some((r) => r.concept.slug === "init-container" && /has part: Init container/i.test(r.reason)),
      JSON.stringify(related.slice(0, 10)),
    );
    const scores = related.map((r) => r.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
  });

  it("says why init-container relates to pod from its own side", async () => {
    const { concept } = await ok(`{ concept(slug: "init containers") { slug related(kinds: [PART_OF]) { concept { slug } reason direction } } }`);
    assert.equal(concept.slug, "init-container");
    assert.ok(
      concept.related.some(
        (r: { concept: { slug: string }; reason: string; direction: string }) =>
          r.concept.slug === "pod" && r.reason === "part of: Pod" && r.direction === "OUTGOING",
      ),
    );
  });

  it("finds a chain of relations between two concepts", async () => {
    const { conceptPath } = await ok(
      `{ conceptPath(from: "init-container", to: "persistentvolumeclaim") { length from { slug } to { slug } hops { from { slug } to { slug } kind direction description } } }`,
    );
    assert.ok(conceptPath.length >= 1);
    assert.equal(conceptPath.hops[0].from.slug, "init-container");
    assert.equal(conceptPath.hops.at(-1).to.slug, "persistentvolumeclaim");
    for (let i = 1; i < conceptPath.hops.length; i++) assert.equal(conceptPath.hops[i].from.slug, conceptPath.hops[i - 1].to.slug);
  });

  it("pages concepts and filters them by category", async () => {
    const { all, storage } = await ok(`{ all: concepts(first: 100) { totalCount edges { node { slug } } }
      storage: concepts(filter: { category: "storage" }, first: 100) { edges { node { slug category } } } }`);
    assert.ok(all.totalCount >= 90);
    assert.ok(storage.edges.length > 0 && storage.edges.every((e: { node: { category: string } }) => e.node.category === "storage"));
  });
});

describe("paths, references and search", () => {
  it("serves the suggested path and the next day on it", async () => {
    const { suggested, chrono, nextChrono } = await ok(`{
      suggested: learningPath(name: "suggested") { name days { number } }
      chrono: learningPath { name days { number } }
      nextChrono: nextDay(after: 13) { number } }`);
    assert.equal(suggested.name, "suggested");
    assert.equal(chrono.days.length, 66);
    assert.equal(nextChrono.number, 14);
    const order = suggested.days.map((d: { number: number }) => d.number);
    assert.ok(order.length >= 10);
    assert.equal(new Set(order).size, order.length);
    const { nextDay } = await ok(`query($after: Int!) { nextDay(after: $after, path: "suggested") { number } }`, { after: order[0] });
    assert.equal(nextDay.number, order[1]);
    const { last } = await ok(`query($after: Int!) { last: nextDay(after: $after, path: "suggested") { number } }`, { after: order.at(-1) });
    assert.equal(last, null);
  });

  it("lists references with the days citing them", async () => {
    const { cited, docs } = await ok(`{
      cited: references(filter: { day: 13, domain: "kubernetes.io" }, first: 20) { totalCount edges { node { url domain kind days { number } } } }
      docs: references(filter: { concept: "statefulset" }) { edges { node { url } } } }`);
    assert.ok(cited.totalCount > 0);
    for (const e of cited.edges) {
      assert.equal(e.node.domain, "kubernetes.io");
      assert.ok(
        e.node.days.some((d: { number: number }) => d.number === 13),
        e.node.url,
      );
    }
    assert.ok(docs.edges.length > 0, "a concept's documentation is among its references");
  });

  it("ranks StatefulSet first for a typo and resolves the union", async () => {
    const { search } = await ok(
      `{ search(query: "statefulst", first: 5) { type score snippet node { __typename ... on Concept { slug } ... on Day { number } ... on Reference { url } } } }`,
    );
    assert.equal(search[0].type, "CONCEPT");
    assert.equal(search[0].node.__typename, "Concept");
    assert.equal(search[0].node.slug, "statefulset");
    assert.match(search[0].snippet, /«StatefulSet»/);
  });

  it("restricts search to the asked types", async () => {
    const { search } = await ok(`{ search(query: "pods", types: [DAY], first: 5) { type node { ... on Day { number } } } }`);
    assert.ok(search.length > 0 && search.every((h: { type: string }) => h.type === "DAY"));
  });
});

describe("HTTP behaviour", () => {
  it("answers GET queries and marks anonymous content as publicly cacheable", async () => {
    const res = await t.request
      .get("/graphql")
      .query({ query: "{ day(number: 1) { number title } }" })
      .set("Accept", "application/graphql-response+json")
      .set("apollo-require-preflight", "true");
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.data.day.number, 1);
    assert.match(res.headers["cache-control"] ?? "", /public/);
    assert.match(res.headers["cache-control"] ?? "", /max-age=60/);
  });

  it("never marks errors or unhinted fields as cacheable", async () => {
    const res = await gql(t, "{ days(first: 500) { totalCount } }");
    assert.doesNotMatch(res.headers["cache-control"] ?? "no-store", /public/);
  });

  it("answers an operationName the document lacks as a request error, not an internal error", async () => {
    const res = await t.request.post("/graphql").set("Content-Type", "application/json").send({ query: "{ days { totalCount } }", operationName: "Nope" });
    assert.ok(res.status < 500, `${res.status} ${res.text}`);
    assert.notEqual(res.body.errors?.[0]?.extensions?.code, "INTERNAL_SERVER_ERROR", res.text);
    assert.match(res.body.errors?.[0]?.message ?? "", /Nope/);
    assert.doesNotMatch(res.headers["cache-control"] ?? "no-store", /public/);
  });

  it("keeps CSRF prevention on: a simple text/plain POST is refused", async () => {
    const res = await t.request
      .post("/graphql")
      .set("Content-Type", "text/plain")
      .send(JSON.stringify({ query: "{ apiVersion }" }));
    assert.equal(res.status, 400);
    assert.doesNotMatch(res.text, /<html/i);
  });

  it("supports automatic persisted queries", async () => {
    const query = "{ day(number: 2) { number } }";
    const { createHash } = await import("node:crypto");
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const post = (body: unknown) =>
      t.request.post("/graphql").set("Content-Type", "application/json").set("Accept", "application/graphql-response+json").send(JSON.stringify(body));
    const miss = await post({ extensions });
    assert.equal(miss.body.errors?.[0]?.extensions?.code, "PERSISTED_QUERY_NOT_FOUND");
    const register = await post({ query, extensions });
    assert.equal(register.body.data.day.number, 2);
    const hit = await post({ extensions });
    assert.equal(hit.body.data.day.number, 2);
  });
});
