import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import supertest from "supertest";
import { dropDatabase, fixturesDir, freshDatabaseUrl, onPostgres, repoRoot } from "./support/databases.ts";
import { tempDir } from "./support/tempDir.ts";

/** Starts `npm start`'s entry point as a separate process and resolves its base URL. */
async function startReplica(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: "0", LOG_LEVEL: "info", SEED_ON_START: "false", CONTENT_SOURCE: "none" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stderr!.on("data", (d) => {
    out += d;
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica did not start:\n${out}`)), 30_000);
    child.stdout!.on("data", (d) => {
      out += d;
      const m = out.match(/"url":"(http:\/\/[^"]+)"/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on("exit", (code) => reject(new Error(`replica exited ${code}:\n${out}`)));
  });
  return { child, base };
}

const cli = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  execFileSync(process.execPath, [join(repoRoot, "bin/k8s-days.mjs"), ...args], {
    cwd: repoRoot,
    env: { ...process.env, CONTENT_SOURCE: "none", ...env },
    encoding: "utf8",
  });

describe("two API replicas on one database", () => {
  let url: string;
  let a: { child: ChildProcess; base: string };
  let b: { child: ChildProcess; base: string };
  let content: string;
  const env = () => ({ DATABASE_URL: url, CONTENT_VERSION_POLL_MS: onPostgres ? "60000" : "200" });

  before(async () => {
    url = await freshDatabaseUrl("replicas");
    content = join(tempDir("replicas"), "repo");
    cpSync(fixturesDir(), content, { recursive: true });
    cli(env(), "seed");
    cli(env(), "import", content);
    [a, b] = await Promise.all([startReplica(env()), startReplica(env())]);
  });
  after(async () => {
    for (const r of [a, b]) r?.child.kill("SIGTERM");
    await dropDatabase(url);
  });

  it("take concurrent log and progress writes for the same learners without duplicates or lost updates", async () => {
    const A = supertest(a.base);
    const B = supertest(b.base);
    const learners = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const res = await (i % 2 ? A : B)
          .post("/api/v1/learners")
          .send({ handle: `replica-${i}`, displayName: `Replica ${i}`, timezone: "UTC" })
          .expect(201);
        return res.body.token as string;
      }),
    );
    const today = new Date().toISOString().slice(0, 10);
    const minutes = [10, 20, 30, 40, 50, 60];
    await Promise.all(
      learners
        .flatMap((token) => [
          ...minutes.map((m, i) =>
            (i % 2 ? A : B)
              .put(`/api/v1/me/log/${today}`)
              .set("Authorization", `Bearer ${token}`)
              .send({ minutes: m, learned: `run ${m}` }),
          ),
          ...Array.from({ length: 10 }, (_, d) =>
            (d % 2 ? B : A)
              .put(`/api/v1/me/progress/${d + 1}`)
              .set("Authorization", `Bearer ${token}`)
              .send({ status: "DONE" }),
          ),
        ])
        .map(async (p) => {
          const res = await p;
          assert.ok(res.status < 300, `${res.status} ${JSON.stringify(res.body)}`);
        }),
    );

    for (const token of learners) {
      const [logA, logB] = await Promise.all([A, B].map((s) => s.get("/api/v1/me/log").set("Authorization", `Bearer ${token}`).expect(200)));
      assert.deepEqual(logA!.body, logB!.body, "both replicas read the same log");
      const entries = logA!.body.items.filter((e: { date: string }) => e.date === today);
      assert.equal(entries.length, 1, "one entry for the date");
      assert.ok(minutes.includes(entries[0].minutes));
      assert.equal(entries[0].learned, `run ${entries[0].minutes}`, "minutes and text come from the same request");
      const [progA, progB] = await Promise.all([A, B].map((s) => s.get("/api/v1/me/progress?limit=100").set("Authorization", `Bearer ${token}`).expect(200)));
      assert.deepEqual(progA!.body, progB!.body);
      const done = progA!.body.items
        .filter((p: { status: string }) => p.status === "DONE")
        .map((p: { day: number }) => p.day)
        .sort((x: number, y: number) => x - y);
      assert.deepEqual(done, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "no progress write lost");
    }
  });

  it("both serve fresh content at once after another process imports a change", async () => {
    const B = supertest(b.base);
    const before = await B.get("/api/v1/days/13").expect(200);
    const again = await B.get("/api/v1/days/13").expect(200);
    assert.equal(again.headers["x-cache"], "HIT", "the second read is cached");
    const file = join(content, "challenge/week02/day13/README.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("## TL;DR\n", "## TL;DR\n\nReplica check: a changed summary.\n"));
    cli(env(), "import", content);
    let fresh = before;
    for (let i = 0; i < 40 && !String(fresh.body.tldr).includes("Replica check"); i++) {
      await new Promise((r) => setTimeout(r, 50));
      fresh = await B.get("/api/v1/days/13").expect(200);
    }
    assert.match(String(fresh.body.tldr), /Replica check/);
    // Behind one load balancer both replicas see the same Host, and lesson URLs are absolute on it.
    const fromA = await supertest(a.base).get("/api/v1/days/13").set("Host", new URL(b.base).host).expect(200);
    assert.deepEqual(fromA.body, fresh.body);
  });
});
