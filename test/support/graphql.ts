/** Sends GraphQL requests to the test app the way clients do (POST, JSON, graphql-response+json). */
import type { TestApp } from "./testApp.ts";

/** POSTs a GraphQL operation; resolves to the supertest response. */
export function gql(t: TestApp, query: string, variables?: Record<string, unknown>) {
  return t.request
    .post("/graphql")
    .set("Accept", "application/graphql-response+json")
    .set("Content-Type", "application/json")
    .send(JSON.stringify({ query, ...(variables ? { variables } : {}) }));
}
