/** How operations are measured for the limits: depth, aliases, cost and page sizes. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { measureOperation } from "../../src/graphql/limits.ts";
import { buildSchema } from "../../src/graphql/modules.ts";

const schema = buildSchema();
const measure = (source: string, variables: Record<string, unknown> = {}) => {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return measureOperation(schema, op, fragments, variables);
};

describe("measureOperation", () => {
  it("counts depth through fragments and inline fragments", () => {
    assert.equal(measure(`{ apiVersion }`).depth, 1);
    assert.equal(measure(`{ day(number: 1) { ...D } } fragment D on Day { next { ... on Day { number } } }`).depth, 3);
  });

  it("ignores introspection fields", () => {
    const shape = measure(`{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`);
    assert.deepEqual([shape.depth, shape.cost], [0, 0]);
  });

  it("counts aliases", () => assert.equal(measure(`{ a: apiVersion b: apiVersion apiVersion }`).aliases, 2));

  it("multiplies a connection's edges by its first, and unbounded lists by 10", () => {
    // days(first: 50): 1 + 1 × (edges: 1 + 50 × (node: 1 + 1 × (number 1 + concepts: 1 + 10 × (weight 1))))
    assert.equal(measure(`{ days(first: 50) { edges { node { number concepts { weight } } } } }`).cost, 1 + 1 + 50 * (1 + 1 + 1 + 10));
    assert.equal(measure(`{ days { totalCount } }`).cost, 2);
  });

  it("reads first from variables and defaults, and flags values outside 1–100", () => {
    assert.deepEqual(measure(`query($n: Int) { days(first: $n) { totalCount } }`, { n: 500 }).badPageSizes, [{ field: "days", value: 500 }]);
    assert.deepEqual(measure(`{ concept(slug: "pod") { related(first: 0) { reason } } }`).badPageSizes, [{ field: "related", value: 0 }]);
    assert.deepEqual(measure(`{ concept(slug: "pod") { related { reason } } }`).badPageSizes, []);
  });
});
