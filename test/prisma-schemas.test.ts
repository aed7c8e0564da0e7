import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./support/databases.ts";

const prismaCli = join(repoRoot, "node_modules/prisma/build/index.js");

describe("the Prisma schemas", () => {
  it("for SQLite and PostgreSQL are exactly what prisma/models.prisma derives", () => {
    const r = spawnSync(process.execPath, ["scripts/prisma-schemas.mjs", "--check"], { cwd: repoRoot, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
  });

  for (const [provider, url] of [
    ["sqlite", "file::memory:"],
    ["postgres", "postgresql://postgres@127.0.0.1:5432/test"],
  ] as const) {
    it(`have ${provider} migrations that produce the current schema (no missing migration)`, () => {
      const r = spawnSync(
        process.execPath,
        [
          prismaCli,
          "migrate",
          "diff",
          "--exit-code",
          "--from-schema-datamodel",
          `prisma/${provider}/migrations/schema.snapshot.prisma`,
          "--to-schema-datamodel",
          `prisma/${provider}/schema.prisma`,
        ],
        { cwd: repoRoot, encoding: "utf8", env: { ...process.env, DATABASE_URL: url } },
      );
      // --exit-code: 0 = no difference, 2 = difference, 1 = error
      assert.equal(r.status, 0, `schema differs from the last migration; run npm run migration:new -- <name>\n${r.stdout}${r.stderr}`);
    });
  }
});
