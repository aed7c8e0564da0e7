/**
 * No N+1: one request listing days with their concepts, references and related
 * concepts costs a small number of SQL statements that does not grow with the
 * page size. The response cache is off so every request reaches the database.
 */
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { startContentApp } from "../support/contentApp.ts";
import { gql } from "../support/graphql.ts";
import type { TestApp } from "../support/testApp.ts";

let t: TestApp;
before(async () => { t = await startContentApp({ label: "graphql_query_count", config: { RESPONSE_CACHE: false } }); });
after(async () => { await t.close(); });

const listing = `query($first: Int!) { days(first: $first) { totalCount edges { node {
  number title tasks
  references { url days { number } }
  concepts { weight focus concept { slug prerequisites { slug } related(first: 5) { score reason concept { slug name } } } }
  previous { number } next { number }
} } } }`;

/** SQL statements one request costs. */
async function statementsFor(first: number): Promise<{ count: number; days: number }> {
  const before = t.services.deps.db.queryCount();
  const res = await gql(t, listing, { first });
  const count = t.services.deps.db.queryCount() - before;
  assert.equal(res.status, 200, JSON.stringify(res.body.errors));
  assert.equal(res.body.errors, undefined);
  return { count, days: res.body.data.days.edges.length };
}

it("lists 66 days with concepts, references and related concepts in a few SQL statements, whatever the page size", async () => {
  await statementsFor(5); // warm the per-version caches (glossary, relation graph, day skeleton)
  const small = await statementsFor(10);
  const all = await statementsFor(66);
  assert.equal(small.days, 10);
  assert.equal(all.days, 66);
  console.log(`SQL statements: first: 10 → ${small.count}, first: 66 → ${all.count}`);
  assert.ok(all.count <= 12, `66 days cost ${all.count} statements`);
  assert.ok(all.count <= small.count + 1, `statements grew with the page size: ${small.count} → ${all.count}`);
});

it("answers a day detail with related concepts in a few statements", async () => {
  const before = t.services.deps.db.queryCount();
  const res = await gql(t, `{ day(number: 13) { title concepts { concept { slug related { reason concept { slug } } } } references { url } previous { title } next { title } series { days { number } } } }`);
  const count = t.services.deps.db.queryCount() - before;
  assert.equal(res.status, 200);
  console.log(`SQL statements: day detail → ${count}`);
  assert.ok(count <= 8, `day detail cost ${count} statements`);
});
