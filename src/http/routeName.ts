/**
 * The route pattern a request matched ("/api/v1/days/:number", "/graphql", "/mcp"), for
 * request logs and metric labels: never the raw URL, whose ids and query strings would make
 * every label value new. Requests that matched no route are "(unmatched)", including those
 * answered before Express (rate-limited ones); answers from the response cache carry the
 * pattern of the request that filled the entry.
 */
import type { IncomingMessage } from "node:http";

const ROUTE = Symbol("k8s-days.route");
type Tagged = IncomingMessage & { [ROUTE]?: string; route?: { path?: unknown }; baseUrl?: string };

/** Names the route of a request served without Express (a response-cache hit). */
export function setRoute(req: IncomingMessage, route: string): void {
  (req as Tagged)[ROUTE] = route;
}

/** The route pattern of a request once it has been answered. */
export function routeOf(req: IncomingMessage): string {
  const r = req as Tagged;
  if (r[ROUTE]) return r[ROUTE];
  if (typeof r.route?.path === "string") return `${r.baseUrl ?? ""}${r.route.path}` || "/";
  // A router mounted with app.use (Apollo on /graphql) answers without a route of its own.
  if (r.baseUrl) return r.baseUrl;
  return "(unmatched)";
}
