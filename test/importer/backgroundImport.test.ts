import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { fixtureEntries, serveArchives, tarGz } from "../support/archives.ts";
import { fixtureFacts } from "../support/content.ts";
import { dropDatabase, freshDatabaseUrl, onPostgres, repoRoot } from "../support/databases.ts";

interface Server {
  child: ChildProcess;
  base: string;
  /** Everything the process logged so far. */
  log(): string;
  stop(): Promise<void>;
}

/** `npm start`'s entry point on `url` with the seeds on, as a newcomer runs it. */
async function startServer(url: string, contentSource: string): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: "0",
      HOST: "127.0.0.1",
      SEED_ON_START: "true",
      CONTENT_SOURCE: contentSource,
      LOG_LEVEL: "info",
      PUBLIC_URL: "",
      SHUTDOWN_GRACE_MS: "0", // nothing to drain: stop at once (the grace has its own test)
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stderr!.on("data", (d) => {
    out += d;
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    child.stdout!.on("data", (d) => {
      out += d;
      const m = out.match(/"url":"(http:\/\/[^"]+)"/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}:\n${out}`));
    });
  });
  return {
    child,
    base,
    log: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.on("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function day(base: string, n: number): Promise<{ hasLesson: boolean; title: string; tldr?: string | null } & Record<string, unknown>> {
  const res = await fetch(`${base}/api/v1/days/${n}`);
  assert.equal(res.status, 200);
  return (await res.json()) as never;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("a fresh start imports the lessons of CONTENT_SOURCE in the background", { timeout: 240_000 }, () => {
  let archives: Awaited<ReturnType<typeof serveArchives>>;
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const archive = tarGz(fixtureEntries("66DaysOfK8s-main"));
  before(async () => {
    archives = await serveArchives({
      // Held back until the test has seen the seeds served: the import must not block the start.
      "/held/66DaysOfK8s-main.tar.gz": (_req: IncomingMessage, res: ServerResponse) => {
        void released.then(() => res.writeHead(200, { "content-length": archive.length }).end(archive));
      },
      "/66DaysOfK8s-main.tar.gz": archive,
    });
  });
  after(async () => {
    release();
    await archives.close();
  });

  test("the seeds serve at once; the fixture lessons appear without a manual import", async () => {
    const url = await freshDatabaseUrl("bgimport");
    const server = await startServer(url, `${archives.url}/held/66DaysOfK8s-main.tar.gz`);
    try {
      const seeded = await day(server.base, 13);
      assert.equal(seeded.hasLesson, false);
      assert.ok(seeded.title.length > 0, "the seed title serves");
      release();
      const lesson = await until("day 13's lesson", async () => {
        const d = await day(server.base, 13);
        return d.hasLesson ? d : undefined;
      });
      assert.match(JSON.stringify(lesson), /A Pod is a group of one or more application containers/);
      const markdown = await (await fetch(`${server.base}/api/v1/days/13.md`)).text();
      assert.match(markdown, /On this 5th day, a focus is on Pods/);
      const stats = (await (await fetch(`${server.base}/api/v1/days?limit=100`)).json()) as { items: { hasLesson: boolean }[] };
      assert.equal(stats.items.filter((d) => d.hasLesson).length, fixtureFacts.lessons);
      await until("the log line", async () => (/"msg":"lessons imported from CONTENT_SOURCE"/.test(server.log()) ? true : undefined), 10_000);
      assert.doesNotMatch(server.log(), /"level":"warn"/);
    } finally {
      await server.stop();
      await dropDatabase(url);
    }
  });

  test("without network: one clear warning line, and the seeds keep serving", async () => {
    const url = await freshDatabaseUrl("bgimport_offline");
    // A port nobody listens on: the connection is refused, as on a machine without network.
    const closed = await serveArchives({});
    const unreachable = `${closed.url}/66DaysOfK8s-main.tar.gz`;
    await closed.close();
    const server = await startServer(url, unreachable);
    try {
      await until("the warning", async () => (/"level":"warn"/.test(server.log()) ? true : undefined));
      const warnings = server
        .log()
        .split("\n")
        .filter((l) => l.includes('"level":"warn"'));
      assert.equal(warnings.length, 1, server.log());
      assert.match(
        warnings[0]!,
        /could not import the lessons from CONTENT_SOURCE; serving the seed content \(set CONTENT_SOURCE=none to skip this\): cannot download .*ECONNREFUSED/,
      );
      const seeded = await day(server.base, 1);
      assert.equal(seeded.hasLesson, false);
      assert.ok(seeded.title.length > 0);
    } finally {
      await server.stop();
      await dropDatabase(url);
    }
  });

  test("CONTENT_SOURCE=none fetches nothing, and a store with lessons is not imported again", async () => {
    const url = await freshDatabaseUrl("bgimport_none");
    const before = archives.requests.length;
    const off = await startServer(url, "none");
    try {
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal((await day(off.base, 13)).hasLesson, false);
      assert.doesNotMatch(off.log(), /CONTENT_SOURCE/);
    } finally {
      await off.stop();
    }
    const first = await startServer(url, `${archives.url}/66DaysOfK8s-main.tar.gz`);
    try {
      await until("the lessons", async () => ((await day(first.base, 13)).hasLesson ? true : undefined));
    } finally {
      await first.stop();
    }
    const again = await startServer(url, `${archives.url}/66DaysOfK8s-main.tar.gz`);
    try {
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(archives.requests.length - before, 1, "one download in all");
    } finally {
      await again.stop();
      await dropDatabase(url);
    }
  });

  test("replicas starting together on one PostgreSQL database download the lessons once", {
    skip: !onPostgres && "PostgreSQL only: SQLite has one process",
  }, async () => {
    const url = await freshDatabaseUrl("bgimport_replicas");
    const before = archives.requests.length;
    // Seed first, so the replicas do not race to seed (that has its own lock) and only the import is compared.
    const first = await startServer(url, "none");
    await first.stop();
    const replicas = await Promise.all([1, 2, 3].map(() => startServer(url, `${archives.url}/66DaysOfK8s-main.tar.gz`)));
    try {
      for (const r of replicas) await until("the lessons on every replica", async () => ((await day(r.base, 13)).hasLesson ? true : undefined));
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(archives.requests.length - before, 1, "one download in all");
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
      await dropDatabase(url);
    }
  });
});
