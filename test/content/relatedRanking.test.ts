/** The pure ranking of related concepts and the concept-path search, table-tested. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rankRelated, relationPhrase, shortestPath, type RelationEdge } from "../../src/modules/concepts/relatedRanking.ts";

const names: Record<number, string> = { 1: "Pod", 2: "Init container", 3: "Container", 4: "Deployment", 5: "Service", 6: "Ingress" };
const nameOf = (id: number) => names[id] ?? "";
const edge = (fromId: number, toId: number, kind: string, source = "CURATED", weight = 1, evidence: number[] = []): RelationEdge => ({
  fromId,
  toId,
  kind,
  source,
  weight,
  evidence,
});

describe("relation wording", () => {
  const table: [string, "OUTGOING" | "INCOMING", string][] = [
    ["PART_OF", "OUTGOING", "part of"],
    ["PART_OF", "INCOMING", "has part"],
    ["PREREQUISITE", "OUTGOING", "requires"],
    ["PREREQUISITE", "INCOMING", "required by"],
    ["MANAGES", "INCOMING", "managed by"],
    ["EXPOSES", "INCOMING", "exposed by"],
    ["CONFIGURES", "INCOMING", "configured by"],
    ["USES", "INCOMING", "used by"],
    ["ALTERNATIVE_TO", "INCOMING", "alternative to"],
    ["RELATED", "INCOMING", "related to"],
  ];
  for (const [kind, direction, phrase] of table) {
    it(`reads ${kind} ${direction.toLowerCase()} as "${phrase}"`, () => assert.equal(relationPhrase(kind, direction), phrase));
  }
});

describe("rankRelated", () => {
  const edges = [
    edge(2, 1, "PART_OF"),
    edge(1, 4, "RELATED", "DERIVED", 3, [13, 12, 14]),
    edge(5, 1, "EXPOSES", "CURATED", 0.5),
    edge(1, 6, "RELATED", "DERIVED", 1, [20]),
    edge(4, 5, "RELATED"),
  ];

  it("puts curated relations before derived ones and explains each", () => {
    const ranked = rankRelated(1, edges, nameOf, { first: 10 });
    assert.deepEqual(
      ranked.map((r) => [nameOf(r.conceptId), r.kind, r.reason]),
      [
        ["Init container", "PART_OF", "has part: Init container"],
        ["Service", "EXPOSES", "exposed by: Service"],
        ["Deployment", "CO_OCCURRENCE", "appear together in days 12, 13, 14"],
        ["Ingress", "CO_OCCURRENCE", "appear together in day 20"],
      ],
    );
  });

  it("uses the outgoing wording from the other side", () => {
    assert.equal(rankRelated(2, edges, nameOf, { first: 10 })[0]?.reason, "part of: Pod");
  });

  it("filters by kind and cuts at first", () => {
    assert.deepEqual(
      rankRelated(1, edges, nameOf, { first: 10, kinds: ["EXPOSES"] }).map((r) => r.conceptId),
      [5],
    );
    assert.equal(rankRelated(1, edges, nameOf, { first: 1 }).length, 1);
  });

  it("ignores self-relations", () => {
    assert.deepEqual(rankRelated(1, [edge(1, 1, "RELATED")], nameOf, { first: 5 }), []);
  });
});

describe("shortestPath", () => {
  it("walks edges in both directions and prefers curated chains", () => {
    const edges = [edge(2, 1, "PART_OF"), edge(5, 1, "EXPOSES"), edge(6, 5, "EXPOSES"), edge(2, 6, "RELATED", "DERIVED", 1, [3])];
    const hops = shortestPath(2, 6, edges);
    assert.deepEqual(
      hops?.map((h) => [h.toId, h.kind, h.phrase]),
      [
        [1, "PART_OF", "part of"],
        [5, "EXPOSES", "exposed by"],
        [6, "EXPOSES", "exposed by"],
      ],
    );
  });

  it("falls back to derived relations and answers null when unconnected", () => {
    assert.deepEqual(
      shortestPath(2, 6, [edge(2, 6, "RELATED", "DERIVED", 1, [3])])?.map((h) => h.kind),
      ["CO_OCCURRENCE"],
    );
    assert.equal(shortestPath(2, 3, [edge(2, 1, "PART_OF")]), null);
  });
});
