import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openDatabase } from "../src/db/client.ts";
import { watchContentVersion } from "../src/db/contentVersion.ts";
import { dropDatabase, freshDatabaseUrl, onPostgres } from "./support/databases.ts";

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe("the content version seen by each replica", () => {
  it("reaches another replica after an import is announced", async () => {
    const url = await freshDatabaseUrl("cversion");
    const a = await openDatabase(url);
    const b = await openDatabase(url);
    // On PostgreSQL the notification must do it (poll far too slow to help); SQLite relies on the poll.
    const va = await watchContentVersion(a, 60_000);
    const vb = await watchContentVersion(b, onPostgres ? 60_000 : 100);
    try {
      assert.equal(vb.current(), 0);
      await a.prisma.contentState.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } } });
      assert.equal(await va.announce(), 1);
      assert.ok(await until(() => vb.current() === 1, 3000), `replica b saw ${vb.current()}`);
    } finally {
      await va.stop();
      await vb.stop();
      await a.close();
      await b.close();
      await dropDatabase(url);
    }
  });
});
