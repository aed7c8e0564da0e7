import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parseLesson, parseToolVersion, parseToolVersions } from "../../src/importer/parseLesson.ts";
import { linkResolver } from "../../src/importer/linkTargets.ts";
import { summarizeWarnings } from "../../src/importer/warningSummary.ts";
import { fixturesDir } from "../support/databases.ts";

const dayPath = (week: string, day: number) => `challenge/${week}/day${day}/README.md`;
const texts = (items: { text: string }[]) => items.map((i) => i.text);
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
    assert.deepEqual(texts(lesson.tasks), ["Understand Kubernetes Pod"]);
    assert.deepEqual(lesson.versions, [], "'N/A (only theory)' is an empty list");
    assert.deepEqual(lesson.setup, [], "'N/A' is an empty list");
    assert.match(lesson.tldr, /group of one or more application containers/);
    assert.match(
      lesson.tldr,
      /!\[Pods overview\]\(https:\/\/d33wubrfki0l68\.cloudfront\.net\/.*module_03_pods\.svg\)/,
      "an image alone before --- stays in the TL;DR",
    );
    const urls = lesson.references.map((r) => r.url);
    assert.ok(urls.includes("https://kubernetes.io/docs/concepts/workloads/pods"));
    assert.ok(urls.includes("https://kubernetes.io/docs/tasks/configure-pod-container/static-pod"));
    assert.ok(!urls.some((u) => u.includes("cloudfront.net")), "images are not references");
    assert.ok(!urls.some((u) => u.includes("66DaysOfK8s")), "links to other days are not references");
    const listed = lesson.references.filter((r) => r.listed).map((r) => r.title);
    assert.deepEqual(
      listed.sort(),
      ["Review of Container-to-Container Communications in Kubernetes", "Pods (official site)", "Sidecar pattern"].sort(),
      "a listed source takes its title from the References list",
    );
    assert.deepEqual(
      lesson.dayLinks.map((l) => l.number),
      [12],
      "the GitHub link to day 12 becomes a day link",
    );
    assert.deepEqual(
      lesson.sections.map((s) => [s.depth, s.heading, s.anchor]),
      [[3, "Pods", "pods"]],
    );
  });

  test("day 30 gives the TL;DR, four versions as written, setup and four tasks", () => {
    const { lesson, warnings } = parseFixture("week05", 30);
    assert.deepEqual(warnings, []);
    assert.match(lesson.tldr, /^A _PersistentVolume_ \(PV\)/, "emphasis as written");
    assert.deepEqual(
      lesson.versions.map((v) => [v.tool, v.version]),
      [
        ["macOS Catalina", "10.15.7"],
        ["minikube", "v1.13.0"],
        ["kubectl Client", "v1.17.4"],
        ["kubectl Server", "v1.19.0"],
      ],
    );
    assert.deepEqual(texts(lesson.setup), ["All tests run on minikube."]);
    assert.equal(lesson.tasks.length, 4);
    assert.equal(lesson.tasks[3]!.text, "Create a Pod associated with the Persistent volume claim.");
    assert.deepEqual(lesson.basedOn, [
      { text: "Demo from official site", url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-persistent-volume-storage/" },
    ]);
    assert.ok(lesson.sections.some((s) => s.heading === "Cleanup" && s.depth === 3));
    assert.ok(
      lesson.sections.some((s) => s.heading === "Demo" && s.depth === 1),
      "a later level-1 heading is a section",
    );
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
    assert.match(lesson.takeaways[0]!.text, /^Docker images will keep working/);
    const listed = lesson.references.filter((r) => r.listed);
    assert.equal(listed.length, 3);
    assert.deepEqual(
      listed.map((r) => r.kind),
      ["BLOG", "BLOG", "BLOG"],
    );
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
    assert.deepEqual(texts(lesson.tasks), ["Understand Init containers", "Run an init containers example"]);
    assert.equal(lesson.setup.length, 2);
    assert.equal(lesson.versions.length, 4);
    assert.ok(lesson.snippets.some((s) => s.language === "yaml" && s.code.includes("initContainers")));
    assert.deepEqual(lesson.dayLinks, [
      { number: 10, text: "Kubelet", section: "Init containers", line: 43 },
      { number: 13, text: "Part 5: Pods", section: "References", line: 139 },
    ]);
  });

  test("day 1 gives code blocks with their languages, three versions and the bare-URL Based on line", () => {
    const { lesson } = parseFixture("week01", 1);
    assert.equal(lesson.date, "2021-01-11");
    assert.deepEqual(
      lesson.versions.map((v) => [v.tool, v.version]),
      [
        ["macOS Catalina", "10.15.7"],
        ["multipass", "1.5.0+mac"],
        ["k0s", "0.9.1"],
      ],
    );
    const languages = new Set(lesson.snippets.map((s) => s.language));
    assert.ok(languages.has("bash") && languages.has("yaml") && languages.has(null));
    assert.ok(lesson.snippets.length >= 15);
    assert.equal(lesson.snippets[0]!.section, "Code");
    assert.equal(lesson.basedOn.length, 1);
    assert.equal(lesson.basedOn[0]!.url, "https://medium.com/better-programming/k0s-kubernetes-in-a-single-binary-224bb43f4520");
    assert.deepEqual(lesson.setup, [{ text: "Install multipass", markdown: "Install [multipass](https://multipass.run/)" }], "an item keeps its link");
    assert.ok(lesson.sections.some((s) => s.heading === "Adding Worker Nodes" && s.anchor === "adding-worker-nodes"));
    assert.doesNotMatch(lesson.prose, /multipass launch/, "code is not prose");
  });
});

describe("parseLesson on odd input", () => {
  test("reports a missing title and a missing date with their lines, and keeps a list-less Tasks section as one item", () => {
    const { lesson, warnings } = parseLesson("Some text\n\n## Tasks\n\nJust prose, no list.\n", "broken.md");
    assert.equal(lesson.number, null);
    assert.deepEqual(
      warnings.map((w) => [w.file, w.line, w.message]),
      [
        ["broken.md", 1, 'missing the title line ("# Day N of #66DaysOfK8s")'],
        ["broken.md", 1, 'missing the "Last update" date'],
      ],
    );
    assert.deepEqual(lesson.tasks, [{ text: "Just prose, no list.", markdown: "Just prose, no list." }]);
  });

  test("reports an unparsable date, a title without a number and a dead relative link at its own line", () => {
    const { warnings } = parseLesson("# Intro of the challenge\n\n_Last update: someday_\n\nSee [this](../notes/x.md).\n", "odd.md");
    assert.deepEqual(
      warnings.map((w) => w.line),
      [1, 3, 5],
    );
    assert.match(warnings[0]!.message, /names no day number/);
    assert.match(warnings[1]!.message, /is not a date/);
    assert.equal(warnings[2]!.message, 'dead link "../notes/x.md": no such file or day in the repository');
  });

  test("normalizes URLs: lowercase host, no fragment, no utm parameters, no trailing slash", () => {
    const text =
      "# Day 2 of #66DaysOfK8s\n\n_Last update: 2021-01-12_\n\n## References\n\n* [A](https://Kubernetes.IO/docs/concepts/?utm_source=x&utm_medium=y#top)\n* [B](https://www.youtube.com/watch?v=abc)\n* [C](./week01/day3)\n";
    const { lesson, warnings } = parseLesson(text, "d2.md");
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      lesson.references.map((r) => [r.url, r.kind, r.listed]),
      [
        ["https://kubernetes.io/docs/concepts", "OFFICIAL_DOCS", true],
        ["https://www.youtube.com/watch?v=abc", "VIDEO", true],
      ],
    );
    assert.deepEqual(lesson.dayLinks, [{ number: 3, text: "C", section: "References", line: 9 }]);
  });
});

describe("parseToolVersions: the version token anywhere in the line", () => {
  const cases: [string, [string, string | null, string | null][]][] = [
    ["kubectl Client: v1.17.4", [["kubectl Client", "v1.17.4", null]]],
    ["macOS Catalina 10.15.7", [["macOS Catalina", "10.15.7", null]]],
    ["multipass: 1.5.0+mac", [["multipass", "1.5.0+mac", null]]],
    ["helm v3.5.2", [["helm", "v3.5.2", null]]],
    ["Google Chrome 87.0.4280.88 (Official Build) (x86_64)", [["Google Chrome", "87.0.4280.88", "(Official Build) (x86_64)"]]],
    ["Native macOS ssh client", [["Native macOS ssh client", null, null]]],
    [
      "kubectl client and server: v1.19.0",
      [
        ["kubectl client", "v1.19.0", null],
        ["kubectl server", "v1.19.0", null],
      ],
    ],
    ["Ubuntu 20.04 LTS", [["Ubuntu", "20.04", "LTS"]]],
    ["Docker Desktop: 3.0.0 (Engine 20.10.0)", [["Docker Desktop", "3.0.0", "(Engine 20.10.0)"]]],
    ["lens: latest", [["lens", "latest", null]]],
  ];
  for (const [raw, expected] of cases) {
    test(`reads "${raw}"`, () => {
      assert.deepEqual(
        parseToolVersions(raw).map((v) => [v.tool, v.version, v.qualifier]),
        expected,
      );
      assert.ok(parseToolVersions(raw).every((v) => v.raw === raw));
    });
  }
  test("parseToolVersion gives the first entry", () => {
    assert.equal(parseToolVersion("helm v3.5.2").version, "v3.5.2");
  });
});

describe("parseLesson keeps every structured part with its markdown", () => {
  const lesson = (body: string) =>
    parseLesson(`# Day 2 of #66DaysOfK8s\n\n_Last update: 2021-01-12_\n\n${body}`, "challenge/week01/day2/README.md", {
      resolveLink: linkResolver(
        "challenge/week01/day2/README.md",
        new Set(["challenge/week01/day2/pod.yaml", "challenge/week01/day3/svc.yaml", "readme-images/top.png"]),
      ),
    });

  test("items keep links, inline code and emphasis; the plain text stays beside them", () => {
    const { lesson: l, warnings } = lesson("## Tasks\n\n* Run `kubectl get <kubernetes object>` on _every_ node\n* Apply [the manifest](./pod.yaml)\n");
    assert.deepEqual(warnings, []);
    assert.deepEqual(l.tasks, [
      { text: "Run kubectl get <kubernetes object> on every node", markdown: "Run `kubectl get <kubernetes object>` on _every_ node" },
      { text: "Apply the manifest", markdown: "Apply [the manifest](https://k8s-days.invalid/api/v1/days/2/files/pod.yaml)" },
    ]);
  });

  test("Setup and Versions written as prose are one item each, not dropped and not warned", () => {
    const { lesson: l, warnings } = lesson(
      "## Versions used\n\nI used the versions [minikube](https://minikube.sigs.k8s.io) shipped that week.\n\n## Setup\n\nI installed the app from this [link](https://example.com/app).\n",
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(l.versions, []);
    assert.deepEqual(l.versionNotes, [
      { text: "I used the versions minikube shipped that week.", markdown: "I used the versions [minikube](https://minikube.sigs.k8s.io) shipped that week." },
    ]);
    assert.deepEqual(l.setup, [{ text: "I installed the app from this link.", markdown: "I installed the app from this [link](https://example.com/app)." }]);
  });

  test("--- stays ---, and an image alone before it is kept", () => {
    const { lesson: l } = lesson("## Demo\n\n![Shot](../../../readme-images/top.png)\n\n---\n\nMore text.\n");
    assert.equal(l.sections[0]!.markdown, "![Shot](https://k8s-days.invalid/api/v1/files/readme-images/top.png)\n\n---\n\nMore text.");
  });

  test("links to other days' files, folders and GitHub copies resolve; the body keeps the source but for the URLs", () => {
    const source =
      "## Links\n\nSee [svc](../day3/svc.yaml), [day 3](../day3), [on GitHub](https://github.com/jp-chl/66DaysOfK8s/blob/master/challenge/week01/day3/svc.yaml) and [gone](./missing.yaml).\n";
    const { lesson: l, warnings } = lesson(source);
    assert.deepEqual(
      warnings.map((w) => [w.line, w.message]),
      [[7, 'dead link "./missing.yaml": no such file or day in the repository']],
    );
    assert.equal(
      l.sections[0]!.markdown,
      "See [svc](https://k8s-days.invalid/api/v1/days/3/files/svc.yaml), [day 3](https://k8s-days.invalid/api/v1/days/3), " +
        "[on GitHub](https://k8s-days.invalid/api/v1/days/3/files/svc.yaml) and [gone](./missing.yaml).",
    );
    assert.ok(
      l.body.endsWith(
        source
          .replace("../day3/svc.yaml", "https://k8s-days.invalid/api/v1/days/3/files/svc.yaml")
          .replace("](../day3)", "](https://k8s-days.invalid/api/v1/days/3)")
          .replace("https://github.com/jp-chl/66DaysOfK8s/blob/master/challenge/week01/day3/svc.yaml", "https://k8s-days.invalid/api/v1/days/3/files/svc.yaml"),
      ),
    );
    assert.deepEqual(l.dayLinks, [{ number: 3, text: "day 3", section: "Links", line: 7 }], "links to a day's files are file links, not day links");
  });

  test("the HTML keeps no script, event handler or javascript: URL from the source", () => {
    const { lesson: l } = lesson(
      '## Bad\n\n<script>alert(1)</script>\n\n<img src="pod.yaml" onerror="alert(1)">\n\n[click](javascript:alert(1))\n\n```yaml\nkind: Pod\n```\n',
    );
    for (const html of [l.html, l.sections[0]!.html]) {
      assert.doesNotMatch(html, /<script|onerror|javascript:/i);
      assert.match(html, /<img src="https:\/\/k8s-days\.invalid\/api\/v1\/days\/2\/files\/pod\.yaml"/, "raw HTML URLs resolve too");
      assert.match(html, /<code class="language-yaml">kind: Pod/);
    }
    assert.match(l.html, /<h2 id="bad">Bad<\/h2>/);
  });
});

describe("summarizeWarnings", () => {
  test("sums warnings up by kind, most frequent first", () => {
    const w = (message: string) => ({ file: "f", line: 1, message });
    assert.equal(
      summarizeWarnings([
        w('dead link "../x.md": no such file or day in the repository'),
        w('dead link "./y.yaml": no such file or day in the repository'),
        w("skipped: 6291456 bytes is over the 5242880-byte limit"),
        w('missing the "Last update" date'),
      ]),
      "4 warnings: 2 dead links, 1 lesson format, 1 oversized file",
    );
    assert.equal(summarizeWarnings([w("invalid YAML: bad indentation")]), "1 warning: 1 invalid manifest");
  });
});
