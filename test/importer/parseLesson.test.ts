import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parseLesson, parseToolVersion } from "../../src/importer/parseLesson.ts";
import { fixturesDir } from "../support/databases.ts";

const dayPath = (week: string, day: number) => `challenge/${week}/day${day}/README.md`;
const parseFixture = (week: string, day: number) => parseLesson(readFileSync(join(fixturesDir(), dayPath(week, day)), "utf8"), dayPath(week, day));

describe("parseLesson on the fixture lessons", () => {
  test("day 13 gives its number, date, tasks, tags and the references it cites", () => {
    const { lesson, warnings } = parseFixture("week02", 13);
    assert.deepEqual(warnings, []);
    assert.equal(lesson.number, 13);
    assert.equal(lesson.week, 2);
    assert.equal(lesson.heading, "Day 13 of #66DaysOfK8s");
    assert.equal(lesson.date, "2021-01-23");
    assert.deepEqual(lesson.tags, ["kubernetes", "learning", "K8s", "66DaysChallenge"]);
    assert.deepEqual(lesson.tasks, ["Understand Kubernetes Pod"]);
    assert.deepEqual(lesson.versions, [], "'N/A (only theory)' is an empty list");
    assert.deepEqual(lesson.setup, [], "'N/A' is an empty list");
    assert.match(lesson.tldr, /group of one or more application containers/);
    assert.doesNotMatch(lesson.tldr, /module_03_pods\.svg/, "images are not part of the TL;DR text");
    const urls = lesson.references.map((r) => r.url);
    assert.ok(urls.includes("https://kubernetes.io/docs/concepts/workloads/pods"));
    assert.ok(urls.includes("https://kubernetes.io/docs/tasks/configure-pod-container/static-pod"));
    assert.ok(!urls.some((u) => u.includes("cloudfront.net")), "images are not references");
    assert.ok(!urls.some((u) => u.includes("66DaysOfK8s")), "links to other days are not references");
    const listed = lesson.references.filter((r) => r.listed).map((r) => r.title);
    assert.deepEqual(listed.sort(), ["Review of Container-to-Container Communications in Kubernetes", "Pods (official site)", "Sidecar pattern"].sort(), "a listed source takes its title from the References list");
    assert.deepEqual(lesson.seeAlso, [12], "the GitHub link to day 12 becomes a day link");
    assert.deepEqual(lesson.sections.map((s) => [s.depth, s.heading, s.anchor]), [[3, "Pods", "pods"]]);
  });

  test("day 30 gives the TL;DR, four versions as written, setup and four tasks", () => {
    const { lesson, warnings } = parseFixture("week05", 30);
    assert.deepEqual(warnings, []);
    assert.match(lesson.tldr, /^A \*PersistentVolume\* \(PV\)/);
    assert.deepEqual(lesson.versions.map((v) => [v.tool, v.version]), [
      ["macOS Catalina", "10.15.7"],
      ["minikube", "v1.13.0"],
      ["kubectl Client", "v1.17.4"],
      ["kubectl Server", "v1.19.0"],
    ]);
    assert.deepEqual(lesson.setup, ["All tests run on minikube."]);
    assert.equal(lesson.tasks.length, 4);
    assert.equal(lesson.tasks[3], "Create a Pod associated with the Persistent volume claim.");
    assert.deepEqual(lesson.basedOn, [{ text: "Demo from official site", url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-persistent-volume-storage/" }]);
    assert.ok(lesson.sections.some((s) => s.heading === "Cleanup" && s.depth === 3));
    assert.ok(lesson.sections.some((s) => s.heading === "Demo" && s.depth === 1), "a later level-1 heading is a section");
    const yaml = lesson.snippets.filter((s) => s.language === "yaml");
    assert.equal(yaml.length, 3);
    assert.equal(yaml[0]!.section, "Create a Persistent volume linked to the path created in the worker node");
    const access = lesson.references.find((r) => r.url === "https://kubernetes.io/docs/concepts/storage/persistent-volumes");
    assert.equal(access?.title, "Persistent volumes (official site)", "fragment and trailing slash dropped: the inline 'access modes' link is the listed page");
    assert.ok(access?.listed);
    assert.equal(lesson.references.find((r) => r.domain === "asciinema.org")?.kind, "VIDEO");
  });

  test("day 38 gives its takeaways and three listed references of the right kinds", () => {
    const { lesson } = parseFixture("week06", 38);
    assert.equal(lesson.takeaways.length, 4);
    assert.match(lesson.takeaways[0]!, /^Docker images will keep working/);
    const listed = lesson.references.filter((r) => r.listed);
    assert.equal(listed.length, 3);
    assert.deepEqual(listed.map((r) => r.kind), ["BLOG", "BLOG", "BLOG"]);
    assert.equal(lesson.references.find((r) => r.domain === "github.com")?.kind, "REPOSITORY");
    assert.equal(lesson.references.find((r) => r.url.startsWith("https://kubernetes.io/blog/2016"))?.kind, "BLOG");
    assert.equal(lesson.references.find((r) => r.domain === "opencontainers.org")?.kind, "DOCUMENTATION", "a project's own site");
    assert.equal(lesson.references.find((r) => r.domain === "docs.docker.com")?.kind, "DOCUMENTATION");
    assert.deepEqual(lesson.tasks, []);
  });

  test("day 12 gives its setup, tasks, a YAML snippet and links to days 10 and 13", () => {
    const { lesson } = parseFixture("week02", 12);
    assert.equal(lesson.number, 12);
    assert.equal(lesson.date, "2021-01-22");
    assert.deepEqual(lesson.tasks, ["Understand Init containers", "Run an init containers example"]);
    assert.equal(lesson.setup.length, 2);
    assert.equal(lesson.versions.length, 4);
    assert.ok(lesson.snippets.some((s) => s.language === "yaml" && s.code.includes("initContainers")));
    assert.deepEqual(lesson.seeAlso, [10, 13]);
  });

  test("day 1 gives code blocks with their languages, three versions and the bare-URL Based on line", () => {
    const { lesson } = parseFixture("week01", 1);
    assert.equal(lesson.date, "2021-01-11");
    assert.deepEqual(lesson.versions.map((v) => [v.tool, v.version]), [["macOS Catalina", "10.15.7"], ["multipass", "1.5.0+mac"], ["k0s", "0.9.1"]]);
    const languages = new Set(lesson.snippets.map((s) => s.language));
    assert.ok(languages.has("bash") && languages.has("yaml") && languages.has(null));
    assert.ok(lesson.snippets.length >= 15);
    assert.equal(lesson.snippets[0]!.section, "Code");
    assert.equal(lesson.basedOn.length, 1);
    assert.equal(lesson.basedOn[0]!.url, "https://medium.com/better-programming/k0s-kubernetes-in-a-single-binary-224bb43f4520");
    assert.deepEqual(lesson.setup, ["Install multipass"]);
    assert.ok(lesson.sections.some((s) => s.heading === "Adding Worker Nodes" && s.anchor === "adding-worker-nodes"));
    assert.doesNotMatch(lesson.prose, /multipass launch/, "code is not prose");
  });
});

describe("parseLesson on odd input", () => {
  test("reports a missing title, a missing date and a list-less Tasks section with their lines, without throwing", () => {
    const { lesson, warnings } = parseLesson("Some text\n\n## Tasks\n\nJust prose, no list.\n", "broken.md");
    assert.equal(lesson.number, null);
    assert.deepEqual(warnings.map((w) => [w.file, w.line, w.message]), [
      ["broken.md", 1, 'missing the title line ("# Day N of #66DaysOfK8s")'],
      ["broken.md", 1, 'missing the "Last update" date'],
      ["broken.md", 3, 'section "Tasks" has no list'],
    ]);
  });

  test("reports an unparsable date, a title without a number and a relative link to nowhere", () => {
    const { warnings } = parseLesson("# Intro of the challenge\n\n_Last update: someday_\n\nSee [this](../notes/x.md).\n", "odd.md");
    assert.deepEqual(warnings.map((w) => w.line), [1, 3, 5]);
    assert.match(warnings[0]!.message, /names no day number/);
    assert.match(warnings[1]!.message, /is not a date/);
    assert.match(warnings[2]!.message, /points at no day/);
  });

  test("normalizes URLs: lowercase host, no fragment, no utm parameters, no trailing slash", () => {
    const text = "# Day 2 of #66DaysOfK8s\n\n_Last update: 2021-01-12_\n\n## References\n\n* [A](https://Kubernetes.IO/docs/concepts/?utm_source=x&utm_medium=y#top)\n* [B](https://www.youtube.com/watch?v=abc)\n* [C](./week01/day3)\n";
    const { lesson, warnings } = parseLesson(text, "d2.md");
    assert.deepEqual(warnings, []);
    assert.deepEqual(lesson.references.map((r) => [r.url, r.kind, r.listed]), [
      ["https://kubernetes.io/docs/concepts", "OFFICIAL_DOCS", true],
      ["https://www.youtube.com/watch?v=abc", "VIDEO", true],
    ]);
    assert.deepEqual(lesson.seeAlso, [3]);
  });
});

describe("parseToolVersion", () => {
  const cases: [string, string, string][] = [
    ["kubectl Client: v1.17.4", "kubectl Client", "v1.17.4"],
    ["macOS Catalina 10.15.7", "macOS Catalina", "10.15.7"],
    ["multipass: 1.5.0+mac", "multipass", "1.5.0+mac"],
    ["helm v3.5.2", "helm", "v3.5.2"],
  ];
  for (const [raw, tool, version] of cases) {
    test(`reads "${raw}" as ${tool} ${version}`, () => {
      assert.deepEqual(parseToolVersion(raw), { tool, version, raw });
    });
  }
  test("keeps a line without a version as the tool and warns", () => {
    const seen: string[] = [];
    assert.deepEqual(parseToolVersion("Docker Desktop", (m) => seen.push(m)), { tool: "Docker Desktop", version: "", raw: "Docker Desktop" });
    assert.equal(seen.length, 1);
  });
});
