/**
 * Lessons served as complete as the source (issue 10): rendered HTML read in a real DOM
 * (jsdom), absolute URLs on the request's origin or PUBLIC_URL, links between days, and
 * the structured parts with their markdown, over REST and GraphQL.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { JSDOM } from "jsdom";
import { parseMarkdown, walk } from "../../src/importer/markdown.ts";
import { fixturesDir } from "../support/databases.ts";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../support/testApp.ts";

/** The fixture lessons: day number → path of its README in the fixture repository. */
const lessons: Record<number, string> = {
  1: "challenge/week01/day1/README.md",
  8: "challenge/week02/day8/README.md",
  12: "challenge/week02/day12/README.md",
  13: "challenge/week02/day13/README.md",
  30: "challenge/week05/day30/README.md",
  38: "challenge/week06/day38/README.md",
  42: "challenge/week06/day42/README.md",
};

/** Images and fenced code blocks of a lesson's source, counted on its mdast tree. */
function sourceCounts(day: number): { images: number; code: number } {
  const counts = { images: 0, code: 0 };
  walk(parseMarkdown(readFileSync(join(fixturesDir(), lessons[day]!), "utf8")), (n) => {
    if (n.type === "image") counts.images++;
    if (n.type === "code") counts.code++;
  });
  return counts;
}

describe("lessons rendered for frontends", () => {
  let t: TestApp;
  /** Dead links the import reported, as `file href`: the only relative URLs allowed in the HTML. */
  const dead = new Set<string>();
  before(async () => {
    t = await startTestApp({
      label: "lesson_render",
      prepare: async (s) => {
        const result = await s.content.importer.importPath(fixturesDir());
        for (const w of result.warnings) {
          const href = /^dead link "([^"]+)"/.exec(w.message)?.[1];
          if (href) dead.add(`${w.file} ${href}`);
        }
      },
    });
  });
  after(() => t.close());

  for (const day of Object.keys(lessons).map(Number)) {
    test(`day ${day}'s HTML page has no relative URL, no script, and every image and code block of the source`, async () => {
      const res = await t.request
        .get(`/api/v1/days/${day}.html`)
        .expect(200)
        .expect("content-type", /^text\/html/);
      assert.match(String(res.headers["content-security-policy"]), /default-src 'none'/);
      assert.doesNotMatch(String(res.headers["content-security-policy"]), /script-src/);
      const { document } = new JSDOM(res.text).window;
      const main = document.querySelector("main")!;
      for (const el of main.querySelectorAll("[src], [href]")) {
        const url = el.getAttribute("src") ?? el.getAttribute("href")!;
        const reported = dead.has(`${lessons[day]} ${url}`);
        assert.ok(/^(https?:|mailto:|#)/.test(url) || reported, `day ${day}: ${el.tagName} ${url} is absolute, an anchor, or a reported dead link`);
        assert.doesNotMatch(url, /k8s-days\.invalid/, "the storage placeholder never leaks");
      }
      assert.equal(document.querySelectorAll("script").length, 0);
      assert.equal([...main.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length, 0);
      const expected = sourceCounts(day);
      assert.equal(main.querySelectorAll("img").length, expected.images, "images");
      assert.equal(main.querySelectorAll("pre > code").length, expected.code, "code blocks");
      for (const h of main.querySelectorAll("h2, h3")) assert.ok(h.id, `heading "${h.textContent}" has an id`);
    });
  }

  test("day 8's screenshots and manifests point at this API's file URLs on the request's origin", async () => {
    const res = await t.request.get("/api/v1/days/8.html").expect(200);
    const { document } = new JSDOM(res.text).window;
    const images = [...document.querySelectorAll("main img")].map((img) => img.getAttribute("src"));
    assert.deepEqual(images, [`${TEST_ORIGIN}/api/v1/days/8/files/readme-images/01.png`, `${TEST_ORIGIN}/api/v1/days/8/files/readme-images/02.png`]);
    const hrefs = [...document.querySelectorAll("main a")].map((a) => a.getAttribute("href"));
    assert.ok(hrefs.includes(`${TEST_ORIGIN}/api/v1/days/8/files/myDeployment.yaml`));
    assert.ok(hrefs.includes(`${TEST_ORIGIN}/api/v1/days/5`), "the Setup's link to day 5's README is the day's URL");
    assert.ok(hrefs.includes("../../workarounds.md"), "a dead link stays as written");
    assert.match(String(res.headers.vary), /Host/);
  });

  test("a source with <script>, onerror= and javascript: links renders none of them", async () => {
    const day13 = await t.request.get("/api/v1/days/13.html").expect(200);
    assert.doesNotMatch(day13.text, /<script|onerror=|javascript:/i);
  });

  test("the JSON lesson has absolute URLs everywhere, items with markdown, versions as written and no placeholder", async () => {
    const res = await t.request.get("/api/v1/days/8").expect(200);
    const body = res.body as Record<string, unknown> & {
      setupItems: { text: string; markdown: string }[];
      toolVersions: Record<string, unknown>[];
      sections: { html: string }[];
    };
    assert.doesNotMatch(JSON.stringify(body), /k8s-days\.invalid/);
    assert.match(String(body.body), new RegExp(`!\\[Master\\]\\(${TEST_ORIGIN}/api/v1/days/8/files/readme-images/01\\.png\\)`));
    assert.equal(body.setupItems[0]!.markdown, `Master node created ([part 1 link](${TEST_ORIGIN}/api/v1/days/5))`);
    assert.equal(body.setupItems[0]!.text, "Master node created (part 1 link)");
    assert.deepEqual(body.toolVersions[1], {
      tool: "Google Chrome",
      version: "87.0.4280.88",
      qualifier: "(Official Build) (x86_64)",
      raw: "Google Chrome 87.0.4280.88 (Official Build) (x86_64)",
      markdown: "Google Chrome 87.0.4280.88 (Official Build) (x86\\_64)",
    });
    assert.deepEqual(body.toolVersions[2], {
      tool: "Native macOS ssh client",
      version: null,
      qualifier: null,
      raw: "Native macOS ssh client",
      markdown: "Native macOS ssh client",
    });
    assert.ok(body.sections.some((s) => s.html.includes(`src="${TEST_ORIGIN}/api/v1/days/8/files/readme-images/02.png"`)));
  });

  test("day 42's Setup written as prose is one item with its link, and nothing is warned", async () => {
    const res = await t.request.get("/api/v1/days/42").expect(200);
    assert.deepEqual(res.body.setupItems, [
      {
        text: "I have installed the .dmg file in this link.",
        markdown: "I have installed the .dmg file in this [link](https://github.com/lensapp/lens/releases/tag/v4.1.2).",
      },
    ]);
    assert.deepEqual(res.body.setup, ["I have installed the .dmg file in this link."]);
  });

  test("the markdown rendering shows each part once, never the whole lesson again", async () => {
    for (const day of [13, 42]) {
      const res = await t.request.get(`/api/v1/days/${day}.md`).expect(200);
      const text = res.text;
      const tldrLine = text.split("\n")[text.split("\n").indexOf("## TL;DR") + 2]!;
      assert.equal(text.split(tldrLine).length - 1, 1, `day ${day}: the TL;DR appears once`);
      assert.doesNotMatch(text, /#66DaysOfK8s\n\n_Last update/, "the source's title block is not repeated");
      assert.doesNotMatch(text, /k8s-days\.invalid/);
    }
  });

  test("PUBLIC_URL, when set, is the base of every URL, whatever the Host", async () => {
    const app = await startTestApp({
      label: "lesson_render_public",
      config: { PUBLIC_URL: "https://k8s-days.example" },
      prepare: async (s) => {
        await s.content.importer.importPath(fixturesDir());
      },
    });
    try {
      const res = await app.request.get("/api/v1/days/8").set("Host", "evil.example").expect(200);
      assert.match(res.body.body, /\(https:\/\/k8s-days\.example\/api\/v1\/days\/8\/files\/readme-images\/01\.png\)/);
      assert.doesNotMatch(JSON.stringify(res.body), /evil\.example/);
      const gql = await app.request.post("/graphql").send({ query: "{ day(number: 42) { html } }" }).expect(200);
      assert.match(gql.body.data.day.html, /src="https:\/\/k8s-days\.example\/api\/v1\/days\/42\/files\/readme-images\/a\.png"/);
    } finally {
      await app.close();
    }
  });

  test("a Host header that is not a host name never reaches a URL", async () => {
    const res = await t.request.get("/api/v1/days/8").set("Host", 'x"><script>').expect(200);
    assert.doesNotMatch(JSON.stringify(res.body), /<script>/);
    assert.match(res.body.body, /\]\(\/api\/v1\/days\/8\/files\/readme-images\/01\.png\)/, "root-relative instead");
  });

  test("GraphQL serves the same: html, section html, items, version qualifiers and links both ways", async () => {
    const query = `{ day(number: 13) {
      html sections { heading html markdown } taskItems { text markdown }
      links { day { number } text section } linkedFrom { day { number } text section }
    } v: day(number: 8) { toolVersions { tool version qualifier raw markdown } setupItems { markdown } versionNotes { text } } }`;
    const res = await t.request.post("/graphql").send({ query }).expect(200);
    assert.equal(res.body.errors, undefined);
    const { day, v } = res.body.data;
    assert.match(day.html, /<h3 id="pods">Pods<\/h3>/);
    assert.match(day.sections[0].html, /<a href="http:\/\/127\.0\.0\.1\/api\/v1\/days\/12">init containers<\/a>/);
    assert.deepEqual(day.links, [{ day: { number: 12 }, text: "init containers", section: "Pods" }]);
    assert.deepEqual(day.linkedFrom, [{ day: { number: 12 }, text: "Part 5: Pods", section: "References" }]);
    assert.deepEqual(day.taskItems, [{ text: "Understand Kubernetes Pod", markdown: "Understand Kubernetes Pod" }]);
    assert.deepEqual(v.toolVersions[2], {
      tool: "Native macOS ssh client",
      version: null,
      qualifier: null,
      raw: "Native macOS ssh client",
      markdown: "Native macOS ssh client",
    });
    assert.equal(v.setupItems[0].markdown, `Master node created ([part 1 link](${TEST_ORIGIN}/api/v1/days/5))`);
    assert.deepEqual(v.versionNotes, []);
  });
});
