/**
 * Relay-style cursor pagination shared by every content list: `first` (1–100,
 * default 20) and an opaque `after` cursor. Cursors are base64url of a typed
 * key ("day:13", "concept:pod") so clients cannot rely on their shape.
 */
import { badRequest } from "../../errors.ts";

/** Default page size of every list. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;

/** What a client asks for. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Relay page info. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** One page of a list: the items with their cursors, the total and page info. */
export interface Connection<T> {
  items: T[];
  cursors: string[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** Checks `first` (1–100) and returns it, or the default when absent. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === undefined || first === null) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badRequest(`"first" must be an integer from 1 to ${max}`, [{ path: ["first"], message: `must be 1–${max}` }]);
  }
  return first;
}

/** Encodes a cursor for an item of `type` at `key`. */
export function encodeCursor(type: string, key: string | number): string {
  return Buffer.from(`${type}:${key}`, "utf8").toString("base64url");
}

/** Decodes a cursor made by `encodeCursor` for `type`; a foreign or malformed cursor is a BAD_REQUEST. */
export function decodeCursor(type: string, cursor: string | null | undefined): string | undefined {
  if (cursor === undefined || cursor === null || cursor === "") return undefined;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(`${type}:`) || text.length === type.length + 1) {
    throw badRequest(`"after" is not a valid ${type} cursor`, [{ path: ["after"], message: "invalid cursor" }]);
  }
  return text.slice(type.length + 1);
}

/** Decodes an integer-keyed cursor. */
export function decodeIntCursor(type: string, cursor: string | null | undefined): number | undefined {
  const key = decodeCursor(type, cursor);
  if (key === undefined) return undefined;
  const n = Number(key);
  if (!Number.isInteger(n)) throw badRequest(`"after" is not a valid ${type} cursor`, [{ path: ["after"], message: "invalid cursor" }]);
  return n;
}

/**
 * Builds a connection from rows fetched with `take: size + 1` (the extra row
 * only tells whether a next page exists).
 */
export function toConnection<T>(rows: T[], size: number, totalCount: number, hadCursor: boolean, cursorOf: (item: T) => string): Connection<T> {
  const items = rows.slice(0, size);
  const cursors = items.map(cursorOf);
  return {
    items,
    cursors,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hadCursor,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
  };
}
