/**
 * Every per-request DataLoader, built fresh for each GraphQL request so nothing
 * is shared between requests (or learners). Each relation costs one batched
 * query per execution tick, whatever the page size.
 */
import { createConceptLoaders } from "../modules/concepts/concepts.loaders.ts";
import { createDayLoaders } from "../modules/days/days.loaders.ts";
import { createManifestLoaders } from "../modules/manifests/manifests.loaders.ts";
import { createReferenceLoaders } from "../modules/references/references.loaders.ts";
import type { Services } from "../services.ts";

/** Creates the loaders of one request. */
export function createLoaders(services: Services) {
  return { ...createDayLoaders(services), ...createConceptLoaders(services), ...createReferenceLoaders(services), ...createManifestLoaders(services) };
}

/** The loaders of a request. */
export type Loaders = ReturnType<typeof createLoaders>;
