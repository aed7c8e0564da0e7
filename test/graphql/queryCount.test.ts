/**
 * No N+1: one request listing days with their concepts, references and related
 * concepts costs a small number of SQL statements that does not grow with the
 * page size. The response cache is off, and each measured request starts on a new
 * content version so the per-version caches are cold and every relation reaches the database.
 */
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { startContentApp } from "../support/contentApp.ts";
import { gql } from "../support/graphql.ts";
import type { TestApp } from "../support/testApp.ts";

let t: TestApp;
before(async () => {
  t = await startContentApp({ label: "graphql_query_count", config: { RESPONSE_CACHE: false, CONTENT_VERSION_POLL_MS: 3_600_000 } });
});
after(async () => {
  await t.close();
});

const listing = `query($first: Int!) { days(first: $first) { totalCount edges { node {
  number title tasks
  references { url days { number } }
  concepts { weight focus concept { slug prerequisites { slug } related(first: 5) { score reason concept { slug name } } } }
  previous { number } next { number }
} } } }`;

/** Starts a new content version, so every per-version cache is cold and each request reaches the database. */
async function newContentVersion(): Promise<void> {
  await t.services.deps.db.prisma.contentState.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
  await t.services.contentCache.refresh();
}

/** SQL statements one request costs on cold caches. */
async function statementsFor(first: number): Promise<{ count: number; days: number }> {
  await newContentVersion();
  const before = t.services.deps.db.queryCount();
  const res = await gql(t, listing, { first });
  const count = t.services.deps.db.queryCount() - before;
  assert.equal(res.status, 200, JSON.stringify(res.body.errors));
  assert.equal(res.body.errors, undefined);
  return { count, days: res.body.data.days.edges.length };
}

it("lists 66 days with concepts, references and related concepts in a few SQL statements, whatever the page size", async () => {
  const small = await statementsFor(10);
  const all = await statementsFor(66);
  assert.equal(small.days, 10);
  assert.equal(all.days, 66);
  console.log(`SQL statements: first: 10 → ${small.count}, first: 66 → ${all.count}`);
  assert.ok(all.count <= 20, `66 days cost ${all.count} statements`);
  assert.ok(all.count <= small.count + 1, `statements grew with the page size: ${small.count} → ${all.count}`);
});

it("answers a day detail with related concepts in a few statements, and none once cached", async () => {
  await newContentVersion();
  const detail = `{ day(number: 13) { title concepts { concept { slug related { reason concept { slug } } } } references { url } previous { title } next { title } series { days { number } } } }`;
  const before = t.services.deps.db.queryCount();
  const res = await gql(t, detail);
  const count = t.services.deps.db.queryCount() - before;
  assert.equal(res.status, 200);
  const again = t.services.deps.db.queryCount();
  const second = await gql(t, detail);
  const cachedCount = t.services.deps.db.queryCount() - again;
  assert.deepEqual(second.body, res.body);
  console.log(`SQL statements: day detail → ${count} cold, ${cachedCount} cached`);
  assert.ok(count <= 14, `day detail cost ${count} statements`);
  assert.equal(cachedCount, 0);
});
