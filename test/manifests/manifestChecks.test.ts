/**
 * Manifest checks over REST and GraphQL on a copy of the fixture repository with lesson
 * manifests of our own making: removed apiVersions in a multi-document file, inside a
 * `List`, and in a lesson's YAML snippet — each reported with the right replacement —
 * while the fixtures' own apps/v1 and v1 objects are OK. Then the lesson filters by
 * kind and by release of removal, and the snippets list (REST pages and GraphQL connection).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DEFAULT_KUBERNETES_VERSION } from "../../src/modules/manifests/apiStatus.ts";
import type { ImportResult } from "../../src/importer/importer.service.ts";
import type { Response } from "supertest";
import { fixtureCopy } from "../support/content.ts";
import { gql } from "../support/graphql.ts";
import { callTool, listen, mcpClient } from "../support/mcp.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

/** A multi-document file: a current Deployment, a removed one, and a List holding a removed CronJob. */
const LEGACY_FILE = `# Deployments as the lessons of 2019 wrote them
apiVersion: apps/v1
kind: Deployment
metadata:
  name: current
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: legacy-web
spec:
  replicas: 1
---
apiVersion: v1
kind: List
items:
- apiVersion: batch/v1beta1
  kind: CronJob
  metadata:
    name: nightly-report
- apiVersion: policy/v1beta1
  kind: PodDisruptionBudget
  metadata:
    name: web-pdb
`;

/** A lesson section with a snippet holding a List (a removed CronJob and RBAC role) and a snippet that is not YAML. */
const LEGACY_SECTION = `

## Manifests from older clusters

\`\`\`yaml
apiVersion: v1
kind: List
items:
- apiVersion: rbac.authorization.k8s.io/v1beta1
  kind: Role
  metadata:
    name: reader
- apiVersion: batch/v1beta1
  kind: CronJob
  metadata:
    name: cleanup
\`\`\`

\`\`\`yaml
spec: [
\`\`\`
`;

type Check = {
  apiVersion: string;
  kind: string;
  name: string | null;
  status: string;
  replacement: string | null;
  removedIn: string | null;
  file: string | null;
  snippet: number | null;
  document: number;
  listItem: number | null;
  line: number;
  url: string;
};

describe("manifest checks", () => {
  let t: TestApp;
  let repo: string;
  let imported: ImportResult;
  before(async () => {
    repo = fixtureCopy();
    writeFileSync(join(repo, "challenge/week02/day12/legacy.yaml"), LEGACY_FILE);
    appendFileSync(join(repo, "challenge/week02/day13/README.md"), LEGACY_SECTION);
    t = await startTestApp({
      label: "manifests",
      prepare: async (services) => {
        await services.content.importer.loadSeeds();
        imported = await services.content.importer.importPath(repo);
      },
    });
  });
  after(async () => {
    await t?.close();
    rmSync(dirname(repo), { recursive: true, force: true });
  });

  const restChecks = async (day: number, version?: string) => {
    const res = await t.request.get(`/api/v1/days/${day}/manifest-checks${version ? `?kubernetesVersion=${encodeURIComponent(version)}` : ""}`).expect(200);
    return res.body as { day: number; kubernetesVersion: string; counts: { OK: number; DEPRECATED: number; REMOVED: number }; objects: Check[] };
  };

  test("the import reads the objects and warns about the snippet that is not YAML, without failing", () => {
    assert.equal(imported.written, true);
    const warning = imported.warnings.find((w) => w.file === "challenge/week02/day13/README.md" && w.message.startsWith("invalid YAML in a snippet"));
    assert.ok(warning, JSON.stringify(imported.warnings));
  });

  test("REST reports the removed Deployment of a multi-document file and the CronJob inside its List, with replacements", async () => {
    const body = await restChecks(12, "1.29");
    assert.equal(body.kubernetesVersion, "1.29");
    const legacy = body.objects.filter((o) => o.file === "legacy.yaml");
    assert.deepEqual(
      legacy.map((o) => [o.kind, o.apiVersion, o.status, o.replacement, o.document, o.listItem, o.name]),
      [
        ["Deployment", "apps/v1", "OK", null, 1, null, "current"],
        ["Deployment", "extensions/v1beta1", "REMOVED", "apps/v1", 2, null, "legacy-web"],
        ["CronJob", "batch/v1beta1", "REMOVED", "batch/v1", 3, 1, "nightly-report"],
        ["PodDisruptionBudget", "policy/v1beta1", "REMOVED", "policy/v1", 3, 2, "web-pdb"],
      ],
    );
    assert.equal(legacy[1]!.line, 7);
    assert.equal(legacy[2]!.line, 17);
    assert.match(legacy[1]!.url, /^http:\/\/127\.0\.0\.1\/api\/v1\/days\/12\/files\/legacy\.yaml$/);
    assert.equal(body.counts.REMOVED, 3);
  });

  test("the same objects were still served, deprecated, by older releases", async () => {
    const body = await restChecks(12, "v1.15.3");
    assert.equal(body.kubernetesVersion, "1.15");
    const byName = new Map(body.objects.map((o) => [o.name, o]));
    assert.equal(byName.get("legacy-web")!.status, "DEPRECATED");
    assert.equal(byName.get("legacy-web")!.replacement, "apps/v1");
    assert.equal(byName.get("nightly-report")!.status, "OK", "batch/v1beta1 was not yet deprecated in 1.15");
  });

  test("the fixtures' own apps/v1 and v1 objects are OK, in files and snippets, at the default release", async () => {
    for (const day of [8, 12, 30]) {
      const body = await restChecks(day);
      assert.equal(body.kubernetesVersion, DEFAULT_KUBERNETES_VERSION);
      const own = body.objects.filter((o) => o.file !== "legacy.yaml");
      assert.ok(own.length > 0, `day ${day} declares objects`);
      for (const o of own) {
        assert.ok(["apps/v1", "v1"].includes(o.apiVersion), `${o.apiVersion} ${o.kind}`);
        assert.equal(o.status, "OK", `day ${day}: ${o.apiVersion} ${o.kind}`);
      }
      if (day !== 12) assert.equal(body.counts.REMOVED + body.counts.DEPRECATED, 0);
    }
    const day8 = await restChecks(8);
    assert.ok(day8.objects.some((o) => o.snippet !== null) && day8.objects.some((o) => o.file !== null), "day 8 has objects in files and in snippets");
  });

  test("GraphQL Day.manifestChecks reports the List inside a snippet, with the lesson line and the section's URL", async () => {
    const res = await gql(
      t,
      `{ day(number: 13) { manifestChecks(kubernetesVersion: "1.29") { apiVersion kind name status replacement removedIn snippet listItem line url file } snippets { position section anchor url } } }`,
    ).expect(200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const checks = res.body.data.day.manifestChecks as Check[];
    const removed = checks.filter((c) => c.status === "REMOVED");
    assert.deepEqual(
      removed.map((c) => [c.kind, c.apiVersion, c.replacement, c.removedIn, c.listItem]),
      [
        ["Role", "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1", "1.22", 1],
        ["CronJob", "batch/v1beta1", "batch/v1", "1.25", 2],
      ],
    );
    const snippet = (res.body.data.day.snippets as { position: number; section: string; anchor: string; url: string }[]).find(
      (s) => s.position === removed[0]!.snippet,
    )!;
    assert.equal(snippet.section, "Manifests from older clusters");
    assert.equal(removed[0]!.url, `http://127.0.0.1/api/v1/days/13.html#manifests-from-older-clusters`);
    assert.equal(snippet.url, removed[0]!.url);
    assert.equal(removed[0]!.file, null);
    assert.ok(removed[0]!.line > 1);
  });

  test("REST and GraphQL agree on every lesson's checks", async () => {
    const res = await gql(
      t,
      `{ days(first: 100) { edges { node { number manifestChecks(kubernetesVersion: "1.25") { kind apiVersion status replacement line } } } } }`,
    ).expect(200);
    const withObjects = (res.body.data.days.edges as { node: { number: number; manifestChecks: unknown[] } }[]).filter((e) => e.node.manifestChecks.length > 0);
    // Day 1's only YAML is k0s's own config, with no apiVersion: not an object.
    assert.deepEqual(
      withObjects.map((e) => e.node.number),
      [8, 12, 13, 30],
    );
    for (const { node } of withObjects) {
      const rest = await restChecks(node.number, "1.25");
      assert.deepEqual(
        node.manifestChecks,
        rest.objects.map((o) => ({ kind: o.kind, apiVersion: o.apiVersion, status: o.status, replacement: o.replacement, line: o.line })),
      );
    }
  });

  test("MCP check_manifests tells a chat the removed objects, their replacements and where they are", async () => {
    const http = await listen(t);
    const client = await mcpClient(http.base);
    try {
      const r = await callTool(client, "check_manifests", { number: 12, kubernetesVersion: "1.29" });
      assert.equal(r.isError, undefined, r.text);
      assert.equal(r.data!.kubernetesVersion, "1.29");
      assert.deepEqual(r.data!.counts, { OK: (await restChecks(12, "1.29")).counts.OK, DEPRECATED: 0, REMOVED: 3 });
      assert.match(r.text, /^# Day 12: manifests checked against Kubernetes 1\.29\n\n3 removed, 0 deprecated, \d+ OK\./);
      assert.match(
        r.text,
        /- REMOVED extensions\/v1beta1 Deployment "legacy-web" \(legacy\.yaml, line 7\): extensions\/v1beta1 Deployment was removed in Kubernetes 1\.16; use apps\/v1\./,
      );
      assert.match(r.text, /- REMOVED batch\/v1beta1 CronJob "nightly-report" \(legacy\.yaml, List item 1, line 17\)/);
      assert.match(r.text, /Deprecated API Migration Guide \(Kubernetes\): https:\/\/kubernetes\.io\/docs\/reference\/using-api\/deprecation-guide\//);
      const bad = await callTool(client, "check_manifests", { number: 12, kubernetesVersion: "one point twenty" });
      assert.equal(bad.isError, true);
      assert.match(bad.text, /^BAD_REQUEST: kubernetesVersion "one point twenty"/);
    } finally {
      await client.close();
      await http.close();
    }
  });

  test("a release that is not one is a 400 naming it (REST) and BAD_USER_INPUT (GraphQL)", async () => {
    const res = await t.request.get("/api/v1/days/12/manifest-checks?kubernetesVersion=banana").expect(400);
    assert.equal(res.body.code, "BAD_REQUEST");
    assert.match(res.body.detail, /kubernetesVersion "banana"/);
    const q = await gql(t, `{ day(number: 12) { manifestChecks(kubernetesVersion: "2.0") { kind } } }`);
    assert.equal(q.body.errors[0].extensions.code, "BAD_USER_INPUT");
    assert.match(q.body.errors[0].message, /kubernetesVersion "2\.0"/);
    await t.request.get("/api/v1/days/99/manifest-checks").expect(404);
  });
});

describe("finding lessons by their manifests", () => {
  let t: TestApp;
  let repo: string;
  before(async () => {
    repo = fixtureCopy();
    writeFileSync(join(repo, "challenge/week02/day12/legacy.yaml"), LEGACY_FILE);
    appendFileSync(join(repo, "challenge/week02/day13/README.md"), LEGACY_SECTION);
    t = await startTestApp({
      label: "manifest_filters",
      prepare: async (services) => {
        await services.content.importer.loadSeeds();
        await services.content.importer.importPath(repo);
      },
    });
  });
  after(async () => {
    await t?.close();
    rmSync(dirname(repo), { recursive: true, force: true });
  });

  const gqlDays = async (filter: string) => {
    const res = await gql(t, `{ days(filter: ${filter}, first: 100) { totalCount edges { node { number } } } }`).expect(200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return (res.body.data.days.edges as { node: { number: number } }[]).map((e) => e.node.number);
  };
  const restDays = async (query: string) =>
    ((await t.request.get(`/api/v1/days?${query}`).expect(200)).body.items as { number: number }[]).map((d) => d.number);

  test("manifestKind finds the lessons declaring that kind, in any case", async () => {
    assert.deepEqual(await gqlDays(`{ manifestKind: "cronjob" }`), [12, 13]);
    assert.deepEqual(await restDays("manifestKind=CronJob"), [12, 13]);
    assert.deepEqual(await restDays("manifestKind=PersistentVolumeClaim"), [30]);
    assert.deepEqual(await gqlDays(`{ manifestKind: "StatefulSet" }`), []);
  });

  test("removedIn finds the lessons using an apiVersion removed in exactly that release", async () => {
    assert.deepEqual(await gqlDays(`{ removedIn: "1.25" }`), [12, 13]);
    assert.deepEqual(await restDays("removedIn=1.16"), [12]);
    assert.deepEqual(await restDays("removedIn=v1.22"), [13]);
    assert.deepEqual(await gqlDays(`{ removedIn: "1.24" }`), []);
    assert.deepEqual(await gqlDays(`{ removedIn: "1.25", manifestKind: "Role" }`), [13]);
  });

  test("a removedIn that is not a release is a 400 / BAD_USER_INPUT naming it", async () => {
    const res = await t.request.get("/api/v1/days?removedIn=soon").expect(400);
    assert.match(res.body.detail, /removedIn "soon"/);
    const q = await gql(t, `{ days(filter: { removedIn: "soon" }) { totalCount } }`);
    assert.equal(q.body.errors[0].extensions.code, "BAD_USER_INPUT");
  });
});

describe("snippets as a list", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({
      label: "snippets",
      prepare: async (services) => {
        await services.content.importer.loadSeeds();
        const { fixturesDir } = await import("../support/databases.ts");
        await services.content.importer.importPath(fixturesDir());
      },
    });
  });
  after(async () => {
    await t?.close();
  });

  type Item = { day: number; position: number; language: string | null; code: string; section: string | null; anchor: string | null; url: string };

  test("REST pages through every YAML snippet with Link headers, in lesson order", async () => {
    const items: Item[] = [];
    let url: string | null = "/api/v1/snippets?language=YAML&limit=2";
    let pages = 0;
    while (url) {
      const res: Response = await t.request.get(url).expect(200);
      items.push(...(res.body.items as Item[]));
      const link = res.headers.link as string | undefined;
      url = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1]! : null;
      assert.equal(Boolean(link), res.body.next !== null);
      if (url) assert.ok(url.includes("language=YAML"), "the Link carries the filter");
      pages++;
    }
    assert.ok(pages > 2);
    assert.ok(items.length >= 4);
    assert.ok(items.every((s) => s.language === "yaml"));
    const order = items.map((s) => s.day * 1000 + s.position);
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
    for (const s of items) assert.equal(s.url, `http://127.0.0.1/api/v1/days/${s.day}.html${s.anchor ? `#${s.anchor}` : ""}`);
  });

  test("GraphQL's connection gives the same snippets as REST, with totalCount", async () => {
    const rest = (await t.request.get("/api/v1/snippets?language=yaml&limit=100").expect(200)).body.items as Item[];
    const nodes: { dayNumber: number; position: number; code: string; section: string | null; anchor: string | null; url: string }[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const res: Response = await gql(
        t,
        `query($after: String) { snippets(language: "yaml", first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { dayNumber position code section anchor url } } } }`,
        { after },
      ).expect(200);
      assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
      const page = res.body.data.snippets;
      total = page.totalCount;
      nodes.push(...page.edges.map((e: { node: (typeof nodes)[number] }) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    assert.equal(nodes.length, total);
    assert.deepEqual(
      nodes.map((n) => [n.dayNumber, n.position, n.code, n.section, n.anchor, n.url]),
      rest.map((s) => [s.day, s.position, s.code, s.section, s.anchor, s.url]),
    );
  });

  test("day narrows the list to one lesson; a bad cursor is a 400", async () => {
    const res = await t.request.get("/api/v1/snippets?day=12&limit=100").expect(200);
    const items = res.body.items as Item[];
    assert.ok(items.length > 0 && items.every((s) => s.day === 12));
    const q = await gql(t, `{ day(number: 12) { snippets { position } } }`);
    assert.equal(items.length, q.body.data.day.snippets.length);
    await t.request.get("/api/v1/snippets?cursor=bm9wZQ").expect(400);
    await t.request.get("/api/v1/snippets?colour=red").expect(400);
  });
});
