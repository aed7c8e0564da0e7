/** Per-request DataLoaders over the concepts service's batch functions. */
import DataLoader from "dataloader";
import type { Services } from "../../services.ts";

/** Key of a related-concepts load: the concept and the options asked for. */
export interface RelatedKey {
  id: number;
  first: number;
  kinds: readonly string[] | null;
}

/** Creates the concept loaders for one request. */
export function createConceptLoaders(services: Services) {
  const concepts = services.concepts;
  return {
    conceptById: new DataLoader((ids: readonly number[]) => concepts.byIds(ids)),
    prerequisitesByConceptId: new DataLoader((ids: readonly number[]) => concepts.prerequisitesByConceptIds(ids)),
    /** Batches by identical options (first, kinds): one call per distinct option set. */
    relatedByConcept: new DataLoader(
      async (keys: readonly RelatedKey[]) => {
        const groups = new Map<string, RelatedKey[]>();
        for (const k of keys) {
          const g = `${k.first}|${k.kinds?.join(",") ?? ""}`;
          groups.set(g, [...(groups.get(g) ?? []), k]);
        }
        const out = new Map<RelatedKey, Awaited<ReturnType<typeof concepts.relatedByConceptIds>>[number]>();
        for (const group of groups.values()) {
          const results = await concepts.relatedByConceptIds(
            group.map((k) => k.id),
            { first: group[0]!.first, kinds: group[0]!.kinds },
          );
          group.forEach((k, i) => out.set(k, results[i]!));
        }
        return keys.map((k) => out.get(k)!);
      },
      { cacheKeyFn: (k) => `${k.id}|${k.first}|${k.kinds?.join(",") ?? ""}` },
    ),
  };
}

/** The concept loaders of a request. */
export type ConceptLoaders = ReturnType<typeof createConceptLoaders>;
