/**
 * Cursor pagination of REST lists: `limit` (1–100, default 20) and an opaque
 * `cursor`; bodies are `{ items, next }` and the next page is also announced in an
 * RFC 8288 `Link: <…>; rel="next"` header carrying the same filters. The content
 * and learner services paginate (Relay-style `first`/`after`); this module only translates.
 */
import type { Request, Response } from "express";
import { z } from "./openapiZod.ts";
import { AppError } from "../errors.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../modules/content/pagination.ts";

/** Default page size of REST lists: the services' own (content/pagination.ts). */
export const DEFAULT_LIMIT = DEFAULT_PAGE_SIZE;
/** Largest page a REST client may ask for: the services' own. */
export const MAX_LIMIT = MAX_PAGE_SIZE;

/** The `limit` and `cursor` query parameters, to spread into a list's query schema. */
export const pageParams = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .openapi({ description: `Page size, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT})`, example: 10 }),
  cursor: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: "Opaque cursor from the previous page's `next` (or its Link header)", example: "ZGF5OjEw" }),
};

/** The body schema of a page of `item`s. */
export function pageSchema<T extends z.ZodType>(item: T, name: string, description: string) {
  return z
    .object({
      items: z.array(item).openapi({ description }),
      next: z.string().nullable().openapi({ description: "Cursor of the next page, null on the last page", example: "ZGF5OjEw" }),
    })
    .openapi(name, { description: `A page of ${description}` });
}

/** What the content services return for a page (a subset of their Connection). */
export interface ServicePage<T> {
  items: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Translates `limit`/`cursor` to the services' `first`/`after`. */
export const servicePage = (q: { limit: number; cursor?: string | undefined }) => ({ first: q.limit, after: q.cursor ?? null });

/**
 * Runs a service call with the page arguments; a cursor the service rejects is
 * reported as the REST `cursor` parameter (the services name it `after`).
 */
export async function fetchPage<P extends ServicePage<unknown>>(call: () => Promise<P>): Promise<P> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof AppError && err.details.issues?.some((i) => i.path[0] === "after" || i.path[0] === "first")) {
      const issues = err.details.issues.map((i) => ({
        ...i,
        path: [i.path[0] === "after" ? "cursor" : i.path[0] === "first" ? "limit" : i.path[0]!, ...i.path.slice(1)],
      }));
      throw new AppError(err.code, err.message.replace(/"after"/g, '"cursor"').replace(/"first"/g, '"limit"'), { ...err.details, issues });
    }
    throw err;
  }
}

/**
 * Shapes a page as `{ items, next }` and sets `Link: <url>; rel="next"` (root-relative,
 * with the request's own filters and the next cursor) when there is a next page.
 */
export function sendPage<T, U>(req: Request, res: Response, page: ServicePage<T>, map: (item: T) => U): { items: U[]; next: string | null } {
  const next = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  if (next) {
    const url = new URL(req.originalUrl, "http://localhost");
    url.searchParams.set("cursor", next);
    res.append("Link", `<${url.pathname}${url.search}>; rel="next"`);
  }
  return { items: page.items.map(map), next };
}
