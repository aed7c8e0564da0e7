/** Per-request DataLoaders over the references service's batch functions. */
import DataLoader from "dataloader";
import type { Services } from "../../services.ts";

/** Creates the reference loaders for one request. */
export function createReferenceLoaders(services: Services) {
  const references = services.references;
  return {
    referencesByDayId: new DataLoader((ids: readonly number[]) => references.byDayIds(ids)),
    citationsByDayId: new DataLoader((ids: readonly number[]) => references.citationsByDayIds(ids)),
    referencesByConceptId: new DataLoader((ids: readonly number[]) => references.byConceptIds(ids)),
  };
}

/** The reference loaders of a request. */
export type ReferenceLoaders = ReturnType<typeof createReferenceLoaders>;
