/** The committed schema.graphql is the assembled schema, and every type and field is described. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from "graphql";
import { buildSchema, printSchemaSdl } from "../../src/graphql/modules.ts";
import { repoRoot } from "../support/databases.ts";
import { REFERENCE_KIND_NAMES, referenceKindsList } from "../../src/modules/references/referenceKinds.ts";

describe("GraphQL schema", () => {
  it("matches the committed schema.graphql (run npm run schema:print after changing an SDL file)", () => {
    assert.equal(readFileSync(join(repoRoot, "schema.graphql"), "utf8"), printSchemaSdl());
  });

  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    for (const type of Object.values(buildSchema().getTypeMap())) {
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
      if (isUnionType(type) && !type.description) missing.push(type.name);
    }
    assert.deepEqual(missing, []);
  });

  it("describes reference kinds as exactly the closed set of REFERENCE_KINDS", () => {
    const schema = buildSchema();
    const reference = (schema.getType("Reference") as import("graphql").GraphQLObjectType).getFields().kind!;
    const filter = (schema.getType("ReferenceFilter") as import("graphql").GraphQLInputObjectType).getFields().kind!;
    for (const description of [reference.description!, filter.description!]) {
      assert.ok(description.endsWith(`${referenceKindsList()}.`), description);
      const named = description.match(/\b[A-Z][A-Z_]{2,}\b/g) ?? [];
      assert.deepEqual(named, [...REFERENCE_KIND_NAMES], description);
    }
  });

  it("keeps the field names clients depend on", () => {
    const schema = buildSchema();
    const query = schema.getQueryType()!.getFields();
    for (const name of ["day", "days", "concept", "concepts", "conceptPath", "learningPath", "nextDay", "references", "search"]) assert.ok(query[name], name);
    assert.deepEqual(
      query.day!.args.map((a) => `${a.name}:${a.type}`),
      ["number:Int!", "challenge:String"],
    );
    const day = (schema.getType("Day") as import("graphql").GraphQLObjectType).getFields();
    for (const f of [
      "number",
      "title",
      "week",
      "date",
      "summary",
      "tldr",
      "body",
      "tasks",
      "setup",
      "toolVersions",
      "snippets",
      "attachments",
      "references",
      "concepts",
      "previous",
      "next",
      "series",
    ])
      assert.ok(day[f], `Day.${f}`);
    const concept = (schema.getType("Concept") as import("graphql").GraphQLObjectType).getFields();
    for (const f of ["slug", "name", "aliases", "summary", "category", "docsUrl", "days", "references", "prerequisites", "related"])
      assert.ok(concept[f], `Concept.${f}`);
    assert.deepEqual((schema.getType("SearchResult") as import("graphql").GraphQLUnionType).getTypes().map(String), ["Day", "Concept", "Reference"]);
  });
});
