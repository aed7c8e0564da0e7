// `npm run schema:print`: writes the assembled GraphQL schema to schema.graphql
// (a test fails when the committed file differs). `--check` only compares.
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { printSchemaSdl } from "../src/graphql/modules.ts";
import { writeOrCheck } from "./committedFile.ts";

writeOrCheck(join(dirname(fileURLToPath(import.meta.url)), "..", "schema.graphql"), printSchemaSdl(), "npm run schema:print");
