/**
 * The committed src/graphql/resolvers.generated.ts is what GraphQL Code Generator makes of
 * the committed schema.graphql (run `npm run codegen` after `npm run schema:print`), and
 * every mapper names a type of the schema.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { isObjectType } from "graphql";
import { buildSchema, printSchemaSdl } from "../../src/graphql/modules.ts";
import { resolverTypesConfig, resolverTypesFile, resolverTypesSource } from "../../scripts/resolverTypes.ts";

describe("generated resolver types", () => {
  it("match the committed src/graphql/resolvers.generated.ts (run npm run codegen after changing an SDL file)", async () => {
    assert.equal(readFileSync(resolverTypesFile, "utf8"), await resolverTypesSource());
  });

  it("are generated from the assembled schema: an SDL change shows up as drift", async () => {
    const committed = readFileSync(resolverTypesFile, "utf8");
    assert.equal(await resolverTypesSource(printSchemaSdl()), committed);
    const changed = await resolverTypesSource(printSchemaSdl().replace("type Query {", 'type Query {\n  "Added."\n  addedField: Int\n'));
    assert.notEqual(changed, committed);
    assert.match(changed, /addedField\?: Resolver</);
  });

  it("map only object types of the schema", () => {
    const schema = buildSchema();
    const wrong = Object.keys(resolverTypesConfig.mappers).filter((name) => !isObjectType(schema.getType(name)));
    assert.deepEqual(wrong, []);
  });
});
