/**
 * The table of API removals and the pure check: releases are normalized or refused,
 * statuses follow deprecatedIn/removedIn, replacements come from the table, and the
 * manifest reader finds every object of multi-document files and Lists.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../../src/errors.ts";
import { declaredObjects } from "../../src/importer/manifests.ts";
import { API_REMOVALS } from "../../src/modules/manifests/apiRemovals.ts";
import { checkApi, compareReleases, DEFAULT_KUBERNETES_VERSION, kubernetesRelease, removedInRelease } from "../../src/modules/manifests/apiStatus.ts";
import { repoRoot } from "../support/databases.ts";

describe("kubernetesRelease", () => {
  for (const [input, release] of [
    ["1.29", "1.29"],
    ["v1.29", "1.29"],
    ["1.29.3", "1.29"],
    [" 1.8 ", "1.8"],
    ["1.016", "1.16"],
  ] as const) {
    test(`reads ${JSON.stringify(input)} as ${release}`, () => assert.equal(kubernetesRelease(input), release));
  }
  for (const input of ["", "banana", "2.1", "1", "1.x", "1.29-rc.1", "latest"]) {
    test(`refuses ${JSON.stringify(input)} as a BAD_REQUEST naming it and the parameter`, () => {
      assert.throws(
        () => kubernetesRelease(input, "removedIn"),
        (err: unknown) => {
          assert.ok(err instanceof AppError);
          assert.equal(err.code, "BAD_REQUEST");
          assert.match(err.message, /^removedIn "/);
          assert.ok(err.message.includes(`"${input}"`), err.message);
          return true;
        },
      );
    });
  }
  test("orders releases numerically, not as text", () => {
    assert.ok(compareReleases("1.9", "1.16") < 0);
    assert.equal(compareReleases("1.25", "1.25"), 0);
  });
});

describe("checkApi", () => {
  const table: [string, string, string, string, string | null][] = [
    // apiVersion, kind, release, status, replacement
    ["extensions/v1beta1", "Deployment", "1.7", "OK", null],
    ["extensions/v1beta1", "Deployment", "1.8", "DEPRECATED", "apps/v1"],
    ["extensions/v1beta1", "Deployment", "1.15", "DEPRECATED", "apps/v1"],
    ["extensions/v1beta1", "Deployment", "1.16", "REMOVED", "apps/v1"],
    ["extensions/v1beta1", "Ingress", "1.29", "REMOVED", "networking.k8s.io/v1"],
    ["extensions/v1beta1", "NetworkPolicy", "1.29", "REMOVED", "networking.k8s.io/v1"],
    ["batch/v1beta1", "CronJob", "1.24", "DEPRECATED", "batch/v1"],
    ["batch/v1beta1", "CronJob", "1.25", "REMOVED", "batch/v1"],
    ["policy/v1beta1", "PodDisruptionBudget", "1.29", "REMOVED", "policy/v1"],
    ["policy/v1beta1", "PodSecurityPolicy", "1.29", "REMOVED", null],
    ["rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", "1.22", "REMOVED", "rbac.authorization.k8s.io/v1"],
    ["autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.25", "DEPRECATED", "autoscaling/v2"],
    ["storage.k8s.io/v1beta1", "CSIStorageCapacity", "1.27", "REMOVED", "storage.k8s.io/v1"],
    ["flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "1.31", "DEPRECATED", "flowcontrol.apiserver.k8s.io/v1"],
    ["flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "1.32", "REMOVED", "flowcontrol.apiserver.k8s.io/v1"],
    ["apps/v1", "Deployment", "1.33", "OK", null],
    ["v1", "Pod", "1.33", "OK", null],
    ["example.com/v1alpha1", "Widget", "1.33", "OK", null],
  ];
  for (const [apiVersion, kind, release, status, replacement] of table) {
    test(`${apiVersion} ${kind} in ${release} is ${status}${replacement ? ` (use ${replacement})` : ""}`, () => {
      const check = checkApi(apiVersion, kind, release);
      assert.equal(check.status, status);
      assert.equal(check.replacement, replacement);
      assert.ok(check.message.startsWith(`${apiVersion} ${kind} `), check.message);
    });
  }
  test("an apiVersion is removed only for the kinds the guide names (apps/v1beta2 has no CronJob)", () => {
    assert.equal(checkApi("apps/v1beta2", "CronJob", "1.33").status, "OK");
    assert.equal(checkApi("apps/v1beta2", "StatefulSet", "1.33").status, "REMOVED");
  });
});

describe("the table of removals", () => {
  test("lists each (apiVersion, kind) once, deprecated before removed, with releases as major.minor", () => {
    const keys = API_REMOVALS.map((r) => `${r.apiVersion} ${r.kind}`);
    assert.equal(new Set(keys).size, keys.length);
    for (const r of API_REMOVALS) {
      assert.match(r.deprecatedIn, /^1\.\d+$/);
      assert.match(r.removedIn, /^1\.\d+$/);
      assert.ok(compareReleases(r.deprecatedIn, r.removedIn) <= 0, `${r.apiVersion} ${r.kind}`);
      if (r.replacement) assert.equal(checkApi(r.replacement, r.kind, "1.33").status, "OK", `${r.replacement} ${r.kind} is current`);
    }
  });
  test("knows what 1.25 removed and that 1.24 removed nothing", () => {
    const kinds = removedInRelease("1.25").map((r) => `${r.apiVersion} ${r.kind}`);
    assert.ok(kinds.includes("batch/v1beta1 CronJob") && kinds.includes("policy/v1beta1 PodSecurityPolicy"));
    assert.deepEqual(removedInRelease("1.24"), []);
  });
});

describe("the default release", () => {
  test("is the one the GraphQL schema and the README document", () => {
    const schema = readFileSync(join(repoRoot, "schema.graphql"), "utf8");
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    assert.ok(schema.includes(`Default: ${DEFAULT_KUBERNETES_VERSION}, a recent release.`), "schema.graphql names the default");
    assert.ok(readme.includes(`**the default is ${DEFAULT_KUBERNETES_VERSION}**`), "README names the default");
  });
});

describe("declaredObjects", () => {
  test("reads every document of a multi-document file and each item of a List, with lines", () => {
    const text = [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "---",
      "apiVersion: v1",
      "kind: List",
      "items:",
      "- apiVersion: batch/v1beta1",
      "  kind: CronJob",
      "  metadata: {name: nightly}",
      "- apiVersion: v1",
      "  kind: Service",
      "---",
      "# just a comment",
      "---",
      "just: config",
      "",
    ].join("\n");
    assert.deepEqual(declaredObjects(text), {
      objects: [
        { apiVersion: "apps/v1", kind: "Deployment", name: "web", document: 1, listItem: null, line: 1 },
        { apiVersion: "batch/v1beta1", kind: "CronJob", name: "nightly", document: 2, listItem: 1, line: 9 },
        { apiVersion: "v1", kind: "Service", name: null, document: 2, listItem: 2, line: 12 },
      ],
      incomplete: [],
      errors: [],
    });
  });
  test("reports a broken document with its line and still reads the others", () => {
    const found = declaredObjects("apiVersion: v1\nkind: Pod\n---\nspec: [\n---\napiVersion: v1\nkind: Service\n");
    assert.deepEqual(
      found.objects.map((o) => [o.kind, o.document]),
      [
        ["Pod", 1],
        ["Service", 3],
      ],
    );
    assert.equal(found.errors.length > 0, true);
    assert.ok(
      found.errors.every((e) => e.line >= 4),
      JSON.stringify(found.errors),
    );
  });
  test("reads JSON manifests and keeps objects missing an apiVersion apart", () => {
    assert.deepEqual(
      declaredObjects('{"apiVersion": "extensions/v1beta1", "kind": "Ingress"}').objects.map((o) => o.kind),
      ["Ingress"],
    );
    assert.deepEqual(declaredObjects("apiVersion:\nkind: PersistentVolume\n").incomplete, [{ kind: "PersistentVolume", apiVersion: null, line: 1 }]);
  });
});
