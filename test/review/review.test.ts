import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { fixedClock } from "../../src/clock.ts";
import { startOfDateIn } from "../../src/modules/progress/calendar.ts";
import { fixturesDir } from "../support/databases.ts";
import { gql } from "../support/graphql.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { callTool, listen, loadMcpContent, mcpClient } from "../support/mcp.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

interface Card {
  id: string;
  key: string;
  kind: string;
  question: string;
  answer: string;
  state: string;
  due: string;
  dueDate: string;
  day: number | null;
  concept: string | null;
}

/**
 * Spaced review end to end on the fixture lessons: cards appear when a lesson is
 * DONE, FSRS schedules them, REST, GraphQL and MCP share one service, other
 * learners cannot reach them, and they survive a re-import.
 */
describe("spaced review over REST, GraphQL and MCP", () => {
  let t: TestApp;
  let ana: TestLearner;
  let ben: TestLearner;
  type Lesson = { takeaways: string[]; tasks: string[]; concepts: { concept: { slug: string }; focus: boolean }[] };
  let day12: Lesson; // tasks, no takeaways
  let day38: Lesson; // takeaways, no tasks
  const clock = fixedClock("2026-03-02T20:00:00Z"); // 12:00 PST on 03-02
  before(async () => {
    t = await startTestApp({ label: "review", clock, prepare: loadMcpContent });
    ana = await registerLearner(t, "ana", "America/Los_Angeles");
    ben = await registerLearner(t, "ben", "Europe/Madrid");
    day12 = (await t.request.get("/api/v1/days/12").expect(200)).body;
    day38 = (await t.request.get("/api/v1/days/38").expect(200)).body;
  });
  after(() => t.close());

  const due = async (l: TestLearner) =>
    (await t.request.get("/api/v1/me/review").set(l.auth).expect(200)).body as { items: Card[]; dueCount: number; totalCards: number; today: string };

  it("has no cards before a lesson is done", async () => {
    const d = await due(ana);
    assert.deepEqual([d.items, d.dueCount, d.totalCards, d.today], [[], 0, 0, "2026-03-02"]);
  });

  it("makes cards from lessons marked DONE: their takeaways, their tasks and their focus concepts, due at once", async () => {
    assert.deepEqual([day12.tasks.length > 0, day12.takeaways.length, day38.takeaways.length > 0, day38.tasks.length], [true, 0, true, 0]);
    await t.request.put("/api/v1/me/progress/12").set(ana.auth).send({ status: "DONE" }).expect(200);
    await t.request.put("/api/v1/me/progress/38").set(ana.auth).send({ status: "DONE" }).expect(200);
    await t.request.put("/api/v1/me/progress/13").set(ana.auth).send({ status: "IN_PROGRESS" }).expect(200); // not done: no cards
    const d = await due(ana);
    const focus = [...new Set([...day12.concepts, ...day38.concepts].filter((c) => c.focus).map((c) => `concept/${c.concept.slug}`))];
    assert.ok(focus.length > 0);
    assert.deepEqual(d.items.map((c) => c.key).sort(), ["66daysofk8s/day/12/tasks", "66daysofk8s/day/38/takeaways", ...focus].sort());
    const takeaways = d.items.find((c) => c.kind === "TAKEAWAYS")!;
    assert.equal(takeaways.answer, day38.takeaways.map((x) => `- ${x.trim()}`).join("\n"));
    assert.equal(d.items.find((c) => c.kind === "TASKS")!.answer, day12.tasks.map((x, i) => `${i + 1}. ${x.trim()}`).join("\n"));
    assert.match(takeaways.question, /^Day 38, ".+": what (is the key takeaway|are the \d+ key takeaways)\?$/);
    assert.ok(d.items.every((c) => c.state === "NEW" && c.dueDate === "2026-03-02"));
    assert.equal((await due(ana)).totalCards, d.totalCards, "asking again makes no duplicates");
  });

  it("schedules an answer with FSRS; a card due days ahead is due from the start of its date in the learner's zone", async () => {
    const card = (await due(ana)).items.find((c) => c.kind === "TAKEAWAYS")!;
    const res = await t.request.post(`/api/v1/me/review/${card.id}`).set(ana.auth).send({ rating: "easy" }).expect(200);
    const next = res.body.card as Card;
    assert.equal(res.body.rating, "easy");
    assert.equal(next.state, "REVIEW");
    assert.ok(next.dueDate > "2026-03-02", `due later: ${next.due}`);
    assert.ok(!(await due(ana)).items.some((c) => c.id === card.id), "not due any more today");
    // One minute before Los Angeles midnight of its due date it is not due; at midnight it is.
    const localMidnight = startOfDateIn(next.dueDate, "America/Los_Angeles");
    assert.ok(localMidnight.getTime() <= Date.parse(next.due));
    clock.set(new Date(localMidnight.getTime() - 60_000));
    assert.ok(!(await due(ana)).items.some((c) => c.id === card.id), "not due the evening before");
    clock.set(localMidnight);
    assert.ok(
      (await due(ana)).items.some((c) => c.id === card.id),
      "due from the start of its local date",
    );
    clock.set("2026-03-02T20:00:00Z");
  });

  it("keeps cards private: someone else's card id is 404, like one that does not exist", async () => {
    const card = (await due(ana)).items[0]!;
    const other = await t.request.post(`/api/v1/me/review/${card.id}`).set(ben.auth).send({ rating: "good" }).expect(404);
    const missing = await t.request.post("/api/v1/me/review/00000000-0000-0000-0000-000000000000").set(ben.auth).send({ rating: "good" }).expect(404);
    assert.equal(other.body.detail, missing.body.detail);
    assert.deepEqual((await due(ben)).items, []);
    const g = await gql(t, "mutation($id: ID!) { answerReview(input: { cardId: $id, rating: good }) { card { id } } }", { id: card.id }).set(ben.auth);
    assert.equal(g.body.errors[0].extensions.code, "NOT_FOUND");
    await t.request.post(`/api/v1/me/review/${card.id}`).set(ana.auth).send({ rating: "perfect" }).expect(422);
  });

  it("answers the same cards through GraphQL", async () => {
    const rest = await due(ana);
    const g = await gql(t, "{ me { review(first: 50) { dueCount totalCards items { id key question answer dueDate } } } }").set(ana.auth);
    assert.equal(g.status, 200, JSON.stringify(g.body));
    const review = g.body.data.me.review;
    assert.deepEqual([review.dueCount, review.totalCards], [rest.dueCount, rest.totalCards]);
    assert.deepEqual(
      review.items.map((c: Card) => c.key),
      rest.items.map((c) => c.key),
    );
    const card = rest.items[0]!;
    const a = await gql(t, "mutation($id: ID!) { answerReview(input: { cardId: $id, rating: again }) { rating card { id state due } } }", { id: card.id }).set(
      ana.auth,
    );
    assert.equal(a.body.data.answerReview.card.state, "LEARNING");
    assert.ok(Date.parse(a.body.data.answerReview.card.due) - Date.parse("2026-03-02T20:00:00Z") <= 10 * 60_000, "again: back within minutes");
  });

  it("over MCP, asks questions without answers and reveals the answer only after the learner replied, then records the rating", async () => {
    const http = await listen(t);
    let client: Client | undefined;
    try {
      client = await mcpClient(http.base, ana.token);
      const { tools } = await client.listTools();
      const describe = (name: string) => tools.find((x) => x.name === name)!.description!;
      assert.match(describe("review_due"), /QUESTIONS ONLY/);
      assert.match(describe("answer_review"), /only AFTER the learner has replied/);
      const list = await callTool(client, "review_due", { limit: 20 });
      assert.equal(list.isError, undefined, list.text);
      const items = list.data!.items as Card[];
      assert.ok(items.length > 0);
      assert.ok(!items.some((c) => Object.hasOwn(c, "answer")), "no answer in the structured data");
      const card = (await due(ana)).items.find((c) => c.id === items[0]!.id)!;
      assert.ok(!list.text.includes(card.answer), "no answer in the text");
      assert.match(list.text, new RegExp(`\\[card ${card.id}\\] `));

      const noReply = await callTool(client, "answer_review", { cardId: card.id, reply: " " });
      assert.equal(noReply.isError, true, "a reply is required before the answer is shown");
      const reveal = await callTool(client, "answer_review", { cardId: card.id, reply: "something about pods" });
      assert.equal(reveal.data!.recorded, false);
      assert.ok(reveal.text.includes(card.answer));
      assert.match(reveal.text, /ask the learner to rate/);
      assert.equal((await due(ana)).items.find((c) => c.id === card.id)!.state, card.state, "revealing records nothing");

      const rated = await callTool(client, "answer_review", { cardId: card.id, reply: "something about pods", rating: "good" });
      assert.equal(rated.data!.recorded, true);
      assert.match(rated.text, /^Recorded "good" for: /);
      assert.match(rated.text, /Next review: \d{4}-\d{2}-\d{2} \(/);
      const other = await callTool(client, "answer_review", { cardId: "not-a-card", reply: "x" });
      assert.match(other.text, /^NOT_FOUND/);
    } finally {
      await client?.close();
      await http.close();
    }
  });

  it("keeps cards and their schedules through a re-import that gives every day a new id, and exports them", async () => {
    const snapshot = async () => (await t.request.get("/api/v1/me/export").set(ana.auth).expect(200)).body.review;
    const before = await snapshot();
    assert.ok(before.cards.length >= 3);
    assert.ok(before.logs.length >= 3);
    assert.deepEqual(Object.keys(before.logs[0]).sort(), ["cardId", "due", "rating", "reviewedAt", "scheduledDays", "state"]);
    await t.services.deps.db.prisma.day.deleteMany({});
    await t.services.content.importer.importPath(fixturesDir());
    await t.services.deps.contentVersion.refresh();
    await due(ana);
    assert.deepEqual(await snapshot(), before);
    const benExport = (await t.request.get("/api/v1/me/export").set(ben.auth).expect(200)).body.review;
    assert.deepEqual(benExport, { cards: [], logs: [] });
  });
});
