/**
 * The API as a frontend developer reads it: the `challenges` query, closed sets as enums,
 * the `Date`/`DateTime` scalars (strict, wire-compatible), payload names that read
 * naturally (`secret`), and search with `after` paging and `highlights` — over GraphQL,
 * and on REST where the same data is served.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { dayKinds } from "../../src/modules/days/days.schemas.ts";
import { REFERENCE_KINDS, REFERENCE_KIND_NAMES } from "../../src/modules/references/referenceKinds.ts";
import { stem } from "../../src/modules/search/searchIndex.ts";
import { startContentApp } from "../support/contentApp.ts";
import { gql } from "../support/graphql.ts";
import type { TestApp } from "../support/testApp.ts";

let t: TestApp;
// No content-version polling during the file: statement counts see only the request's own SQL.
before(async () => {
  t = await startContentApp({ label: "graphql_frontend", config: { CONTENT_VERSION_POLL_MS: 3_600_000 } });
});
after(async () => {
  await t.close();
});

const ok = async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const res = await gql(t, query, variables).set(headers);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data;
};

interface Highlight {
  field: "text" | "title";
  start: number;
  end: number;
}
interface Hit {
  cursor: string;
  text: string;
  title: string;
  snippet: string;
  highlights: Highlight[];
  matches?: string[];
}

/** The snippet a hit's text and highlights stand for, built independently of the server. */
const marked = (h: Hit) => {
  let out = "";
  let at = 0;
  for (const m of h.highlights.filter((x) => x.field === "text")) {
    out += `${h.text.slice(at, m.start)}«${h.text.slice(m.start, m.end)}»`;
    at = m.end;
  }
  return out + h.text.slice(at);
};

describe("challenges over GraphQL", () => {
  it("lists the same challenges as GET /api/v1/challenges, with descriptions", async () => {
    const { challenges } = await ok(`{ challenges { slug name hashtag hashtags description totalDays minMinutesPerDay sourceUrl dayCount } }`);
    const rest = await t.request.get("/api/v1/challenges").expect(200);
    assert.deepEqual(
      challenges,
      rest.body.items.map(({ links: _, ...c }: { links: unknown }) => c),
    );
    assert.equal(challenges[0].slug, "66daysofk8s");
    assert.equal(challenges[0].dayCount, 66);
  });

  it("finds one challenge by slug or hashtag, and answers null for an unknown one", async () => {
    const data = await ok(
      `{ bySlug: challenge(slug: "66daysofk8s") { slug totalDays } byTag: challenge(slug: "#66DaysOfK8s") { slug } none: challenge(slug: "nope") { slug } }`,
    );
    assert.deepEqual(data, { bySlug: { slug: "66daysofk8s", totalDays: 66 }, byTag: { slug: "66daysofk8s" }, none: null });
  });
});

describe("closed sets as enums, dates as scalars", () => {
  it("types Day.kind and Reference.kind as enums with exactly the values REST validates", async () => {
    const { dayKind, referenceKind, enrollmentState } = await ok(`{
      dayKind: __type(name: "DayKind") { enumValues { name } }
      referenceKind: __type(name: "ReferenceKind") { enumValues { name description } }
      enrollmentState: __type(name: "EnrollmentState") { enumValues { name } } }`);
    assert.deepEqual(
      dayKind.enumValues.map((v: { name: string }) => v.name),
      [...dayKinds],
    );
    assert.deepEqual(
      referenceKind.enumValues.map((v: { name: string; description: string }) => [v.name, v.description]),
      REFERENCE_KIND_NAMES.map((k) => [k, REFERENCE_KINDS[k]]),
      "the SDL describes each kind in referenceKinds.ts' words",
    );
    assert.deepEqual(
      enrollmentState.enumValues.map((v: { name: string }) => v.name),
      ["ACTIVE", "ENDED"],
    );
  });

  it("keeps the wire format: enum and Date values are the strings REST answers", async () => {
    const { day } = await ok(`{ day(number: 13) { kind date references { kind } } }`);
    const rest = (await t.request.get("/api/v1/days/13").expect(200)).body;
    assert.deepEqual([day.kind, day.date], [rest.kind, rest.date]);
    assert.equal(day.date, "2021-01-23");
    assert.deepEqual(
      day.references.map((r: { kind: string }) => r.kind),
      rest.references.map((r: { kind: string }) => r.kind),
    );
  });

  const badDates: [string, string, Record<string, unknown> | undefined, string][] = [
    ["a literal month 13", `{ me { logEntry(date: "2026-13-01") { date } } }`, undefined, '"2026-13-01"'],
    ["a literal that is a number", `{ me { logEntry(date: 20260101) { date } } }`, undefined, "20260101"],
    ["a variable for 30 February", `query($d: Date!) { me { logEntry(date: $d) { date } } }`, { d: "2026-02-30" }, '"2026-02-30"'],
    ["a variable without zero padding", `query($d: Date!) { me { share(date: $d) { text } } }`, { d: "2026-3-1" }, '"2026-3-1"'],
  ];
  for (const [what, query, variables, shown] of badDates) {
    it(`refuses ${what} with BAD_USER_INPUT naming the value, before any resolver runs`, async () => {
      const res = await gql(t, query, variables);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.data, undefined);
      const [error] = res.body.errors;
      assert.equal(error.extensions.code, "BAD_USER_INPUT");
      assert.ok(error.message.includes(`Date must be an ISO date yyyy-mm-dd, got ${shown}`), error.message);
    });
  }

  it("refuses a bad DateTime nowhere it is an input, and serializes stored instants unchanged", async () => {
    const reg = await ok(`mutation { register(input: { handle: "timely", timezone: "Europe/Madrid" }) { learner { createdAt } token { secret } } }`);
    const rest = await t.request.get("/api/v1/me").set("Authorization", `Bearer ${reg.register.token.secret}`).expect(200);
    assert.equal(reg.register.learner.createdAt, rest.body.createdAt);
    assert.match(reg.register.learner.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});

describe("payload names that read naturally", () => {
  it("gives the token's secret as `secret`; `token` is the same value, deprecated", async () => {
    const data = await ok(`mutation { register(input: { handle: "secretive" }) { token { secret token prefix } } }`);
    const { secret, token, prefix } = data.register.token;
    assert.equal(secret, token);
    assert.ok(secret.startsWith(prefix));
    await t.request.get("/api/v1/me").set("Authorization", `Bearer ${secret}`).expect(200);
    const { __type } = await ok(`{ __type(name: "CreatedToken") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`);
    const fields = Object.fromEntries(__type.fields.map((f: { name: string }) => [f.name, f]));
    assert.deepEqual([fields.token.isDeprecated, fields.token.deprecationReason], [true, "Use secret"]);
    assert.equal(fields.secret.isDeprecated, false);
  });

  it("gives `secret` for device-code exchange and account recovery too", async () => {
    const reg = await ok(`mutation { register(input: { handle: "linker" }) { token { secret } recoveryCode } }`);
    const auth = { Authorization: `Bearer ${reg.register.token.secret}` };
    const code = (await ok(`mutation { createDeviceCode { code expiresAt } }`, undefined, auth)).createDeviceCode;
    assert.match(code.expiresAt, /Z$/);
    const linked = await ok(`mutation($c: String!) { exchangeDeviceCode(input: { code: $c, client: "phone" }) { token { secret name } } }`, { c: code.code });
    assert.equal(linked.exchangeDeviceCode.token.name, "phone");
    await t.request.get("/api/v1/me").set("Authorization", `Bearer ${linked.exchangeDeviceCode.token.secret}`).expect(200);
    const recovered = await ok(`mutation($r: String!) { recoverAccount(input: { handle: "linker", recoveryCode: $r }) { token { secret } } }`, {
      r: reg.register.recoveryCode,
    });
    await t.request.get("/api/v1/me").set("Authorization", `Bearer ${recovered.recoverAccount.token.secret}`).expect(200);
  });
});

describe("search paging and highlights", () => {
  const fields = "type cursor title text snippet matches highlights { field start end }";

  it("pages with `after`: the second page is the ranking's next hits, with no repeat", async () => {
    const all: Hit[] = (await ok(`{ search(query: "pods", first: 6) { ${fields} } }`)).search;
    assert.equal(all.length, 6);
    const first: Hit[] = (await ok(`{ search(query: "pods", first: 3) { ${fields} } }`)).search;
    const second: Hit[] = (await ok(`query($a: String) { search(query: "pods", first: 3, after: $a) { ${fields} } }`, { a: first.at(-1)!.cursor })).search;
    assert.deepEqual([...first, ...second], all);
    assert.equal(new Set(all.map((h) => h.cursor)).size, 6);
  });

  it("answers the same hits as a Relay connection with pageInfo and totalCount", async () => {
    const { searchConnection: c } = await ok(
      `{ searchConnection(query: "pods", first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { cursor title } } } }`,
    );
    assert.ok(c.totalCount > 3);
    assert.deepEqual([c.pageInfo.hasNextPage, c.pageInfo.hasPreviousPage], [true, false]);
    assert.equal(c.pageInfo.endCursor, c.edges.at(-1).cursor);
    for (const e of c.edges) assert.equal(e.cursor, e.node.cursor);
    // Following endCursor visits every hit once and ends with hasNextPage false.
    const seen = new Set<string>(c.edges.map((e: { cursor: string }) => e.cursor));
    let page = c;
    while (page.pageInfo.hasNextPage) {
      page = (
        await ok(
          `query($a: String) { searchConnection(query: "pods", first: 50, after: $a) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor } } }`,
          { a: page.pageInfo.endCursor },
        )
      ).searchConnection;
      assert.equal(page.pageInfo.hasPreviousPage, true);
      for (const e of page.edges) seen.add(e.cursor);
    }
    assert.equal(seen.size, c.totalCount);
  });

  it("gives highlights whose offsets slice the matched words out of `text` and `title`, and the «» snippet agrees", async () => {
    const hits: Hit[] = (await ok(`{ search(query: "statefulst persistent", first: 10) { ${fields} } }`)).search;
    let checked = 0;
    for (const h of hits) {
      assert.equal(h.snippet, marked(h), "the snippet is the text with each text highlight in «»");
      for (const m of h.highlights) {
        const word = h[m.field].slice(m.start, m.end);
        assert.match(word, /^[A-Za-z0-9]+$/, `${m.field} ${m.start}-${m.end} of ${JSON.stringify(h[m.field])}`);
        assert.ok(h.matches!.includes(stem(word)), `${word} is a matched term`);
        checked++;
      }
    }
    assert.ok(
      hits[0]!.highlights.some((m) => m.field === "title"),
      "the best hit (StatefulSet) is highlighted in its title",
    );
    assert.ok(checked > 5);
  });

  it("pages from the in-memory index: a later page costs no SQL statement", async () => {
    const first: Hit[] = (await ok(`{ search(query: "service", first: 5) { cursor } }`)).search;
    const before = t.services.deps.db.queryCount();
    const next: Hit[] = (await ok(`query($a: String) { search(query: "service", first: 5, after: $a) { cursor title } }`, { a: first.at(-1)!.cursor })).search;
    const count = t.services.deps.db.queryCount() - before;
    console.log(`SQL statements of search page 2: ${count}`);
    assert.equal(next.length, 5);
    assert.equal(count, 0);
  });

  it("refuses a cursor of another list with BAD_REQUEST", async () => {
    const res = await gql(t, `{ search(query: "pods", after: "ZGF5OjEw") { title } }`);
    assert.equal(res.body.errors[0].extensions.code, "BAD_REQUEST");
    assert.match(res.body.errors[0].message, /"after" is not a valid search cursor/);
  });

  it("REST /api/v1/search pages with cursor, next and Link, and carries the same highlights", async () => {
    const page1 = await t.request.get("/api/v1/search?q=pods&limit=3").expect(200);
    assert.equal(page1.body.items.length, 3);
    assert.ok(page1.body.next);
    assert.ok(page1.body.totalCount > 3);
    assert.match(page1.headers.link!, /^<\/api\/v1\/search\?q=pods&limit=3&cursor=[^>]+>; rel="next"$/);
    const page2 = await t.request.get(`/api/v1/search?q=pods&limit=3&cursor=${encodeURIComponent(page1.body.next)}`).expect(200);
    const graph: Hit[] = (await ok(`{ search(query: "pods", first: 6) { ${fields} } }`)).search;
    const strip = (h: Hit & { type?: string }) => ({ cursor: h.cursor, title: h.title, text: h.text, snippet: h.snippet, highlights: h.highlights });
    assert.deepEqual([...page1.body.items, ...page2.body.items].map(strip), graph.map(strip));
    for (const h of page1.body.items as Hit[]) assert.equal(h.snippet, marked(h));
    const bad = await t.request.get("/api/v1/search?q=pods&cursor=ZGF5OjEw").expect(400);
    assert.match(bad.body.detail ?? bad.body.title, /cursor/);
  });
});
