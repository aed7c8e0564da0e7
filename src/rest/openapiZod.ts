/**
 * zod with `.openapi()`: the one place zod-to-openapi's patch of zod is applied.
 * Every file that describes a schema for the OpenAPI document imports `z` from
 * here, so the patch is loaded by the very import that uses it (no side-effect
 * imports, no dependence on which module happened to load first).
 */
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export { z };
