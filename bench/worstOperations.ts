/**
 * `npm run bench:worst`: how long the nastiest anonymous GraphQL operations that
 * the limits still accept take, against a server on SQLite with the seeds and the
 * fixture lessons imported (response cache off, so every run does the work).
 *
 * Each operation is built to sit just under one of the default limits (depth 15,
 * 30 aliases, cost 100,000, 3,000 tokens, `first` ≤ 100): it is first checked to be
 * accepted (HTTP 200, no errors), then run BENCH_RUNS times (default 5) one after
 * the other; the table gives the median and slowest wall time and the response size.
 * A few operations just over the limits are checked to be refused.
 *
 * Environment: BENCH_RUNS, K8S_DAYS_FIXTURES (the fixture repository).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, getIntrospectionQuery, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { loadConfig } from "../src/config.ts";
import { measureOperation } from "../src/graphql/limits.ts";
import { buildSchema } from "../src/graphql/modules.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const fixtures = [process.env.K8S_DAYS_FIXTURES, resolve(root, "../shared/fixtures/66DaysOfK8s"), "/work/shared/fixtures/66DaysOfK8s"].find(
  (p) => p && existsSync(join(p, "challenge/README.md")),
);

const aliased = (n: number, body: (i: number) => string) => Array.from({ length: n }, (_, i) => `a${i}: ${body(i)}`).join(" ");
const defaults = loadConfig({});
const schema = buildSchema();
const costOf = (query: string) => {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return measureOperation(schema, op, fragments).cost;
};
/** As many aliased copies of `body` as the default cost and alias limits accept (an anonymous query). */
const filled = (body: (i: number) => string) => {
  const n = Math.max(1, Math.min(defaults.GRAPHQL_MAX_ALIASES, Math.floor(defaults.GRAPHQL_MAX_COST / costOf(`{ ${body(0)} }`))));
  return [n, `{ ${aliased(n, body)} }`] as const;
};
const named = (label: string, [n, query]: readonly [number, string]): [string, string] => [`${label}, ×${n}`, query];
const introspection = getIntrospectionQuery({
  descriptions: true,
  inputValueDeprecation: true,
  schemaDescription: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
});
/** The IDE's query with its `__schema { … }` selection repeated under `n` aliases (fragments stay shared, so tokens stay few). */
function introspectionTimes(n: number): string {
  const start = introspection.indexOf("__schema {");
  let depth = 0;
  let end = start;
  for (let i = introspection.indexOf("{", start); i < introspection.length; i++) {
    if (introspection[i] === "{") depth++;
    else if (introspection[i] === "}" && --depth === 0) {
      end = i + 1;
      break;
    }
  }
  const selection = introspection.slice(start, end);
  return introspection.slice(0, start) + aliased(n, () => selection) + introspection.slice(end);
}
const DAY_FIELDS =
  "number title summary tldr intro tags tasks setup takeaways sections { heading } snippets { language code } references { url title } concepts { weight concept { slug name } } links { text day { number } } citations { text reference { url } }";

/** Anonymous operations near the limits: [name, query]. */
const accepted: [string, string][] = [
  ["the IDE's introspection query", introspection],

  named(
    "__type(name) with fields, args and type refs",
    filled(
      () => `__type(name: "Day") { fields { name args { name type { name ofType { name ofType { name } } } } type { name ofType { name ofType { name } } } } }`,
    ),
  ),
  named(
    "every day's html and body (days(first: 100))",
    filled(() => `days(first: 100) { edges { node { number html body } } }`),
  ),
  named(
    "days(first: 100) with every field but the heavy texts",
    filled(() => `days(first: 100) { edges { node { ${DAY_FIELDS} } } }`),
  ),
  named(
    "days(first: 10) with html, body and sections",
    filled(() => `days(first: 10) { edges { node { ${DAY_FIELDS} html body sections { heading markdown html } } } }`),
  ),
  named(
    "concepts(first: 25) → days(first: 10) → html",
    filled(() => `concepts(first: 25) { edges { node { slug days(first: 10) { number html } } } }`),
  ),
  named(
    "concepts(first: 100) → days(first: 100) → number",
    filled(() => `concepts(first: 100) { edges { node { slug days(first: 100) { number title } } } }`),
  ),
  named(
    "days(first: 100) → concepts → concept → days(first: 20)",
    filled(() => `days(first: 100) { edges { node { concepts { concept { days(first: 20) { number } } } } } }`),
  ),
  named(
    "search(first: 100), each a different query",
    filled(
      (i) =>
        `search(query: "${["pod", "service", "stateful", "volume", "ingress", "deploy"][i % 6]}${"abcdefghij"[i % 10]}", first: 100) { score snippet node { __typename } }`,
    ),
  ),
  named(
    "conceptPath between distant concepts",
    filled(
      (i) =>
        `conceptPath(from: "${["pod", "ingress", "volume"][i % 3]}", to: "${["helm", "rbac", "hpa", "crd", "etcd"][i % 5]}") { length hops { __typename } }`,
    ),
  ),
  ["day → next ×13 (depth 15) with html", `{ day(number: 1) { ${"next { ".repeat(13)}html${" }".repeat(13)} } }`],
];

/** Operations just over a limit, which must be refused: [name, query, code]. */
const refused: [string, string, string][] = [
  ["66 aliased fields under __schema", `{ __schema { types { ${aliased(66, () => "fields { name }")} } } }`, "MAX_ALIASES_EXCEEDED"],
  ["the IDE's introspection query twice under aliases", introspectionTimes(2), "MAX_COST_EXCEEDED"],
  [
    "concepts(first: 100) → days(first: 100) → html",
    `{ concepts(first: 100) { edges { node { slug days(first: 100) { number html } } } } }`,
    "MAX_COST_EXCEEDED",
  ],
  ["__schema nested 16 deep", `{ __schema { types { fields { type { ${"ofType { ".repeat(11)}name${" }".repeat(11)} } } } } }`, "MAX_DEPTH_EXCEEDED"],
];

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

async function post(
  base: string,
  query: string,
): Promise<{ ms: number; status: number; bytes: number; errors: { extensions?: { code?: string } }[] | undefined }> {
  const start = performance.now();
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query }),
  });
  const text = await res.text();
  const ms = performance.now() - start;
  return { ms, status: res.status, bytes: Buffer.byteLength(text), errors: (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors };
}

const dir = mkdtempSync(join(tmpdir(), "k8s-days-worst-"));
const env = {
  ...process.env,
  DATABASE_URL: `file:${join(dir, "bench.db")}`,
  NODE_ENV: "production" as const,
  LOG_LEVEL: "warn",
  SEED_ON_START: "false",
  RATE_LIMIT_MAX: "0",
  RESPONSE_CACHE: "false",
  GRAPHQL_APQ: "false",
  SHUTDOWN_GRACE_MS: "0",
  HOST: "127.0.0.1",
};
const cli = (...args: string[]) => execFileSync(process.execPath, [join(root, "bin/k8s-days.mjs"), ...args], { cwd: root, env, encoding: "utf8" });
console.error("seeding and importing the fixtures…");
cli("seed");
if (fixtures) cli("import", fixtures);
else console.error("fixtures not found: measuring the seeds only");
const port = await freePort();
const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
  cwd: root,
  env: { ...env, PORT: String(port) },
  stdio: ["ignore", "inherit", "inherit"],
});
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {}
    if (i > 150) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  const lines = [
    `Worst accepted anonymous GraphQL operations — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}, SQLite${fixtures ? " with the fixtures imported" : ""}, ${runs} runs each`,
    "",
    "| operation | median ms | slowest ms | response KiB |",
    "|---|---:|---:|---:|",
  ];
  let failures = 0;
  for (const [name, query] of accepted) {
    const first = await post(base, query);
    if (first.status !== 200 || first.errors?.length) {
      failures++;
      lines.push(`| ${name} | refused: ${first.status} ${first.errors?.[0]?.extensions?.code ?? ""} | | |`);
      continue;
    }
    const times: number[] = [];
    for (let r = 0; r < runs; r++) times.push((await post(base, query)).ms);
    times.sort((a, b) => a - b);
    lines.push(`| ${name} | ${times[Math.floor(times.length / 2)]!.toFixed(0)} | ${times.at(-1)!.toFixed(0)} | ${(first.bytes / 1024).toFixed(0)} |`);
  }
  lines.push("", "| refused as it should be | status | code |", "|---|---:|---|");
  for (const [name, query, code] of refused) {
    const res = await post(base, query);
    const got = res.errors?.[0]?.extensions?.code ?? "";
    if (res.status !== 400 || got !== code) failures++;
    lines.push(`| ${name} | ${res.status} | ${got}${got === code ? "" : ` (expected ${code})`} |`);
  }
  console.log(lines.join("\n"));
  if (failures) process.exitCode = 1;
} finally {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  rmSync(dir, { recursive: true, force: true });
}
