import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cardDrafts, type DoneLesson } from "../../src/modules/review/reviewCards.ts";
import { answer, newSchedule } from "../../src/modules/review/scheduling.ts";

const lesson = (number: number, extra: Partial<DoneLesson> = {}): DoneLesson => ({
  challengeSlug: "66daysofk8s",
  number,
  title: `Lesson ${number}`,
  takeaways: [],
  tasks: [],
  concepts: [],
  ...extra,
});
const pod = { slug: "pod", name: "Pod", summary: "The smallest deployable unit: one or more containers sharing network and storage.", aliases: ["po"] };

describe("review cards from finished lessons", () => {
  it("makes a takeaways card, a tasks card and a card per focus concept, keyed by content, not ids", () => {
    const cards = cardDrafts([
      lesson(12, { takeaways: ["Init containers run first", "They run to completion"], tasks: ["Create a Pod with an init container"], concepts: [pod] }),
    ]);
    assert.deepEqual(
      cards.map((c) => [c.key, c.kind]),
      [
        ["66daysofk8s/day/12/takeaways", "TAKEAWAYS"],
        ["66daysofk8s/day/12/tasks", "TASKS"],
        ["concept/pod", "CONCEPT"],
      ],
    );
    assert.equal(cards[0]!.question, 'Day 12, "Lesson 12": what are the 2 key takeaways?');
    assert.equal(cards[0]!.answer, "- Init containers run first\n- They run to completion");
    assert.equal(cards[1]!.question, 'Day 12, "Lesson 12": which task does the lesson have you do, in order?');
    assert.equal(cards[1]!.answer, "1. Create a Pod with an init container");
    assert.equal(cards[2]!.question, "What is Pod in Kubernetes (also: po)?");
    assert.equal(cards[2]!.answer, pod.summary);
  });

  it("makes one card per concept however many lessons focus on it, and none from empty lists or summaries", () => {
    const cards = cardDrafts([
      lesson(13, { concepts: [pod, { slug: "volume", name: "Volume", summary: " ", aliases: [] }] }),
      lesson(3, { takeaways: ["  "], concepts: [pod] }),
    ]);
    assert.deepEqual(
      cards.map((c) => c.key),
      ["concept/pod"],
    );
  });
});

describe("FSRS scheduling", () => {
  const now = new Date("2026-03-01T12:00:00Z");

  it("makes a new card due at once", () => {
    const s = newSchedule(now);
    assert.deepEqual([s.state, s.due.toISOString(), s.reps], ["NEW", now.toISOString(), 0]);
  });

  it("brings a forgotten card back within minutes and an easy one days later", () => {
    const again = answer(newSchedule(now), "again", now).schedule;
    assert.equal(again.state, "LEARNING");
    assert.ok(again.due.getTime() - now.getTime() <= 10 * 60_000, `again: ${again.due.toISOString()}`);
    const easy = answer(newSchedule(now), "easy", now).schedule;
    assert.equal(easy.state, "REVIEW");
    assert.ok(easy.due.getTime() - now.getTime() >= 86_400_000, `easy: ${easy.due.toISOString()}`);
  });

  it("spaces a card remembered well further each time, and logs the state before each answer", () => {
    let s = newSchedule(now);
    let t = now;
    const gaps: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = answer(s, "good", t);
      assert.equal(r.log.state, s.state);
      assert.equal(r.log.rating, "good");
      s = r.schedule;
      gaps.push(s.due.getTime() - t.getTime());
      t = s.due;
    }
    for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i]! >= gaps[i - 1]!, `gaps grow: ${gaps.join(", ")}`);
    assert.ok(gaps.at(-1)! > 7 * 86_400_000);
  });
});
