/**
 * Search ranking quality on the real content (seeds + imported fixtures): a
 * table of queries with the hit that must come first. Typos, plurals, case,
 * abbreviations, aliases and "day N" included.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startContentApp } from "../support/contentApp.ts";
import type { TestApp } from "../support/testApp.ts";
import type { SearchType } from "../../src/modules/search/searchIndex.ts";

let t: TestApp;
before(async () => {
  t = await startContentApp({ label: "search_ranking" });
});
after(async () => {
  await t.close();
});

const table: [query: string, type: SearchType, expected: string | number][] = [
  ["statefulst", "CONCEPT", "statefulset"],
  ["StatefulSet", "CONCEPT", "statefulset"],
  ["init containers", "CONCEPT", "init-container"],
  ["PVC", "CONCEPT", "persistentvolumeclaim"],
  ["persistent volume claims", "CONCEPT", "persistentvolumeclaim"],
  ["day 13", "DAY", 13],
  ["Day 59", "DAY", 59],
  ["pods", "CONCEPT", "pod"],
  ["PODS", "CONCEPT", "pod"],
  ["daemon sets", "CONCEPT", "daemonset"],
  ["deamonset", "CONCEPT", "daemonset"],
  ["api server", "CONCEPT", "kube-apiserver"],
  ["kube-apiserver", "CONCEPT", "kube-apiserver"],
  ["network policies", "CONCEPT", "networkpolicy"],
  ["taints", "CONCEPT", "taint"],
  ["cronjobs", "CONCEPT", "cronjob"],
  ["static pods", "CONCEPT", "static-pod"],
  ["liveness probe", "CONCEPT", "liveness-probe"],
  ["configmaps", "CONCEPT", "configmap"],
  ["etcd", "CONCEPT", "etcd"],
  ["prometheus", "CONCEPT", "prometheus"],
  ["k0s", "CONCEPT", "k0s"],
  ["ingress controller", "CONCEPT", "ingress-controller"],
];

const keyOf = (type: SearchType, node: unknown) =>
  type === "DAY" ? (node as { number: number }).number : type === "CONCEPT" ? (node as { slug: string }).slug : (node as { url: string }).url;

describe("search ranking", () => {
  for (const [query, type, expected] of table) {
    it(`ranks ${type.toLowerCase()} ${expected} first for "${query}"`, async () => {
      const hits = await t.services.search.search(query, { first: 5 });
      const top = hits[0];
      assert.ok(top, `no hit for ${query}`);
      assert.deepEqual([top.type, keyOf(top.type, top.node)], [type, expected], hits.map((h) => `${h.type}:${keyOf(h.type, h.node)} ${h.score}`).join(", "));
      assert.match(top.snippet, /«[^»]+»/, "the snippet marks the match");
    });
  }

  it("finds lessons when asked for days only", async () => {
    const hits = await t.services.search.search("init containers", { types: ["DAY"], first: 3 });
    assert.ok(hits.length > 0 && hits.every((h) => h.type === "DAY"));
    assert.equal(keyOf("DAY", hits[0]!.node), 12, "day 12 is the lesson on init containers");
  });

  it("returns nothing for noise and refuses overlong queries", async () => {
    assert.deepEqual(await t.services.search.search("   "), []);
    assert.deepEqual(await t.services.search.search("qqqqzzzzxx"), []);
    await assert.rejects(t.services.search.search("x".repeat(201)));
  });
});
