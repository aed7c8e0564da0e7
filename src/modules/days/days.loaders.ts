/** Per-request DataLoaders over the days service's batch functions (one query per relation per tick). */
import DataLoader from "dataloader";
import type { Services } from "../../services.ts";

/** Creates the day loaders for one request. */
export function createDayLoaders(services: Services) {
  const days = services.days;
  return {
    dayById: new DataLoader((ids: readonly number[]) => days.byIds(ids)),
    listsByDayId: new DataLoader((ids: readonly number[]) => days.listsByDayIds(ids)),
    toolVersionsByDayId: new DataLoader((ids: readonly number[]) => days.toolVersionsByDayIds(ids)),
    sectionsByDayId: new DataLoader((ids: readonly number[]) => days.sectionsByDayIds(ids)),
    snippetsByDayId: new DataLoader((ids: readonly number[]) => days.snippetsByDayIds(ids)),
    attachmentsByDayId: new DataLoader((ids: readonly number[]) => days.attachmentsByDayIds(ids)),
    conceptsByDayId: new DataLoader((ids: readonly number[]) => days.conceptsByDayIds(ids)),
    daysByConceptId: new DataLoader((ids: readonly number[]) => days.byConceptIds(ids)),
    daysByReferenceId: new DataLoader((ids: readonly number[]) => days.byReferenceIds(ids)),
    linksByDayId: new DataLoader((ids: readonly number[]) => days.linksByDayIds(ids)),
    linkedFromByDayId: new DataLoader((ids: readonly number[]) => days.linkedFromByDayIds(ids)),
  };
}

/** The day loaders of a request. */
export type DayLoaders = ReturnType<typeof createDayLoaders>;
