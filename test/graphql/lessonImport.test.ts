/**
 * A lesson imported after start is served at once with the concepts detected in
 * it: day 59 (StatefulSet) is not among the fixture lessons, so this test writes
 * a short lesson of its own (our text) into a temp folder and imports it.
 */
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gql } from "../support/graphql.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";
import { tempDir } from "../support/tempDir.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp({ label: "graphql_lesson_import", prepare: (s) => s.content.importer.loadSeeds().then(() => undefined) });
});
after(async () => {
  await t.close();
});

const lesson = `# Day 59 of #66DaysOfK8s

_Last update: 2021-03-10_

---

Today I tried a StatefulSet with three replicas and watched each Pod keep its name.

#kubernetes #learning

---

## TL;DR

A StatefulSet gives every replica a stable name and its own PersistentVolumeClaim.

---

## Tasks

* Create a StatefulSet with a headless Service
* Scale the StatefulSet and watch the PersistentVolumeClaims

---
`;

it("lists the StatefulSet concept on day 59 once its lesson is imported, and search follows the new version", async () => {
  const query = `{ day(number: 59) { title hasLesson concepts { concept { slug } focus } } }`;
  const before = await gql(t, query);
  assert.equal(before.body.data.day.hasLesson, false);

  const dir = join(tempDir("lesson"), "day59");
  mkdirSync(dir);
  writeFileSync(join(dir, "README.md"), lesson);
  const result = await t.services.content.importer.importPath(join(dir, "README.md"));
  assert.equal(result.written, true);

  const after = await gql(t, query);
  assert.equal(after.status, 200);
  const concepts = after.body.data.day.concepts as { concept: { slug: string }; focus: boolean }[];
  assert.equal(after.body.data.day.hasLesson, true);
  assert.ok(
    concepts.some((c) => c.concept.slug === "statefulset" && c.focus),
    JSON.stringify(concepts),
  );

  const search = await gql(t, `{ search(query: "headless service replicas stable name", types: [DAY], first: 3) { node { ... on Day { number } } } }`);
  assert.equal(search.body.data.search[0]?.node.number, 59);
});
