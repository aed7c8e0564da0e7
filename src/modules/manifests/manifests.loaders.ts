/** Per-request DataLoader of the manifest objects of days (one query per tick, cached per content version). */
import DataLoader from "dataloader";
import type { Services } from "../../services.ts";

/** Creates the manifest loaders for one request. */
export function createManifestLoaders(services: Services) {
  return {
    manifestObjectsByDayId: new DataLoader((ids: readonly number[]) => services.manifests.objectsByDayIds(ids)),
  };
}
