/**
 * The last step of every one-query batch load: rows of many parents grouped
 * back into one list per requested id, in the order the ids were asked for
 * (an id with no rows gets []), as DataLoader expects.
 */
export function groupByIds<R, T>(ids: readonly number[], rows: readonly R[], key: (row: R) => number, map: (row: R) => T): T[][] {
  const by = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) by.get(key(row))?.push(map(row));
  return ids.map((id) => by.get(id) ?? []);
}
