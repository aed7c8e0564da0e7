/**
 * What the benchmark scripts share: CPU pinning, the fixtures, the CLI, a server started
 * on a free port (production mode, every rate limit off) and its RSS.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type autocannon from "autocannon";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const hasTaskset = spawnSync("taskset", ["-V"]).status === 0 && cpus().length >= 2;
export const fixtures = [process.env.K8S_DAYS_FIXTURES, resolve(root, "../shared/fixtures/66DaysOfK8s"), "/work/shared/fixtures/66DaysOfK8s"].find(
  (p) => p && existsSync(join(p, "challenge/README.md")),
);

const scratch: string[] = [];
process.once("exit", () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder (`k8s-days-bench-…`) for a database or a file, removed when the benchmark exits. */
export function benchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-days-bench-"));
  scratch.push(dir);
  return dir;
}

/** Pins this process (the load generator) to CPU 1 when taskset exists. */
export function pinLoadGenerator(): void {
  if (hasTaskset) spawnSync("taskset", ["-p", "-c", "1", String(process.pid)], { stdio: "ignore" });
}

/** A command pinned to CPU 0 (the server's) when taskset exists. */
export const pinned = (args: string[]) => (hasTaskset ? ["taskset", ["-c", "0", ...args]] : [args[0]!, args.slice(1)]) as [string, string[]];

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (100 ticks a second). */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Resident memory of a process in MB (NaN when it is gone). */
export function rssMb(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** Resolves once `url` answers 2xx; throws after `ms`. */
export async function waitFor(url: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timeout waiting for ${url}`);
}

/**
 * Runs `k8s-days …` on the given environment, on every CPU as a user runs it: a child
 * would otherwise inherit the load generator's pinning to CPU 1 (one core for the
 * CLI's main thread, GC and I/O threads alike: the import took ~2.9 s instead of ~2.0 s).
 */
export function cli(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const command = [process.execPath, join(root, "bin/k8s-days.mjs"), ...args];
  const [file, rest] = hasTaskset ? ["taskset", ["-c", `0-${cpus().length - 1}`, ...command]] : [command[0]!, command.slice(1)];
  return execFileSync(file, rest, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
}

/** Builds dist/ when a source is newer (the benchmarks measure what `npm start` runs). */
export function buildIfStale(): void {
  execFileSync(process.execPath, [join(root, "scripts/build.mjs"), "--if-stale"], { cwd: root, stdio: "inherit" });
}

/**
 * Starts the compiled `dist/index.js` as `npm start` does (call buildIfStale first) in production mode with every rate limit off (RATE_LIMIT_MAX=0: one
 * load generator is one client). `env` overrides (e.g. LOG_LEVEL); stdout is discarded.
 */
export async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  // The same node flags as `npm start` (package.json is the one place they are written).
  const start = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start.split(" ").slice(1);
  const [cmd, args] = pinned([process.execPath, ...start]);
  const child = spawn(cmd, args, {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_ON_START: "false",
      CONTENT_SOURCE: "none",
      NODE_ENV: "production",
      SHUTDOWN_GRACE_MS: "0",
      RATE_LIMIT_MAX: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/readyz`);
  return { child, base };
}

/** Stops a server with SIGTERM and waits for it to exit. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Registers a bench learner; returns its token. */
export async function registerLearner(base: string): Promise<string> {
  const reg = await fetch(`${base}/api/v1/learners`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ handle: `bench-${Date.now()}`, displayName: "Bench", timezone: "UTC" }),
  });
  return ((await reg.json()) as { token: string }).token;
}

/** autocannon options of a GraphQL POST. */
export const gql = (query: string, variables: Record<string, unknown> = {}, token?: string): Partial<autocannon.Options> => ({
  method: "POST",
  headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify({ query, variables }),
});

/** The GraphQL day-detail operation the benchmarks run. */
export const DAY_DETAIL = `query Day($n: Int!) { day(number: $n) { number title week date summary tldr
  concepts { weight focus concept { slug name related(first: 5) { score kind reason concept { slug name } } } }
  references { url title domain kind } } }`;
/** The GraphQL list of 66 days with their concepts. */
export const DAY_LIST = `{ days(first: 66) { totalCount edges { node { number title week concepts { weight focus concept { slug name } } } } } }`;
/** The authenticated `me { stats }` operation. */
export const ME_STATS = `{ me { stats { currentStreak longestStreak daysLogged percentComplete status } } }`;
