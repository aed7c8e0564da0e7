/** How operations are measured for the limits: depth, aliases, cost and page sizes. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { HEAVY_FIELDS, measureOperation } from "../../src/graphql/limits.ts";
import { buildSchema } from "../../src/graphql/modules.ts";

const schema = buildSchema();
const measure = (source: string, variables: Record<string, unknown> = {}) => {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return measureOperation(schema, op, fragments, variables);
};

describe("measureOperation", () => {
  it("counts depth through fragments and inline fragments", () => {
    assert.equal(measure(`{ apiVersion }`).depth, 1);
    assert.equal(measure(`{ day(number: 1) { ...D } } fragment D on Day { next { ... on Day { number } } }`).depth, 3);
  });

  it("counts introspection fields like any other: depth, aliases and unbounded lists", () => {
    const shape = measure(`{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`);
    // __schema 1 + types: 1 + 10 × (fields: 1 + 10 × (type 1 + ofType 1 + ofType 1 + ofType 1 + name 1))
    assert.deepEqual([shape.depth, shape.cost], [8, 1 + 1 + 10 * (1 + 10 * 5)]);
    assert.equal(measure(`{ __type(name: "Day") { a: name b: name } __typename }`).aliases, 2);
    assert.equal(measure(`{ __type(name: "Day") { fields { name } } }`).cost, 1 + 1 + 10 * 1);
    const manyFields = measure(`{ __schema { types { ${Array.from({ length: 66 }, (_, i) => `f${i}: fields { name }`).join(" ")} } } }`);
    assert.equal(manyFields.aliases, 66);
  });

  it("weighs the large texts of HEAVY_FIELDS", () => {
    assert.equal(measure(`{ day(number: 1) { number html } }`).cost, 1 + 1 + HEAVY_FIELDS["Day.html"]!);
    assert.equal(measure(`{ day(number: 1) { sections { html } } }`).cost, 1 + 1 + 10 * HEAVY_FIELDS["Section.html"]!);
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

  it("tells when the shape depends on variables (only then is it measured again for each request)", () => {
    assert.equal(measure(`query($n: Int) { days(first: $n) { totalCount } }`, { n: 5 }).usesVariables, true);
    assert.equal(measure(`query($n: Int!) { day(number: $n) { concepts { concept { related(first: 5) { reason } } } } }`, { n: 5 }).usesVariables, false);
  });
});
