// `npm run codegen`: writes the resolver types generated from schema.graphql to
// src/graphql/resolvers.generated.ts (a test fails when the committed file differs).
// Run it after `npm run schema:print`. `--check` only compares.
import { resolverTypesFile, resolverTypesSource } from "./resolverTypes.ts";
import { writeOrCheck } from "./committedFile.ts";

writeOrCheck(resolverTypesFile, await resolverTypesSource(), "npm run codegen");
