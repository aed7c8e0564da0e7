/**
 * The concept graph over REST (JSON Graph Format and its SVG picture) and GraphQL, on
 * the sample glossary: pod — container, init container, StatefulSet, ReplicaSet,
 * Deployment (derived), and PersistentVolumeClaim two relations away.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { FILE_CSP } from "../../src/modules/files/files.routes.ts";
import { gql } from "../support/graphql.ts";
import { insertSampleContent } from "../support/sampleContent.ts";
import { parseSvg, unsafeParts } from "../support/svg.ts";
import { TEST_ORIGIN, startTestApp, type TestApp } from "../support/testApp.ts";

const svgText = (res: { body: unknown; text?: string }) => (Buffer.isBuffer(res.body) ? res.body.toString("utf8") : (res.text ?? ""));

describe("the concept graph", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "pictures_graph", prepare: insertSampleContent });
  });
  after(() => t.close());

  it("answers the whole glossary in JSON Graph Format v2: nodes keyed by slug, typed directed edges", async () => {
    const res = await t.request.get("/api/v1/concepts/graph").expect(200);
    assert.equal(res.headers["cache-control"], "public, max-age=60");
    const { graph } = res.body;
    assert.deepEqual(Object.keys(res.body), ["graph"]);
    assert.deepEqual(Object.keys(graph).sort(), ["directed", "edges", "id", "label", "metadata", "nodes", "type"]);
    assert.equal(graph.directed, true);
    assert.deepEqual(Object.keys(graph.nodes).sort(), [
      "container",
      "deployment",
      "init-container",
      "persistentvolumeclaim",
      "pod",
      "replicaset",
      "statefulset",
    ]);
    assert.deepEqual(graph.nodes.pod, {
      label: "Pod",
      metadata: {
        category: "workloads",
        summary: "The smallest deployable unit: one or more containers sharing network and storage.",
        aliases: ["po"],
        url: `${TEST_ORIGIN}/api/v1/concepts/pod`,
        docsUrl: "https://kubernetes.io/docs/pod/",
        depth: null,
      },
    });
    assert.equal(graph.edges.length, 9);
    for (const e of graph.edges) assert.ok(graph.nodes[e.source] && graph.nodes[e.target], `${e.source} → ${e.target}`);
    assert.deepEqual(
      graph.edges.find((e: { source: string; target: string }) => e.source === "init-container"),
      {
        id: "init-container PART_OF pod",
        source: "init-container",
        target: "pod",
        relation: "PART_OF",
        directed: true,
        label: "part of",
        metadata: { source: "CURATED", weight: 1, days: [] },
      },
    );
    assert.deepEqual(
      graph.edges.filter((e: { relation: string }) => e.relation === "CO_OCCURRENCE").map((e: { metadata: { days: number[] } }) => e.metadata.days),
      [[2, 5], [4]],
    );
  });

  it("filters by category, relation kinds and a focus's neighbourhood", async () => {
    const manages = (await t.request.get("/api/v1/concepts/graph?kinds=MANAGES").expect(200)).body.graph;
    assert.deepEqual(
      manages.edges.map((e: { id: string }) => e.id),
      ["deployment MANAGES replicaset", "replicaset MANAGES pod", "statefulset MANAGES pod"],
    );
    const storage = (await t.request.get("/api/v1/concepts/graph?category=storage").expect(200)).body.graph;
    assert.deepEqual([Object.keys(storage.nodes), storage.edges.length], [["persistentvolumeclaim"], 0]);
    const near = (await t.request.get("/api/v1/concepts/graph?focus=pod&depth=1").expect(200)).body.graph;
    assert.deepEqual(Object.keys(near.nodes), ["pod", "container", "deployment", "init-container", "replicaset", "statefulset"]);
    assert.equal(near.metadata.focus, "pod");
    const far = (await t.request.get("/api/v1/concepts/graph?focus=po&depth=2").expect(200)).body.graph;
    assert.equal(far.nodes.persistentvolumeclaim.metadata.depth, 2);
    assert.equal((await t.request.get("/api/v1/concepts/graph?focus=nothing").expect(404)).body.code, "NOT_FOUND");
    await t.request.get("/api/v1/concepts/graph?depth=9&focus=pod").expect(400);
    await t.request.get("/api/v1/concepts/graph?kinds=LOVES").expect(400);
    await t.request.get("/api/v1/concepts/graph?layout=x").expect(400);
  });

  it("draws a focus's neighbourhood as an SVG whose concepts link to their URLs on this API", async () => {
    const res = await t.request.get("/api/v1/concepts/graph.svg?focus=pod&depth=2").expect(200);
    assert.equal(res.headers["content-type"], "image/svg+xml; charset=utf-8");
    assert.equal(res.headers["content-security-policy"], FILE_CSP);
    assert.equal(res.headers["cache-control"], "public, max-age=60");
    const doc = parseSvg(svgText(res));
    const links = Array.from(doc.querySelectorAll("a"))
      .map((a) => a.getAttribute("href"))
      .sort();
    assert.deepEqual(
      links,
      ["container", "deployment", "init-container", "persistentvolumeclaim", "pod", "replicaset", "statefulset"].map(
        (s) => `${TEST_ORIGIN}/api/v1/concepts/${s}`,
      ),
    );
    // The derived pod → StatefulSet relation is left out: StatefulSet MANAGES pod says it better.
    assert.equal(doc.querySelectorAll("g.edge").length, 8);
    assert.equal(doc.querySelector('g.edge[data-source="pod"][data-target="statefulset"]'), null);
    assert.ok(doc.querySelector('g.edge[data-source="pod"][data-target="deployment"][data-kind="CO_OCCURRENCE"]'));
    assert.equal(doc.querySelector("svg > title")!.textContent, "Kubernetes concepts around Pod");
    assert.match(doc.querySelector("svg > desc")!.textContent!, /7 concepts and 8 relations within 2 relations of Pod/);
    assert.deepEqual(unsafeParts(doc, [`${TEST_ORIGIN}/api/v1/concepts/`]), []);
    // Public content: the response cache answers the repeat; a conditional request gets 304.
    const again = await t.request.get("/api/v1/concepts/graph.svg?focus=pod&depth=2").expect(200);
    assert.equal(again.headers["x-cache"], "HIT");
    await t.request.get("/api/v1/concepts/graph.svg?focus=pod&depth=2").set("If-None-Match", res.headers.etag!).expect(304);
    await t.request.get("/api/v1/concepts/graph.svg?focus=nothing").expect(404);
  });

  it("offers the same data over GraphQL", async () => {
    const res = await gql(
      t,
      `{ conceptGraph(focus: "pod", depth: 2, kinds: [MANAGES, USES]) {
      focus { slug } depth svgUrl nodes { concept { slug } depth url } edges { from { slug } to { slug } kind source label days } } }`,
    ).expect(200);
    const g = res.body.data.conceptGraph;
    assert.deepEqual([g.focus.slug, g.depth], ["pod", 2]);
    assert.equal(g.svgUrl, `${TEST_ORIGIN}/api/v1/concepts/graph.svg?kinds=MANAGES%2CUSES&focus=pod&depth=2`);
    assert.deepEqual(
      g.nodes.map((n: { concept: { slug: string }; depth: number }) => [n.concept.slug, n.depth]),
      [
        ["pod", 0],
        ["replicaset", 1],
        ["statefulset", 1],
        ["deployment", 2],
        ["persistentvolumeclaim", 2],
      ],
    );
    assert.equal(g.nodes[0].url, `${TEST_ORIGIN}/api/v1/concepts/pod`);
    assert.deepEqual(
      g.edges.map((e: { from: { slug: string }; to: { slug: string }; kind: string }) => `${e.from.slug} ${e.kind} ${e.to.slug}`),
      ["deployment MANAGES replicaset", "replicaset MANAGES pod", "statefulset USES persistentvolumeclaim", "statefulset MANAGES pod"],
    );
    assert.match(res.headers["cache-control"]!, /public/);
    const unknown = await gql(t, `{ conceptGraph(focus: "nothing") { depth } }`).expect(200);
    assert.equal(unknown.body.data.conceptGraph, null);
    const deep = await gql(t, `{ conceptGraph(focus: "pod", depth: 7) { depth } }`).expect(200);
    assert.equal(deep.body.errors[0].extensions.code, "BAD_USER_INPUT");
    const all = await gql(t, `{ conceptGraph { nodes { concept { slug } } edges { kind } } }`).expect(200);
    assert.deepEqual([all.body.data.conceptGraph.nodes.length, all.body.data.conceptGraph.edges.length], [7, 9]);
  });
});
