/**
 * Property-based fuzzing of the running app (fast-check, bounded, fixed seed):
 *
 * - REST: random requests built from the served OpenAPI document — any operation,
 *   path parameters, query parameters (declared and unknown), JSON bodies from the
 *   schemas or junk, lying Content-Encodings, broken percent-encoding, tokens good and bad;
 * - GraphQL: random operations built from the schema — fields, arguments (literals
 *   and variables, valid and not), aliases, inline and named fragments, introspection
 *   (`__schema`, `__type`, `__typename`), bad variables and plain garbage.
 *
 * Every answer must be below 500, every error a problem+json (REST) or a GraphQL
 * error whose code belongs to src/errors.ts, and no body may carry a stack trace or
 * a file path. Bounded: at most 300 cases and 10 s per property; `FUZZ_SEED`,
 * `FUZZ_RUNS` and `FUZZ_TIME_MS` override seed, counts and time (`FUZZ_DEBUG=1` prints
 * every 400 and GraphQL error, to see what the generators reach).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { isErrorCode } from "../../src/errors.ts";
import { buildSchema } from "../../src/graphql/modules.ts";
import { startContentApp } from "../support/contentApp.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { listen } from "../support/mcp.ts";
import type { TestApp } from "../support/testApp.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const REST_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const GRAPHQL_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** Each property also stops after this long (a loaded CI machine runs fewer cases, never longer). */
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_MS ?? 10_000);

/** What no response body may contain: a stack frame, a source or dependency path, a Prisma invocation. */
const LEAK = /\bat [\w.<>$]+ \(|\bnode_modules\b|\/work\/|\/home\/|\bsrc\/[\w/]+\.ts\b|\.ts:\d+:\d+|Invalid `\w+\.\w+\(\)` invocation|Prisma/;

let t: TestApp;
let http: Awaited<ReturnType<typeof listen>>;
let learner: TestLearner;
const stats = { rest: 0, restStatuses: new Map<number, number>(), graphql: 0, graphqlStatuses: new Map<number, number>(), fiveHundreds: 0 };

before(async () => {
  t = await startContentApp({ label: "fuzz", contract: false });
  http = await listen(t);
  learner = await registerLearner(t, "fuzzer");
});
after(async () => {
  await http?.close();
  await t?.close();
});

// ---------- values ----------

/** Strings that have broken servers before: encodings, sizes, injections, numbers in disguise. */
const nastyStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfff",
  "😀",
  "e\u0301",
  "%",
  "%ff",
  "%00",
  "%2F",
  "..",
  "../../etc/passwd",
  "/",
  "\\",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  '"',
  "{}",
  "[]",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "99999999999999999999",
  "2026-02-30",
  "2026-03-01",
  "9999-12-31",
  "0000-00-00",
  "pod",
  "Pod",
  "service",
  "statefulset",
  "chronological",
  "suggested",
  "66daysofk8s",
  "k8sd_",
  "k8sd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "a".repeat(300),
  "z".repeat(5000),
  "__proto__",
  "constructor",
];
const nasty = fc.constantFrom(...nastyStrings);
const text = fc.oneof(nasty, fc.string({ maxLength: 40, unit: "binary" }), fc.string({ maxLength: 12 }));
const junk: fc.Arbitrary<unknown> = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));

/** A JSON-Schema (OpenAPI 3.1) value: usually valid, sometimes junk. */
function fromSchema(doc: any, schema: any, depth = 0): fc.Arbitrary<unknown> {
  if (!schema) return junk;
  if (schema.$ref) return fromSchema(doc, doc.components.schemas[schema.$ref.split("/").pop()], depth);
  const options = schema.anyOf ?? schema.oneOf;
  const valid: fc.Arbitrary<unknown> = (() => {
    if (options) return fc.oneof(...options.map((s: any) => fromSchema(doc, s, depth + 1)));
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case "integer":
        return fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 100, 100) });
      case "number":
        return fc.double({ min: schema.minimum ?? -10, max: schema.maximum ?? 100, noNaN: true });
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      case "array":
        return depth > 3 ? fc.constant([]) : fc.array(fromSchema(doc, schema.items, depth + 1), { maxLength: 4 });
      case "object": {
        if (depth > 3) return fc.constant({});
        const props = Object.entries(schema.properties ?? {}) as [string, any][];
        const required = new Set<string>(schema.required ?? []);
        return fc.record(Object.fromEntries(props.map(([k, s]) => [k, fromSchema(doc, s, depth + 1)])), {
          requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
        });
      }
      default:
        if (schema.pattern === "^\\d{4}-\\d{2}-\\d{2}$") return fc.constantFrom("2026-03-01", "2026-02-28", "2026-03-02", "2025-12-31", "2026-02-29");
        return schema.example !== undefined ? fc.oneof(fc.constant(String(schema.example)), text) : text;
    }
  })();
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: junk, weight: 1 });
}

/** Percent-encodes what can be; a lone surrogate becomes its (invalid) UTF-8 bytes, so the path stays a path. */
function pathSegment(value: unknown, raw: boolean): string {
  const s = typeof value === "string" ? value : (JSON.stringify(value) ?? "x");
  if (raw) return s.replace(/[/?#\s]/g, "");
  try {
    return encodeURIComponent(s);
  } catch {
    return s.replace(/[\ud800-\udfff]/g, "%ED%A0%80").replace(/[/?#\s]/g, "");
  }
}

/** `arb` once in `oneIn` runs, null otherwise (fc.option's `freq` is the other way round: nil once in freq). */
const onceIn = <T>(oneIn: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 1, arbitrary: arb }, { weight: oneIn - 1, arbitrary: fc.constant(null) });

// ---------- REST ----------

interface RestCase {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

function restCase(doc: any, token: string): fc.Arbitrary<RestCase> {
  const operations = Object.entries(doc.paths as Record<string, Record<string, any>>)
    .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })))
    // Deleting the fuzzing learner would turn every later private request into a plain 401.
    .filter((o) => !(o.method === "delete" && o.path === "/api/v1/me"));
  return fc.constantFrom(...operations).chain(({ path, method, op }) => {
    const params = (op.parameters ?? []) as { in: string; name: string; schema: any }[];
    const pathParams = params.filter((p) => p.in === "path");
    const queryParams = params.filter((p) => p.in === "query");
    const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
    return fc
      .record({
        pathValues: fc.tuple(...pathParams.map((p) => fc.tuple(fromSchema(doc, p.schema), fc.boolean()))),
        query: fc.subarray(queryParams).chain((qs) => fc.tuple(...qs.map((q) => fc.tuple(fc.constant(q.name), fromSchema(doc, q.schema))))),
        unknownQuery: onceIn(10, fc.tuple(fc.constantFrom("foo", "learnerId", "limit", "cursor", "sort", "__proto__"), text)),
        body: bodySchema
          ? fc.oneof(
              { arbitrary: fromSchema(doc, bodySchema).map((b) => JSON.stringify(b)), weight: 5 },
              { arbitrary: fc.constantFrom("{", "null", "[]", '"x"', '{"a":', ""), weight: 1 },
            )
          : onceIn(6, fc.constant('{"x":1}')),
        contentType: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8") },
          fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/json; charset=klingon", ""),
        ),
        contentEncoding: onceIn(10, fc.constantFrom("gzip", "deflate", "br", "identity", "compress", "x-foo")),
        auth: fc.oneof({ weight: 6, arbitrary: fc.constant("token") }, { weight: 2, arbitrary: fc.constant("none") }, fc.constantFrom("junk", "malformed")),
        accept: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom("*/*", "application/json", "") },
          fc.constantFrom("text/markdown", "text/html", "image/png", "application/problem+json"),
        ),
      })
      .map((r): RestCase => {
        let url = path;
        pathParams.forEach((p, i) => {
          const [value, raw] = r.pathValues[i]!;
          url = url.replace(`{${p.name}}`, pathSegment(value, raw) || "x");
        });
        const search = new URLSearchParams();
        for (const [k, v] of r.query) search.append(k, typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
        if (r.unknownQuery) search.append(r.unknownQuery[0], r.unknownQuery[1]);
        const qs = search.toString();
        const headers: Record<string, string> = {};
        if (r.accept) headers.accept = r.accept;
        if (r.auth === "token") headers.authorization = `Bearer ${token}`;
        if (r.auth === "junk") headers.authorization = "Bearer k8sd_notarealtokenatallnotarealtokenatall000";
        if (r.auth === "malformed") headers.authorization = "Basic Zm9vOmJhcg==";
        const hasBody = r.body !== null && method !== "get";
        if (hasBody && r.contentType) headers["content-type"] = r.contentType;
        if (hasBody && r.contentEncoding) headers["content-encoding"] = r.contentEncoding;
        return { method: method.toUpperCase(), url: `${url}${qs ? `?${qs}` : ""}`, headers, ...(hasBody ? { body: r.body as string } : {}) };
      });
  });
}

async function send(c: RestCase) {
  const res = await fetch(`${http.base}${c.url}`, {
    method: c.method,
    headers: c.headers,
    ...(c.body !== undefined ? { body: typeof c.body === "string" ? c.body : new Uint8Array(c.body) } : {}),
  });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

const count = (m: Map<number, number>, status: number) => m.set(status, (m.get(status) ?? 0) + 1);

// ---------- GraphQL ----------

interface Built {
  text: string;
  /** Variable definitions ("$v0: Int") and values, collected while building. */
  vars: { def: string; value: unknown }[];
}

/** A GraphQL literal of `type` (valid or not), or a variable carrying a value (valid or not). */
function argValue(type: GraphQLInputType, depth: number): fc.Arbitrary<{ literal: string; variable?: { type: string; value: unknown } }> {
  const named = getNamedType(type);
  const literalOf = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : v === undefined ? "null" : String(v));
  let valid: fc.Arbitrary<unknown>;
  let literal: (v: unknown) => string = literalOf;
  if (isEnumType(named)) {
    valid = fc.constantFrom(...named.getValues().map((v) => v.name));
    literal = (v) => String(v);
  } else if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    const optional = fields.filter((f) => !required.includes(f));
    // Required fields are usually all there (leaving one out is a validation error, also worth a try).
    const chosen = fc
      .tuple(depth > 2 ? fc.constant([] as typeof fields) : fc.subarray(optional), onceIn(10, fc.constant(true)))
      .map(([opt, dropRequired]) => (dropRequired ? opt : [...required, ...opt]));
    return chosen.chain((fs) =>
      fc.tuple(...fs.map((f) => argValue(f.type, depth + 1).map((v) => `${f.name}: ${v.literal}`))).map((parts) => ({ literal: `{ ${parts.join(", ")} }` })),
    );
  } else if (isScalarType(named) && (named.name === "Int" || named.name === "Float")) {
    valid = fc.oneof(fc.integer({ min: -3, max: 120 }), fc.constantFrom(0, 1, 13, 66, 100, 101, 2147483647));
  } else if (isScalarType(named) && named.name === "Boolean") {
    valid = fc.boolean();
  } else {
    valid = text;
  }
  const wrapList = isListType(getNullableType(type));
  const asLiteral = valid.map((v) => ({ literal: wrapList ? `[${literal(v)}]` : literal(v) }));
  const wrong = fc.constantFrom("null", '"x"', "3.5", "-1", "[]", "{}", "NOPE", "true", '"\\u0000"');
  // Variables carry any JSON value, valid or not: that is where coercion errors and unusual text come from.
  const variable = fc
    .tuple(fc.oneof(valid, junk), fc.boolean())
    .map(([value, wrap]) => ({ literal: "", variable: { type: String(type), value: wrapList && wrap ? [value] : value } }));
  return fc.oneof({ arbitrary: asLiteral, weight: 5 }, { arbitrary: wrong.map((l) => ({ literal: l })), weight: 1 }, { arbitrary: variable, weight: 2 });
}

function selectionSet(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): fc.Arbitrary<Built> {
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = schema.getPossibleTypes(type);
    return fc.subarray([...possible], { minLength: 1, maxLength: Math.min(2, possible.length) }).chain((ts) =>
      fc.tuple(...ts.map((pt) => selectionSet(schema, pt, depth + 1))).map((parts) => ({
        text: `{ __typename ${parts.map((p, i) => `... on ${ts[i]!.name} ${p.text}`).join(" ")} }`,
        vars: parts.flatMap((p) => p.vars),
      })),
    );
  }
  if (!isObjectType(type)) return fc.constant({ text: "", vars: [] });
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const leaves = fields.filter((f) => !isObjectType(getNamedType(f.type)) && !isUnionType(getNamedType(f.type)) && !isInterfaceType(getNamedType(f.type)));
  const pool = depth >= 4 ? (leaves.length ? leaves : fields.slice(0, 1)) : fields;
  return fc.tuple(fc.subarray(pool, { minLength: 1, maxLength: Math.min(4, pool.length) }), fc.boolean()).chain(([fs, typename]) =>
    fc.tuple(...fs.map((f) => fieldSelection(schema, f, depth))).map((parts) => ({
      text: `{ ${typename ? "__typename " : ""}${parts.map((p) => p.text).join(" ")} }`,
      vars: parts.flatMap((p) => p.vars),
    })),
  );
}

let varCounter = 0;
function fieldSelection(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<Built> {
  const child = getNamedType(field.type);
  const composite = isObjectType(child) || isUnionType(child) || isInterfaceType(child);
  return fc
    .record({
      alias: onceIn(4, fc.constantFrom("a", "b", "x1", "same")),
      args: fc.subarray([...field.args]).chain((as) => fc.tuple(...as.map((a) => argValue(a.type, 0).map((v) => ({ name: a.name, ...v }))))),
      // Required arguments are usually given; leaving one out must be a validation error, not a crash.
      addRequired: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, fc.constant(false)),
      sub: composite
        ? depth >= 5
          ? fc.constant({ text: "{ __typename }", vars: [] })
          : selectionSet(schema, child, depth + 1)
        : fc.constant({ text: "", vars: [] }),
    })
    .map((r) => {
      const vars: Built["vars"] = [...r.sub.vars];
      const given = new Set(r.args.map((a) => a.name));
      const args = [...r.args];
      if (r.addRequired)
        for (const a of field.args)
          if (isNonNullType(a.type) && !given.has(a.name)) args.push({ name: a.name, literal: a.type.toString().startsWith("Int") ? "1" : '"pod"' });
      const argText = args.map((a) => {
        if (!a.variable) return `${a.name}: ${a.literal}`;
        const name = `v${varCounter++}`;
        vars.push({ def: `$${name}: ${a.variable.type}`, value: a.variable.value });
        return `${a.name}: $${name}`;
      });
      const head = `${r.alias ? `${r.alias}: ` : ""}${field.name}${argText.length ? `(${argText.join(", ")})` : ""}`;
      return { text: `${head} ${r.sub.text}`.trim(), vars };
    });
}

const introspection = fc.constantFrom(
  "__typename",
  "__schema { queryType { name } types { name kind fields(includeDeprecated: true) { name args { name type { name kind ofType { name } } } } } }",
  "__schema { directives { name locations args { name } } mutationType { name } }",
  "a1: __schema { types { name } } a2: __schema { types { name } } a3: __schema { types { fields { name } } }",
  '__type(name: "Day") { name kind fields { name type { kind name ofType { kind name ofType { kind name } } } } }',
  '__type(name: "NoSuchType") { name }',
  '__type(name: "") { name }',
  '__type(name: "Concept") { fields { type { fields { type { fields { name } } } } } }',
);

function operation(schema: GraphQLSchema): fc.Arbitrary<{ body: string; accept: string; auth: boolean }> {
  const query = schema.getQueryType()!;
  const mutation = schema.getMutationType()!;
  const structured = fc
    .record({
      root: fc.constantFrom<"query" | "mutation">("query", "query", "query", "mutation"),
      intro: onceIn(3, introspection),
      named: fc.boolean(),
      fragment: fc.boolean(),
      extraVariable: onceIn(6, fc.tuple(fc.constantFrom("undeclared", "v0"), junk)),
      dropVariables: onceIn(10, fc.constant(true)),
    })
    .chain((r) => selectionSet(schema, r.root === "query" ? query : mutation, 1).map((sel) => ({ ...r, sel })));
  return fc
    .record({
      op: fc.oneof(
        {
          weight: 8,
          arbitrary: structured.map((r) => {
            const inner = r.sel.text.slice(1, -1) + (r.intro && r.root === "query" ? ` ${r.intro}` : "");
            const defs = r.sel.vars.map((v) => v.def);
            const header = `${r.root}${r.named ? " Fuzz" : ""}${defs.length ? `(${defs.join(", ")})` : ""}`;
            const body = r.fragment
              ? `${header} { ...F } fragment F on ${r.root === "query" ? query.name : mutation.name} { ${inner} }`
              : `${header} { ${inner} }`;
            const variables: Record<string, unknown> = r.dropVariables
              ? {}
              : Object.fromEntries(r.sel.vars.map((v) => [v.def.slice(1, v.def.indexOf(":")), v.value]));
            if (r.extraVariable) variables[r.extraVariable[0]] = r.extraVariable[1];
            return JSON.stringify({ query: body, variables, ...(r.named ? { operationName: "Fuzz" } : {}) });
          }),
        },
        {
          weight: 1,
          arbitrary: fc.oneof(
            text.map((q) => JSON.stringify({ query: q })),
            fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
            fc.constantFrom(
              "{",
              "",
              "null",
              '{"query": 5}',
              '{"query": "{ days { totalCount } }", "variables": "x"}',
              '{"query": "{ days { totalCount } }", "operationName": "Nope"}',
              '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
              '{"query": "query A { __typename } query A { __typename }"}',
              '{"query": "{ days(first: 1000) { totalCount } }"}',
              '{"query": "subscription { days { totalCount } }"}',
            ),
          ),
        },
      ),
      accept: fc.constantFrom("application/graphql-response+json", "application/json", "application/graphql-response+json, application/json;q=0.9", "*/*"),
      auth: fc.boolean(),
    })
    .map((r) => ({ body: r.op, accept: r.accept, auth: r.auth }));
}

// ---------- the properties ----------

describe("fuzzing the running app", () => {
  it(`REST: up to ${REST_RUNS} random requests from the OpenAPI document answer below 500, as problem+json, without leaks`, async (ctx) => {
    const doc = await (await fetch(`${http.base}/api/v1/openapi.json`)).json();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(restCase(doc, learner.token), async (c) => {
        const res = await send(c);
        stats.rest++;
        count(stats.restStatuses, res.status);
        const where = `${c.method} ${c.url} ${JSON.stringify(c.headers)} ${typeof c.body === "string" ? c.body.slice(0, 200) : ""} → ${res.status} ${res.text.slice(0, 300)}`;
        if (res.status >= 500) stats.fiveHundreds++;
        if (process.env.FUZZ_DEBUG && res.status === 400) console.log("400", c.method, c.url.slice(0, 80), res.text.slice(0, 160));
        assert.ok(res.status < 500, where);
        if (res.status >= 400) assert.match(res.type, /^application\/problem\+json/, where);
        assert.doesNotMatch(res.text, LEAK, where);
      }),
      { seed: SEED, numRuns: REST_RUNS, endOnFailure: true, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    ctx.diagnostic(
      `REST fuzz: seed ${SEED}, ${stats.rest} requests in ${Date.now() - started} ms, statuses ${JSON.stringify(Object.fromEntries([...stats.restStatuses].sort()))}, 5xx ${stats.fiveHundreds}`,
    );
  });

  it(`GraphQL: up to ${GRAPHQL_RUNS} random operations from the schema answer below 500 with GraphQL errors of our codes, without leaks`, async (ctx) => {
    const schema = buildSchema();
    const started = Date.now();
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(operation(schema), async (op) => {
        const res = await fetch(`${http.base}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: op.accept, ...(op.auth ? { authorization: `Bearer ${learner.token}` } : {}) },
          body: op.body,
        });
        const textBody = await res.text();
        stats.graphql++;
        count(stats.graphqlStatuses, res.status);
        const where = `${op.body.slice(0, 600)} → ${res.status} ${textBody.slice(0, 400)}`;
        if (res.status >= 500) stats.fiveHundreds++;
        assert.ok(res.status < 500, where);
        assert.match(res.headers.get("content-type") ?? "", /^application\/(graphql-response\+)?json/, where);
        const body = JSON.parse(textBody) as { data?: unknown; errors?: { message: unknown; extensions?: { code?: unknown } }[] };
        assert.ok(body.errors !== undefined || body.data !== undefined, where);
        if (process.env.FUZZ_DEBUG) for (const e of body.errors ?? []) console.log("GQLERR", e.extensions?.code, String(e.message).slice(0, 90));
        for (const e of body.errors ?? []) {
          assert.equal(typeof e.message, "string", where);
          assert.ok(isErrorCode(e.extensions?.code), `code ${String(e.extensions?.code)} is not in src/errors.ts: ${where}`);
          assert.notEqual(e.extensions?.code, "INTERNAL_SERVER_ERROR", where);
          codes.set(String(e.extensions?.code), (codes.get(String(e.extensions?.code)) ?? 0) + 1);
        }
        assert.doesNotMatch(textBody, LEAK, where);
      }),
      { seed: SEED, numRuns: GRAPHQL_RUNS, endOnFailure: true, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    ctx.diagnostic(
      `GraphQL fuzz: seed ${SEED}, ${stats.graphql} operations in ${Date.now() - started} ms, statuses ${JSON.stringify(Object.fromEntries([...stats.graphqlStatuses].sort()))}, codes ${JSON.stringify(Object.fromEntries([...codes].sort()))}, 5xx ${stats.fiveHundreds}`,
    );
  });
});
