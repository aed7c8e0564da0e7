/** The Cache-Control of GraphQL responses, worked out from the schema's @cacheControl hints once per operation. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { cacheControlHeader, operationCacheHint } from "../../src/graphql/cachePolicy.ts";
import { buildSchema } from "../../src/graphql/modules.ts";

const hintOf = (schema: GraphQLSchema, source: string, defaultMaxAge = 0) => {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return operationCacheHint(schema, op, fragments, defaultMaxAge);
};

describe("operationCacheHint on our schema", () => {
  const schema = buildSchema();
  const cases: [string, { maxAge?: number; scope?: string }][] = [
    ["{ apiVersion }", { maxAge: 300 }],
    ["{ apiVersion day(number: 1) { number } }", { maxAge: 60 }],
    [
      `query Day($n: Int!) { day(number: $n) { number title week date summary tldr
        concepts { weight focus concept { slug name related(first: 5) { score kind reason concept { slug name } } } }
        references { url title domain kind } } }`,
      { maxAge: 60 },
    ],
    ["{ days(first: 5) { totalCount edges { cursor node { number } } pageInfo { hasNextPage } } }", { maxAge: 60 }],
    ['{ search(query: "pods") { node { __typename ... on Day { number } ... on Concept { slug } } } }', { maxAge: 60 }],
    ["query { ...F } fragment F on Query { day(number: 3) { ...D } } fragment D on Day { number next { ...D } }", { maxAge: 60 }],
    ["{ me { handle } }", { maxAge: 0 }],
    ["{ apiVersion me { handle } }", { maxAge: 0 }],
    ["{ __typename }", {}],
    ["{ __schema { queryType { name } } }", {}],
  ];
  for (const [source, expected] of cases) {
    it(`gives ${JSON.stringify(expected)} to ${source.replace(/\s+/g, " ").slice(0, 60)}`, () => assert.deepEqual(hintOf(schema, source), expected));
  }
});

describe("operationCacheHint follows Apollo's rules", () => {
  const schema = makeExecutableSchema({
    typeDefs: `
      enum CacheControlScope { PUBLIC PRIVATE }
      directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
      type Query {
        open: Open @cacheControl(maxAge: 60)
        long: String @cacheControl(maxAge: 600)
        mine: String @cacheControl(maxAge: 30, scope: PRIVATE)
        thing: Thing @cacheControl(maxAge: 60)
        plain: String
      }
      type Open @cacheControl(inheritMaxAge: true) { name: String  unhinted: Unhinted  short: String @cacheControl(maxAge: 5) }
      type Unhinted { name: String }
      interface Thing { id: ID }
      type A implements Thing @cacheControl(maxAge: 120) { id: ID }
      type B implements Thing { id: ID @cacheControl(maxAge: 10) }
    `,
  });

  it("lets inheriting objects and scalars keep their parent's maxAge", () => assert.deepEqual(hintOf(schema, "{ open { name } }"), { maxAge: 60 }));
  it("gives root fields and unhinted objects the default maxAge", () => {
    assert.deepEqual(hintOf(schema, "{ plain }"), { maxAge: 0 });
    assert.deepEqual(hintOf(schema, "{ plain }", 20), { maxAge: 20 });
    assert.deepEqual(hintOf(schema, "{ open { unhinted { name } } }"), { maxAge: 0 });
  });
  it("takes the smallest maxAge, and PRIVATE once any field is private", () => {
    assert.deepEqual(hintOf(schema, "{ long open { short } }"), { maxAge: 5 });
    assert.deepEqual(hintOf(schema, "{ long mine }"), { maxAge: 30, scope: "PRIVATE" });
  });
  it("counts every field selected, even under a parent that may be null (stricter than Apollo, never looser)", () =>
    // Apollo's per-field plugin would answer max-age=60 when `open` is null; the static policy assumes it is not.
    assert.deepEqual(hintOf(schema, "{ open { unhinted { name } } }"), { maxAge: 0 }));
  it("counts a field of an interface on every implementation", () => assert.deepEqual(hintOf(schema, "{ thing { id } }"), { maxAge: 10 }));
  it("counts a fragment only for its type", () => assert.deepEqual(hintOf(schema, "{ thing { ... on A { id } } }"), { maxAge: 60 }));
  it("walks a fragment spread many times once", () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Open { ${i < 29 ? `a: unhinted { name } ...F${i + 1} ...F${i + 1}` : "name"} }`);
    assert.deepEqual(hintOf(schema, `{ open { ...F0 } } ${fragments.join(" ")}`), { maxAge: 0 });
  });
});

describe("cacheControlHeader", () => {
  it("is max-age with the scope for a cacheable result without errors", () => {
    assert.equal(cacheControlHeader({ maxAge: 60 }, undefined, true), "max-age=60, public");
    assert.equal(cacheControlHeader({ maxAge: 30, scope: "PRIVATE" }, undefined, true), "max-age=30, private");
  });
  it("is no-store for errors, maxAge 0 or no hint at all", () => {
    assert.equal(cacheControlHeader({ maxAge: 60 }, undefined, false), "no-store");
    assert.equal(cacheControlHeader({ maxAge: 0 }, undefined, true), "no-store");
    assert.equal(cacheControlHeader({}, undefined, true), "no-store");
  });
  it("narrows by a header already set, keeps no-store and leaves a header it cannot read alone", () => {
    assert.equal(cacheControlHeader({ maxAge: 60 }, "max-age=10, private", true), "max-age=10, private");
    assert.equal(cacheControlHeader({ maxAge: 60 }, "no-store", true), "no-store");
    assert.equal(cacheControlHeader({ maxAge: 60 }, "s-maxage=5", true), undefined);
  });
});
