/**
 * `npm run bench`: measures the API against the physical ceiling of Node on this
 * machine and prints a table (and writes BENCHMARKS.md with --write).
 *
 * For each database (SQLite, and PostgreSQL when reachable): seeds a fresh database,
 * imports the fixture lessons, starts the server (pinned to CPU 0 when taskset
 * exists; the load generator runs pinned to CPU 1), and runs autocannon against:
 *   (a) a raw node:http server returning the exact bytes of the REST day-detail response (the ceiling)
 *   (b) REST GET /api/v1/days/13
 *   (c) GraphQL day detail (day + concepts + related concepts + references)
 *   (d) GraphQL list of all 66 days with concepts
 *   (e) search (REST)
 *   (f) authenticated GraphQL `me { stats }` and the daily-log write (uncached)
 *   (g) GraphQL day detail with the response cache off (a second server, RESPONSE_CACHE=false)
 * reporting requests/s, p50/p99 latency, the server's CPU time per request (steady when
 * the machine is shared, unlike requests/s), server RSS (at the end of the scenario, and its
 * lowest → highest over the scenario's seconds) and the ratio to (a); then the wall time
 * of the cold CLI (`--help`, from dist/ and through tsx) and of importing the fixture
 * repository (a cold `k8s-days import` after `seed`). The server and CLI run the compiled
 * dist/ (built first when stale, scripts/build.mjs --if-stale).
 *
 * Environment: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 32),
 * BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/test), BENCH_DBS (sqlite,postgres),
 * BENCH_ONLY (scenario keys to run, e.g. f1,f2,g; default all).
 */
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { cpus, totalmem, release, platform, loadavg } from "node:os";
import { join } from "node:path";
import pg from "pg";
import {
  benchDir,
  buildIfStale,
  cli,
  cpuSeconds,
  DAY_DETAIL,
  DAY_LIST,
  fixtures,
  freePort,
  gql,
  hasTaskset,
  ME_STATS,
  pinLoadGenerator,
  pinned,
  registerLearner,
  root,
  rssMb,
  startServer,
  stopServer,
  waitFor,
} from "./server.ts";

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const pgUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const dbs = (process.env.BENCH_DBS ?? "sqlite,postgres").split(",");
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : null;
const wanted = (key: string) => !only || only.has(key);

pinLoadGenerator();

/** Wall time of a cold CLI run, in seconds (median of `runs`). */
function cliSeconds(env: NodeJS.ProcessEnv, runs: number, ...args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    cli(env, ...args);
    times.push((performance.now() - t) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const load1 = () => loadavg()[0]!.toFixed(1);

interface Scenario {
  key: string;
  label: string;
  opts: Partial<autocannon.Options>;
}

interface Result {
  key: string;
  label: string;
  rps: number;
  p50: number;
  p99: number;
  rss: number;
  rssMin: number;
  rssMax: number;
  errors: number;
  non2xx: number;
  load: string;
  cpuMs: number;
}

async function load(url: string, s: Scenario, pid: number): Promise<Result> {
  await autocannon({ url, connections, duration: 2, ...s.opts } as autocannon.Options); // warm-up
  // RSS over time: one sample a second while the load runs.
  const samples: number[] = [rssMb(pid)];
  const cpu0 = cpuSeconds(pid);
  const sampler = setInterval(() => samples.push(rssMb(pid)), 1000);
  let r: autocannon.Result;
  try {
    r = await autocannon({ url, connections, duration, ...s.opts } as autocannon.Options);
  } finally {
    clearInterval(sampler);
  }
  samples.push(rssMb(pid));
  const cpuMs = ((cpuSeconds(pid) - cpu0) * 1000) / Math.max(1, r.requests.total);
  return {
    key: s.key,
    label: s.label,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    rss: samples.at(-1)!,
    rssMin: Math.min(...samples),
    rssMax: Math.max(...samples),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    load: load1(),
    cpuMs,
  };
}

async function rawCeiling(sample: { status: number; headers: [string, string][]; body: Buffer }): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const file = join(benchDir(), "raw.json");
  writeFileSync(file, JSON.stringify({ status: sample.status, headers: sample.headers, body: sample.body.toString("base64") }));
  const code = `const http=require("node:http");const s=JSON.parse(require("node:fs").readFileSync(${JSON.stringify(file)},"utf8"));const body=Buffer.from(s.body,"base64");const h=Object.fromEntries(s.headers);http.createServer((q,r)=>{r.writeHead(s.status,h);r.end(body)}).listen(${port},"127.0.0.1",()=>console.log("up"))`;
  const [cmd, args] = pinned([process.execPath, "-e", code]);
  const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(base);
  return { child, base };
}

interface Timing {
  label: string;
  seconds: number;
  load: string;
}

async function benchDatabase(name: string, url: string): Promise<{ results: Result[]; timings: Timing[] }> {
  const env = { DATABASE_URL: url };
  console.error(`\n[${name}] seeding and importing the fixtures…`);
  cli(env, "seed");
  const timings: Timing[] = [];
  if (fixtures) {
    const t = performance.now();
    cli(env, "import", fixtures);
    timings.push({
      label: "`k8s-days import` of the 66-lesson fixture repository (cold CLI, after seed)",
      seconds: (performance.now() - t) / 1000,
      load: load1(),
    });
  }
  const results = await benchServer(name, env);
  if (wanted("g")) {
    console.error(`[${name}] GraphQL day detail, response cache off`);
    const { child, base } = await startServer({ ...env, RESPONSE_CACHE: "false" });
    try {
      results.push(await load(`${base}/graphql`, { key: "g", label: "GraphQL day detail, response cache off", opts: gql(DAY_DETAIL, { n: 13 }) }, child.pid!));
    } finally {
      await stopServer(child);
    }
  }
  return { results, timings };
}

async function benchServer(name: string, env: NodeJS.ProcessEnv): Promise<Result[]> {
  const { child, base } = await startServer(env);
  try {
    const token = await registerLearner(base);
    const today = new Date().toISOString().slice(0, 10);

    const sampleRes = await fetch(`${base}/api/v1/days/13`);
    const sample = {
      status: sampleRes.status,
      headers: [...sampleRes.headers.entries()].filter(([k]) => !["date", "connection", "keep-alive", "transfer-encoding"].includes(k)) as [string, string][],
      body: Buffer.from(await sampleRes.arrayBuffer()),
    };
    const raw = await rawCeiling(sample);
    const results: Result[] = [];
    try {
      results.push(await load(`${raw.base}/api/v1/days/13`, { key: "a", label: "raw node:http, same bytes (ceiling)", opts: {} }, raw.child.pid!));
    } finally {
      raw.child.kill();
    }

    const scenarios: Scenario[] = [
      { key: "b", label: "REST GET /api/v1/days/13", opts: {} },
      { key: "c", label: "GraphQL day detail", opts: gql(DAY_DETAIL, { n: 13 }) },
      { key: "d", label: "GraphQL 66 days with concepts", opts: gql(DAY_LIST) },
      { key: "e", label: "REST search ?q=statefulst", opts: {} },
      { key: "f1", label: "GraphQL me { stats } (auth, uncached)", opts: gql(ME_STATS, {}, token) },
      {
        key: "f2",
        label: "PUT /api/v1/me/log/{today} (auth, write)",
        opts: {
          method: "PUT",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ minutes: 15, learned: "benchmarking the log write" }),
        },
      },
    ];
    const paths: Record<string, string> = {
      b: "/api/v1/days/13",
      c: "/graphql",
      d: "/graphql",
      e: "/api/v1/search?q=statefulst",
      f1: "/graphql",
      f2: `/api/v1/me/log/${today}`,
    };
    for (const s of scenarios.filter((x) => wanted(x.key))) {
      console.error(`[${name}] ${s.label}`);
      results.push(await load(`${base}${paths[s.key]}`, s, child.pid!));
    }
    return results;
  } finally {
    await stopServer(child);
  }
}

async function postgresUrl(): Promise<string | null> {
  const schema = `bench_${Date.now()}`;
  const client = new pg.Client({ connectionString: pgUrl });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
  const u = new URL(pgUrl);
  u.searchParams.set("schema", schema);
  return u.toString();
}

async function dropSchema(url: string): Promise<void> {
  const schema = new URL(url).searchParams.get("schema");
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

function table(name: string, { results, timings }: { results: Result[]; timings: Timing[] }): string {
  const ceiling = results.find((r) => r.key === "a")?.rps ?? NaN;
  const lines = [
    `### ${name} — ${connections} connections, ${duration} s per scenario`,
    "",
    "| | scenario | req/s | p50 ms | p99 ms | server CPU ms / request | server RSS MB (low → high) | ratio to (a) | errors / non-2xx | load avg |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| (${r.key}) | ${r.label} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.cpuMs.toFixed(3)} | ${r.rss} (${r.rssMin} → ${r.rssMax}) | ${(r.rps / ceiling).toFixed(3)} | ${r.errors} / ${r.non2xx} | ${r.load} |`,
    ),
    ...(timings.length
      ? ["", "| timing | seconds | load avg |", "|---|---:|---:|", ...timings.map((t) => `| ${t.label} | ${t.seconds.toFixed(2)} | ${t.load} |`)]
      : []),
  ];
  return lines.join("\n");
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${platform()} ${release()}, Node ${process.version}${hasTaskset ? "; server pinned to CPU 0, load generator to CPU 1" : "; no CPU pinning"}`;
buildIfStale();
const startup = [
  `CLI start, \`node bin/k8s-days.mjs --help\` (median of 5): ${cliSeconds({}, 5, "--help").toFixed(2)} s from dist/, ` +
    `${cliSeconds({ K8S_DAYS_FROM_SOURCE: "1" }, 5, "--help").toFixed(2)} s through tsx (load avg ${load1()})`,
];
const sections: string[] = [];
for (const name of dbs) {
  if (name === "sqlite") {
    const url = `file:${join(benchDir(), "bench.db")}`;
    sections.push(table("SQLite", await benchDatabase("sqlite", url)));
  } else if (name === "postgres") {
    const url = await postgresUrl();
    if (!url) {
      console.error(`PostgreSQL not reachable at ${pgUrl}; skipped`);
      continue;
    }
    try {
      sections.push(table("PostgreSQL", await benchDatabase("postgres", url)));
    } finally {
      await dropSchema(url);
    }
  }
}
const report = `Machine: ${machine}\nDate: ${new Date().toISOString()}\n\n${startup.join("\n")}\n\n${sections.join("\n\n")}\n`;
console.log(report);
if (process.argv.includes("--write")) {
  const file = join(root, "BENCHMARKS.md");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const marker = "<!-- bench:results -->";
  const head = existing.includes(marker) ? existing.slice(0, existing.indexOf(marker)) : "# Benchmarks\n\n";
  const tail = existing.includes("<!-- bench:end -->") ? existing.slice(existing.indexOf("<!-- bench:end -->")) : "<!-- bench:end -->\n";
  writeFileSync(file, `${head}${marker}\n${report}\n${tail}`);
  console.error(`wrote ${file}`);
}
