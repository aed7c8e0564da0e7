/** The pure search index: word folding, typo tolerance, exact-name bonus and snippets. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  buildIndex,
  highlightedSnippet,
  markHighlights,
  queryIndex,
  queryIndexPage,
  snippetOf,
  stem,
  terms,
  type SearchDocument,
} from "../../src/modules/search/searchIndex.ts";

describe("word folding", () => {
  const table: [string, string][] = [
    ["Pods", "pod"],
    ["policies", "policy"],
    ["classes", "class"],
    ["ingress", "ingress"],
    ["status", "status"],
    ["patches", "patch"],
    ["DaemonSets", "daemonset"],
    ["k0s", "k0s"],
    ["is", "is"],
  ];
  for (const [word, folded] of table) it(`folds "${word}" to "${folded}"`, () => assert.equal(stem(word), folded));
  it("splits text into folded words", () => assert.deepEqual(terms("Init containers (v1.20)!"), ["init", "container", "v1", "20"]));
});

describe("queries", () => {
  const doc = (key: string, name: string, summary: string, exact: string[] = [], boost = 1): SearchDocument<string> => ({
    type: "CONCEPT",
    key,
    node: key,
    boost,
    exact,
    fields: [
      { name: "name", text: name, weight: 6 },
      { name: "summary", text: summary, weight: 1.5, snippet: true },
    ],
  });
  const index = buildIndex([
    doc("statefulset", "StatefulSet", "Stable names and storage for each replica.", ["statefulset", "sts"]),
    doc("deployment", "Deployment", "Rolls out replicas of stateless pods.", ["deployment"]),
    doc("pvc", "PersistentVolumeClaim", "A request for storage.", ["persistentvolumeclaim", "pvc"]),
  ]);
  const top = (q: string) => queryIndex(index, q, { first: 3 })[0]?.node;

  it("tolerates typos within one or two edits", () => {
    assert.equal(top("statefulst"), "statefulset");
    assert.equal(top("deploymnet"), "deployment");
  });
  it("matches prefixes and joined words", () => {
    assert.equal(top("persistentvol"), "pvc");
    assert.equal(top("stateful set"), "statefulset");
  });
  it("puts an exact alias first even when other words match more", () => {
    assert.equal(top("PVC"), "pvc");
    assert.ok(queryIndex(index, "sts", { first: 1 })[0]!.score >= 100);
  });
  it("returns nothing when no word matches", () => assert.deepEqual(queryIndex(index, "zebra", { first: 3 }), []));
});

describe("snippets", () => {
  it("shows a match in a name with the start of the readable text", () => {
    const d: SearchDocument = {
      type: "DAY",
      key: "d",
      node: null,
      boost: 1,
      exact: [],
      fields: [
        { name: "title", text: "Pods", weight: 5 },
        { name: "summary", text: "The smallest deployable unit.", weight: 1, snippet: true },
      ],
    };
    assert.equal(snippetOf(d, new Set(["pod"])), "«Pods» — The smallest deployable unit.");
  });

  it("marks matched words with guillemets in text stripped of markdown", () => {
    const d: SearchDocument = {
      type: "DAY",
      key: "d",
      node: null,
      boost: 1,
      exact: [],
      fields: [{ name: "body", text: "Read [the **Pod** docs](https://example.org) and run `kubectl get pods`.", weight: 1, snippet: true }],
    };
    assert.equal(snippetOf(d, new Set(["pod"])), "Read the «Pod» docs and run kubectl get «pods» .");
  });
  it("gives highlight offsets in UTF-16 code units, as JavaScript strings index", () => {
    const d: SearchDocument = {
      type: "CONCEPT",
      key: "c",
      node: null,
      boost: 1,
      exact: [],
      fields: [{ name: "summary", text: "🚀 Pods — über-fast pods", weight: 1, snippet: true }],
    };
    const { text, highlights, snippet } = highlightedSnippet(d, new Set(["pod"]));
    assert.equal(text, "🚀 Pods — über-fast pods");
    // "🚀" is two code units: the first word starts at 3, not 2 (code points) nor 5 (UTF-8 bytes).
    assert.deepEqual(highlights, [
      { field: "text", start: 3, end: 7 },
      { field: "text", start: 20, end: 24 },
    ]);
    assert.deepEqual(
      highlights.map((h) => text.slice(h.start, h.end)),
      ["Pods", "pods"],
    );
    assert.equal(snippet, "🚀 «Pods» — über-fast «pods»");
    assert.equal(markHighlights(text, highlights), snippet);
  });

  it("highlights the title beside the text, and pages the ranking with an offset", () => {
    const docs: SearchDocument[] = ["Pods", "Pod security", "Pod lifecycle"].map((title, i) => ({
      type: "CONCEPT",
      key: `c${i}`,
      node: title,
      title,
      boost: 1,
      exact: [],
      fields: [{ name: "name", text: title, weight: 1, snippet: true }],
    }));
    const index = buildIndex(docs);
    const all = queryIndexPage(index, "pod", { first: 3 });
    assert.equal(all.total, 3);
    assert.deepEqual(
      all.hits[0]!.highlights.filter((h) => h.field === "title").map((h) => all.hits[0]!.title.slice(h.start, h.end)),
      [all.hits[0]!.title.split(" ")[0]],
    );
    const second = queryIndexPage(index, "pod", { first: 2, offset: 1 });
    assert.deepEqual(
      second.hits.map((h) => h.node),
      all.hits.slice(1).map((h) => h.node),
    );
    assert.equal(second.total, 3);
  });
});
