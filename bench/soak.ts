/**
 * `npm run bench:soak`: does memory reach a plateau under sustained mixed load?
 *
 * Seeds a fresh SQLite database (in a temp folder, removed after), imports the fixture
 * lessons, starts the server as deployed (production mode, LOG_LEVEL=info so every request
 * is logged — to /dev/null — and /metrics on; rate limits off) and runs BENCH_SOAK_SECONDS
 * (default 180) of mixed load from BENCH_CONNECTIONS (default 16) connections, each cycling
 * through:
 *   - cached reads: REST GET /api/v1/days/{n}, /api/v1/search?q=…, anonymous GraphQL day detail
 *   - authenticated GraphQL `me { stats }` (never cached)
 *   - a daily-log write (PUT /api/v1/me/log/{today})
 *   - uncached GraphQL: the day detail with a token (answers with a token are never cached)
 * Every 10 s it records the server's RSS (/proc/<pid>/status) and the requests answered in
 * those 10 s. Prints a Markdown table; `-- --write` puts it in BENCHMARKS.md.
 */
import autocannon from "autocannon";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import {
  buildIfStale,
  cli,
  DAY_DETAIL,
  fixtures,
  hasTaskset,
  ME_STATS,
  pinLoadGenerator,
  registerLearner,
  root,
  rssMb,
  startServer,
  stopServer,
} from "./server.ts";

const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 180);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SAMPLE_MS = 10_000;

pinLoadGenerator();
buildIfStale();

interface Point {
  t: number;
  rss: number;
  requests: number;
  errors: number;
}

async function soak(url: string): Promise<{ points: Point[]; total: number; non2xx: number; errors: number }> {
  const env = { DATABASE_URL: url };
  console.error("[soak] seeding and importing the fixtures…");
  cli(env, "seed");
  if (fixtures) cli(env, "import", fixtures);
  const { child, base } = await startServer({ ...env, LOG_LEVEL: "info" });
  try {
    const token = await registerLearner(base);
    const auth = { authorization: `Bearer ${token}` };
    const json = { "content-type": "application/json" };
    const today = new Date().toISOString().slice(0, 10);
    const requests: autocannon.Request[] = [
      { method: "GET", path: "/api/v1/days/13" },
      { method: "GET", path: "/api/v1/search?q=statefulst" },
      { method: "POST", path: "/graphql", headers: json, body: JSON.stringify({ query: DAY_DETAIL, variables: { n: 21 } }) },
      { method: "POST", path: "/graphql", headers: { ...json, ...auth }, body: JSON.stringify({ query: ME_STATS }) },
      {
        method: "PUT",
        path: `/api/v1/me/log/${today}`,
        headers: { ...json, ...auth },
        body: JSON.stringify({ minutes: 15, learned: "soaking the log write" }),
      },
      { method: "POST", path: "/graphql", headers: { ...json, ...auth }, body: JSON.stringify({ query: DAY_DETAIL, variables: { n: 34 } }) },
      { method: "GET", path: "/api/v1/days/40" },
    ];
    const points: Point[] = [{ t: 0, rss: rssMb(child.pid!), requests: 0, errors: 0 }];
    let answered = 0;
    let failed = 0;
    const started = Date.now();
    const sampler = setInterval(() => {
      points.push({ t: Math.round((Date.now() - started) / 1000), rss: rssMb(child.pid!), requests: answered, errors: failed });
      console.error(`[soak] ${points.at(-1)!.t} s: RSS ${points.at(-1)!.rss} MB, ${answered} requests`);
      answered = 0;
      failed = 0;
    }, SAMPLE_MS);
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: base, connections, duration: seconds, requests }, (err, res) => (err ? reject(err) : resolve(res)));
      instance.on("response", () => {
        answered++;
      });
      instance.on("reqError", () => {
        failed++;
      });
    });
    clearInterval(sampler);
    return { points, total: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts };
  } finally {
    await stopServer(child);
  }
}

const dir = mkdtempSync(join(tmpdir(), "k8s-days-soak-"));
const { points, total, non2xx, errors } = await soak(`file:${join(dir, "soak.db")}`).finally(() => rmSync(dir, { recursive: true, force: true }));
const rss = points.map((p) => p.rss);
const third = Math.ceil(points.length / 3);
const range = (part: number[]) => `${Math.min(...part)}–${Math.max(...part)}`;
const summary = `RSS by third of the run (lowest–highest): first ${range(rss.slice(0, third))} MB, middle ${range(rss.slice(third, 2 * third))} MB, last ${range(rss.slice(2 * third))} MB; highest ${Math.max(...rss)} MB.`;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${platform()} ${release()}, Node ${process.version}${hasTaskset ? "; server pinned to CPU 0, load generator to CPU 1" : "; no CPU pinning"}`;
const report = [
  `Machine: ${machine}`,
  `Date: ${new Date().toISOString()}; SQLite, ${connections} connections, ${seconds} s of mixed load, ${total} requests (${Math.round(total / seconds)}/s), ${errors} errors, ${non2xx} non-2xx`,
  "",
  "| t (s) | server RSS MB | requests in the last 10 s |",
  "|---:|---:|---:|",
  ...points.map((p) => `| ${p.t} | ${p.rss} | ${p.t === 0 ? "—" : p.requests} |`),
  "",
  summary,
].join("\n");
console.log(report);
if (process.argv.includes("--write")) {
  const file = join(root, "BENCHMARKS.md");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = "<!-- soak:results -->";
  const end = "<!-- soak:end -->";
  const body = `${start}\n${report}\n${end}`;
  const next =
    existing.includes(start) && existing.includes(end)
      ? existing.slice(0, existing.indexOf(start)) + body + existing.slice(existing.indexOf(end) + end.length)
      : `${existing.trimEnd()}\n\n## Memory under sustained mixed load\n\n${body}\n`;
  writeFileSync(file, next);
  console.error(`wrote ${file}`);
}
