/** Shapes a service page (items + cursors) as a Relay connection (edges { node cursor }). */
import type { Connection } from "../modules/content/pagination.ts";

/** A Relay connection as GraphQL returns it. */
export interface GraphQLConnection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: Connection<T>["pageInfo"];
  totalCount: number;
}

/** Converts a service page to a GraphQL connection. */
export function toGraphQLConnection<T>(page: Connection<T>): GraphQLConnection<T> {
  return {
    edges: page.items.map((node, i) => ({ node, cursor: page.cursors[i]! })),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
  };
}
