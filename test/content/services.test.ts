/**
 * The content services on a small hand-written store (test/support/sampleContent.ts),
 * through their public functions — the same ones GraphQL, REST and MCP call.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { insertSampleContent } from "../support/sampleContent.ts";
import { AppError } from "../../src/errors.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp({ label: "content_services", prepare: insertSampleContent });
});
after(async () => {
  await t.close();
});

describe("days service", () => {
  it("gets a day by number and answers null for a missing day or challenge", async () => {
    const day = await t.services.days.get(2);
    assert.equal(day?.title, "Pods");
    assert.equal(day?.series, "Architecture");
    assert.equal(await t.services.days.get(99), null);
    assert.equal(await t.services.days.get(2, "no-such-challenge"), null);
    assert.equal((await t.services.days.get(2, "66DaysOfK8s"))?.number, 2);
  });

  it("decodes JSON-text columns into lists", async () => {
    const day = await t.services.days.get(1);
    assert.deepEqual(day?.tags, ["kubernetes", "k0s"]);
    assert.deepEqual(day?.basedOn, []);
  });

  it("pages through every day exactly once with opaque cursors", async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await t.services.days.list({}, { first: 4, after });
      assert.equal(page.totalCount, 6);
      seen.push(...page.items.map((d) => d.number));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      assert.doesNotMatch(after ?? "", /^\d+$/, "cursors are opaque, not raw numbers");
    }
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6]);
  });

  it("filters by week, kind, series, concept, tag and text", async () => {
    const numbers = async (filter: Parameters<typeof t.services.days.list>[0]) => (await t.services.days.list(filter)).items.map((d) => d.number);
    assert.deepEqual(await numbers({ week: 1 }), [1, 2, 3]);
    assert.deepEqual(await numbers({ kind: "exercise" }), [1, 6]);
    assert.deepEqual(await numbers({ series: "architecture" }), [2, 3, 5]);
    assert.deepEqual(await numbers({ concept: "persistentvolumeclaim" }), [4, 6]);
    assert.deepEqual(await numbers({ tag: "#storage" }), [4]);
    assert.deepEqual(await numbers({ text: "REPLICASETS" }), [5]);
    assert.deepEqual(await numbers({ week: 2, text: "pvc" }), [6]);
  });

  it("rejects a page size above 100 and a foreign cursor", async () => {
    await assert.rejects(t.services.days.list({}, { first: 101 }), (e: unknown) => e instanceof AppError && e.code === "BAD_REQUEST");
    await assert.rejects(t.services.days.list({}, { first: 0 }), AppError);
    await assert.rejects(t.services.days.list({}, { after: "bm9wZQ" }), (e: unknown) => e instanceof AppError && /cursor/.test(e.message));
  });

  it("returns parts and relations in batches aligned with the ids", async () => {
    const [d2, d3] = [(await t.services.days.get(2))!, (await t.services.days.get(3))!];
    const ids = [d2.id, d3.id];
    const lists = await t.services.days.listsByDayIds(ids);
    const items = (...texts: string[]) => texts.map((text) => ({ text, markdown: text }));
    assert.deepEqual(lists[0], {
      tasks: items("Read about pods", "Run a pod"),
      setup: items("minikube"),
      takeaways: items("Pods are ephemeral"),
      versionNotes: [],
    });
    assert.deepEqual(lists[1], { tasks: [], setup: [], takeaways: [], versionNotes: [] });
    assert.equal((await t.services.days.toolVersionsByDayIds(ids))[0]![0]!.version, "v1.20.0");
    assert.equal((await t.services.days.snippetsByDayIds(ids))[0]![0]!.language, "bash");
    assert.deepEqual((await t.services.days.attachmentsByDayIds(ids))[0]![0]!.kinds, ["Pod"]);
    assert.equal((await t.services.days.sectionsByDayIds(ids))[0]![0]!.anchor, "tasks");
    const concepts = await t.services.days.conceptsByDayIds(ids);
    assert.deepEqual(
      concepts[0]!.map((c) => c.concept.slug),
      ["pod", "container", "init-container"],
    );
    assert.equal(concepts[1]![0]!.focus, true);
    const refs = await t.services.references.byDayIds(ids);
    assert.deepEqual(
      refs.map((r) => r.length),
      [2, 1],
    );
  });

  it("links previous and next through series parts, else by number", async () => {
    const get = async (n: number) => (await t.services.days.get(n))!;
    const [d3, d5, d4, d1] = await Promise.all([get(3), get(5), get(4), get(1)]);
    const prev = await t.services.days.previousIdsOf([d3, d5, d4, d1]);
    const next = await t.services.days.nextIdsOf([d3, d5, d4]);
    const numberOf = async (id: number | null) => (id === null ? null : (await t.services.days.byIds([id]))[0]!.number);
    assert.deepEqual(await Promise.all(prev.map(numberOf)), [2, 3, 3, null]);
    assert.deepEqual(await Promise.all(next.map(numberOf)), [5, 6, 5]);
    const series = await t.services.days.seriesOf(d3);
    assert.equal(series?.name, "Architecture");
    assert.equal(series?.part, 2);
    assert.equal(series?.dayIds.length, 3);
    assert.equal(await t.services.days.seriesOf(d4), null);
  });
});

describe("concepts service", () => {
  it("finds a concept by slug, name, alias, plural and case", async () => {
    for (const q of ["statefulset", "StatefulSet", "sts", "Stateful Sets", "STATEFULSETS"]) {
      assert.equal((await t.services.concepts.get(q))?.slug, "statefulset", q);
    }
    assert.equal((await t.services.concepts.get("init containers"))?.slug, "init-container");
    assert.equal(await t.services.concepts.get("podcast"), null);
  });

  it("lists concepts by category and text with paging", async () => {
    const storage = await t.services.concepts.list({ category: "storage" });
    assert.deepEqual(
      storage.items.map((c) => c.slug),
      ["persistentvolumeclaim"],
    );
    const first = await t.services.concepts.list({}, { first: 3 });
    assert.equal(first.totalCount, 7);
    const second = await t.services.concepts.list({}, { first: 3, after: first.pageInfo.endCursor });
    assert.deepEqual([...first.items, ...second.items].map((c) => c.slug).slice(0, 6), [
      "container",
      "deployment",
      "init-container",
      "persistentvolumeclaim",
      "pod",
      "replicaset",
    ]);
    assert.deepEqual(
      (await t.services.concepts.list({ text: "storage" })).items.map((c) => c.slug),
      ["persistentvolumeclaim", "pod", "statefulset"],
    );
  });

  it("ranks curated relations first with inverse wording, then co-occurrence", async () => {
    const related = await t.services.concepts.related("pod");
    const reasons = related.map((r) => `${r.concept.slug}|${r.kind}|${r.reason}`);
    const curated = related.filter((r) => r.source === "CURATED");
    const derived = related.filter((r) => r.source === "DERIVED");
    assert.ok(curated.length >= 4 && derived.length >= 1, reasons.join("\n"));
    assert.ok(Math.min(...curated.map((r) => r.score)) > Math.max(...derived.map((r) => r.score)));
    assert.ok(reasons.includes("init-container|PART_OF|has part: Init container"), reasons.join("\n"));
    assert.ok(
      reasons.some((r) => r.startsWith("container|PREREQUISITE|requires: Container")),
      reasons.join("\n"),
    );
    // One entry per neighbour: the curated reason first, the co-occurrence appended.
    assert.ok(reasons.includes("statefulset|MANAGES|managed by: StatefulSet; appear together in day 4"), reasons.join("\n"));
    assert.ok(reasons.includes("deployment|CO_OCCURRENCE|appear together in days 2, 5"), reasons.join("\n"));
    const fromInit = await t.services.concepts.related("init-container");
    assert.equal(fromInit[0]?.reason, "part of: Pod");
  });

  it("filters related concepts by kind and bounds their number", async () => {
    const onlyDerived = await t.services.concepts.related("pod", { kinds: ["CO_OCCURRENCE"] });
    assert.deepEqual(
      onlyDerived.map((r) => r.concept.slug),
      ["deployment", "statefulset"],
    );
    assert.equal((await t.services.concepts.related("pod", { first: 2 })).length, 2);
    await assert.rejects(t.services.concepts.related("nope"), (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND");
  });

  it("lists prerequisites", async () => {
    const pod = (await t.services.concepts.get("pod"))!;
    const [prereqs] = await t.services.concepts.prerequisitesByConceptIds([pod.id]);
    assert.deepEqual(
      prereqs!.map((c) => c.slug),
      ["container"],
    );
  });

  it("finds the shortest chain of relations between two concepts in both directions", async () => {
    const path = await t.services.concepts.conceptPath("init-container", "persistentvolumeclaim");
    assert.ok(path);
    assert.deepEqual(
      path.hops.map((h) => h.to.slug),
      ["pod", "statefulset", "persistentvolumeclaim"],
    );
    assert.deepEqual(
      path.hops.map((h) => `${h.kind}/${h.direction}`),
      ["PART_OF/OUTGOING", "MANAGES/INCOMING", "USES/OUTGOING"],
    );
    assert.equal(path.hops[1]!.description, "Pod — managed by → StatefulSet");
    assert.equal((await t.services.concepts.conceptPath("pod", "pod"))?.length, 0);
  });
});

describe("references and paths services", () => {
  it("filters references by domain, kind, concept, day and text", async () => {
    const titles = async (f: Parameters<typeof t.services.references.list>[0]) => (await t.services.references.list(f)).items.map((r) => r.title);
    assert.deepEqual(await titles({ domain: "example.dev" }), ["StatefulSets explained"]);
    assert.deepEqual(await titles({ kind: "official_docs" }), ["Pods", "Init Containers"]);
    assert.deepEqual(await titles({ concept: "init-container" }), ["Init Containers"]);
    assert.deepEqual(await titles({ day: 2 }), ["Pods", "Init Containers"]);
    assert.deepEqual(await titles({ text: "STATEFUL" }), ["StatefulSets explained"]);
  });

  it("lists the days citing a reference", async () => {
    const init = (await t.services.references.list({ text: "init-containers" })).items[0]!;
    const [days] = await t.services.days.byReferenceIds([init.id]);
    assert.deepEqual(
      days!.map((d) => d.number),
      [2, 3],
    );
  });

  it("serves the chronological and suggested paths and the next day on each", async () => {
    assert.deepEqual(
      (await t.services.paths.learningPath())?.days.map((d) => d.number),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(
      (await t.services.paths.learningPath("suggested"))?.days.map((d) => d.number),
      [2, 3, 5, 1, 4, 6],
    );
    assert.equal(await t.services.paths.learningPath("nope"), null);
    assert.equal((await t.services.paths.nextDay(5, "suggested"))?.number, 1);
    assert.equal((await t.services.paths.nextDay(5))?.number, 6);
    assert.equal(await t.services.paths.nextDay(6), null);
    assert.deepEqual(
      (await t.services.paths.names()).map((p) => p.name),
      ["chronological", "suggested"],
    );
  });
});

describe("search service", () => {
  it("tolerates typos, plurals and case and highlights matches with guillemets", async () => {
    const [hit] = await t.services.search.search("statefulst");
    assert.equal(hit?.type, "CONCEPT");
    assert.equal((hit?.node as { slug: string } | undefined)?.slug, "statefulset");
    const [pvc] = await t.services.search.search("PVC");
    assert.equal((pvc?.node as { slug: string } | undefined)?.slug, "persistentvolumeclaim");
    const [day] = await t.services.search.search("day 3");
    assert.equal((day?.node as { number: number } | undefined)?.number, 3);
    const hits = await t.services.search.search("init containers", { types: ["DAY"] });
    assert.ok(hits.every((h) => h.type === "DAY"));
    assert.match(hits[0]!.snippet, /«Init» «containers»/);
  });

  it("rebuilds its index when the content version changes", async () => {
    assert.equal((await t.services.search.search("zebrafish")).length, 0);
    const prisma = t.services.deps.db.prisma;
    await prisma.concept.create({ data: { slug: "zebrafish", name: "Zebrafish", category: "tooling" } });
    await prisma.contentState.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
    await t.services.contentCache.refresh();
    assert.equal((await t.services.search.search("zebrafish"))[0]?.type, "CONCEPT");
  });
});
