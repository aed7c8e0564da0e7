import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createContentCache } from "../../src/modules/content/contentCache.ts";
import { cachedContentFacts, type ContentFacts } from "../../src/modules/progress/contentFacts.ts";
import { strictPolicy } from "../../src/modules/progress/freeze.ts";

/** Content facts that count their reads and answer from a mutable store. */
function countingFacts(store: { minMinutes: number }) {
  const reads = { challenge: 0, days: 0 };
  const facts: ContentFacts = {
    challenge: async (slug) => {
      reads.challenge++;
      return { slug, name: "C", hashtag: "#c", hashtags: [], totalDays: 66, minMinutesPerDay: store.minMinutes, freeze: strictPolicy };
    },
    days: async () => {
      reads.days++;
      return [{ number: 1, title: "One" }];
    },
    pathSteps: async () => null,
    dayConcepts: async () => [],
  };
  return { facts, reads };
}

describe("content facts cached per content version", () => {
  it("read the store once per version and again as soon as the version changes", async () => {
    const store = { minMinutes: 5 };
    const { facts, reads } = countingFacts(store);
    let version = 1;
    const cached = cachedContentFacts(facts, createContentCache({ current: () => version, refresh: async () => version }));
    assert.equal((await cached.challenge("c"))!.minMinutesPerDay, 5);
    await cached.challenge("c");
    await cached.days("c");
    await cached.days("c");
    assert.deepEqual(reads, { challenge: 1, days: 1 });
    store.minMinutes = 10;
    assert.equal((await cached.challenge("c"))!.minMinutesPerDay, 5, "same version, same answer");
    version = 2;
    assert.equal((await cached.challenge("c"))!.minMinutesPerDay, 10, "a new version reads again");
    assert.deepEqual(reads, { challenge: 2, days: 1 });
  });

  it("do not keep a failed read", async () => {
    let fail = true;
    const facts: ContentFacts = {
      challenge: async (slug) => {
        if (fail) throw new Error("down");
        return { slug, name: "C", hashtag: "#c", hashtags: [], totalDays: 66, minMinutesPerDay: 5, freeze: strictPolicy };
      },
      days: async () => [],
      pathSteps: async () => null,
      dayConcepts: async () => [],
    };
    const cached = cachedContentFacts(facts, createContentCache({ current: () => 1, refresh: async () => 1 }));
    await assert.rejects(cached.challenge("c"), /down/);
    fail = false;
    assert.equal((await cached.challenge("c"))!.slug, "c");
  });
});
