/**
 * The pure parts of the pictures: the attempt calendar's statuses, the SVG writers
 * (parsed back with an XML parser), the markup escaping, the width table and the
 * concept graph's filters.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { attemptCalendar, attemptDayStatuses, type AttemptCalendar } from "../../src/modules/progress/attemptCalendar.ts";
import { streakOf } from "../../src/modules/progress/streak.ts";
import type { FreezePolicy } from "../../src/modules/progress/freeze.ts";
import { conceptGraph, nearestNodes, pictureGraph } from "../../src/modules/concepts/conceptGraph.ts";
import type { Concept } from "../../src/modules/concepts/concepts.mappers.ts";
import type { RelationEdge } from "../../src/modules/concepts/relatedRanking.ts";
import { badgeSvg } from "../../src/modules/pictures/badgeSvg.ts";
import { conceptGraphSvg } from "../../src/modules/pictures/conceptGraphSvg.ts";
import { heatmapSvg } from "../../src/modules/pictures/heatmapSvg.ts";
import { el, escapeXml } from "../../src/modules/pictures/svgMarkup.ts";
import { textWidth } from "../../src/modules/pictures/textWidth.ts";
import { parseSvg, unsafeParts } from "../support/svg.ts";

/** The calendar of an attempt from `start`, "now" at noon UTC of `today`, with the given log. */
function calendarOf(start: string, today: string, log: Record<string, number>, goalDays = 10, minMinutes = 5, freeze?: FreezePolicy): AttemptCalendar {
  const { stats, walk } = streakOf({
    entries: Object.entries(log).map(([date, minutes]) => ({ date, minutes, timezone: "UTC" })),
    now: new Date(`${today}T12:00:00Z`),
    timezone: "UTC",
    startDate: start,
    goalDays,
    minMinutes,
    freeze,
  });
  return attemptCalendar(
    {
      ...stats,
      goalDays,
      minMinutesPerDay: minMinutes,
      enrollment: { id: "e", challengeSlug: "66daysofk8s", startDate: start, goalDays, state: "ACTIVE", endedAt: null, createdAt: `${start}T00:00:00Z` },
    },
    walk.dates,
    "#66DaysOfK8s",
  );
}

describe("the attempt calendar", () => {
  const c = calendarOf("2026-03-02", "2026-03-06", { "2026-03-02": 20, "2026-03-03": 3, "2026-03-05": 45, "2026-03-06": 2 });

  it("has one date per day of the goal window, numbered from 1", () => {
    assert.equal(c.days.length, 10);
    assert.deepEqual(
      c.days.map((d) => d.dayNumber),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.equal(c.days[0]!.date, "2026-03-02");
    assert.equal(c.endDate, "2026-03-11");
    assert.equal(c.currentDay, 5);
  });

  it("tells counted, below-minimum, missed, open and upcoming dates apart", () => {
    assert.deepEqual(
      c.days.slice(0, 7).map((d) => [d.date, d.status, d.minutes]),
      [
        ["2026-03-02", "counted", 20],
        ["2026-03-03", "belowMinimum", 3],
        ["2026-03-04", "missed", 0],
        ["2026-03-05", "counted", 45],
        ["2026-03-06", "open", 2], // today, below the minimum so far: still open
        ["2026-03-07", "upcoming", 0],
        ["2026-03-08", "upcoming", 0],
      ],
    );
  });

  it("calls today counted once it reaches the minimum", () => {
    const done = calendarOf("2026-03-02", "2026-03-03", { "2026-03-02": 5, "2026-03-03": 5 });
    assert.deepEqual(
      done.days.slice(0, 3).map((d) => d.status),
      ["counted", "counted", "upcoming"],
    );
    assert.equal(done.currentStreak, 2);
  });

  it("takes each status from the streak's walk: a missed date a freeze covered is frozen, and the window grows by it", () => {
    // One freeze per 2 counted dates: 03-02 and 03-03 earn it, 03-04 (missed) spends it.
    const frozen = calendarOf("2026-03-02", "2026-03-06", { "2026-03-02": 10, "2026-03-03": 10, "2026-03-05": 10 }, 10, 5, {
      everyCountedDays: 2,
      maxBanked: 1,
    });
    const { walk } = streakOf({
      entries: [
        ["2026-03-02", 10],
        ["2026-03-03", 10],
        ["2026-03-05", 10],
      ].map(([date, minutes]) => ({ date: date as string, minutes: minutes as number, timezone: "UTC" })),
      now: new Date("2026-03-06T12:00:00Z"),
      timezone: "UTC",
      startDate: "2026-03-02",
      goalDays: 10,
      minMinutes: 5,
      freeze: { everyCountedDays: 2, maxBanked: 1 },
    });
    assert.deepEqual(
      walk.dates.map((d) => d.status),
      ["COUNTED", "COUNTED", "FROZEN", "COUNTED", "OPEN"],
    );
    assert.deepEqual(
      frozen.days.slice(0, 6).map((d) => d.status),
      ["counted", "counted", "frozen", "counted", "open", "upcoming"],
    );
    assert.equal(frozen.days.length, 11);
    assert.equal(frozen.endDate, "2026-03-12");
    const picture = parseSvg(heatmapSvg({ handle: "ada", calendar: frozen }));
    const cell = picture.querySelector('g[data-date="2026-03-04"]')!;
    assert.equal(cell.getAttribute("data-status"), "frozen");
    assert.match(cell.querySelector("title")!.textContent!, /covered by a streak freeze/);
  });

  it("starts an attempt today when there is no enrolment", () => {
    const { stats, walk } = streakOf({
      entries: [],
      now: new Date("2026-03-06T12:00:00Z"),
      timezone: "UTC",
      startDate: "2026-03-06",
      goalDays: 66,
      minMinutes: 5,
    });
    const fresh = attemptCalendar({ ...stats, goalDays: 66, minMinutesPerDay: 5, enrollment: null }, walk.dates, "#66DaysOfK8s");
    assert.equal(fresh.days.length, 66);
    assert.equal(fresh.days[0]!.status, "open");
    assert.equal(fresh.currentDay, 1);
  });
});

describe("the heatmap picture", () => {
  const c = calendarOf("2026-03-04", "2026-03-08", { "2026-03-04": 20, "2026-03-05": 3, "2026-03-07": 90 }, 66);
  const doc = parseSvg(heatmapSvg({ handle: "ada", calendar: c }));
  const cells = Array.from(doc.querySelectorAll("g[data-date]"));

  it("draws one cell per date of the attempt, each with its status and a tooltip", () => {
    assert.equal(cells.length, 66);
    assert.deepEqual(
      cells.map((g) => g.getAttribute("data-date")),
      c.days.map((d) => d.date),
    );
    assert.deepEqual(
      cells.slice(0, 6).map((g) => g.getAttribute("data-status")),
      ["counted", "belowMinimum", "missed", "counted", "open", "upcoming"],
    );
    assert.equal(cells[0]!.querySelector("title")?.textContent, "Day 1 · Wed 2026-03-04 · 20 min · counted");
    assert.match(cells[1]!.querySelector("title")!.textContent!, /below the 5-minute minimum, not counted/);
    assert.match(cells[2]!.querySelector("title")!.textContent!, /missed/);
  });

  it("tells statuses apart by shape, not colour alone", () => {
    const shape = (status: string) => {
      const g = cells.find((x) => x.getAttribute("data-status") === status)!;
      return Array.from(g.children)
        .filter((n) => n.localName !== "title")
        .map(
          (n) =>
            `${n.localName}:${n.getAttribute("fill")?.startsWith("url(") ? "pattern" : n.getAttribute("fill") === "none" ? "empty" : "filled"}${n.getAttribute("stroke-dasharray") ? ":dashed" : ""}`,
        )
        .join("+");
    };
    const shapes = ["counted", "belowMinimum", "missed", "open", "upcoming"].map(shape);
    assert.deepEqual(shapes, ["rect:filled", "rect:pattern", "rect:filled+path:filled", "rect:filled:dashed", "rect:empty"]);
  });

  it("lays weeks out as columns and weekdays as rows, Monday first", () => {
    const rect = (i: number) => cells[i]!.querySelector("rect")!;
    // Outlined cells sit half a pixel inside their slot: compare slots.
    const x = (i: number) => Math.floor(Number(rect(i).getAttribute("x")));
    const y = (i: number) => Math.floor(Number(rect(i).getAttribute("y")));
    // 2026-03-04 is a Wednesday; 03-08 a Sunday (same column, last row); 03-09 a Monday (next column, first row).
    assert.equal(x(0), x(4));
    assert.ok(y(4) > y(0));
    assert.ok(x(5) > x(4));
    assert.ok(y(5) < y(0));
  });

  it("has an accessible title and description, a legend entry per status, and nothing active", () => {
    const root = doc.documentElement;
    assert.equal(root.getAttribute("role"), "img");
    const [titleId, descId] = root.getAttribute("aria-labelledby")!.split(" ");
    assert.equal(doc.getElementById(titleId!)?.textContent, "#66DaysOfK8s heatmap of @ada");
    assert.match(
      doc.getElementById(descId!)!.textContent!,
      /^Day 5 of 66 \(2026-03-04 to 2026-05-08\); current streak 1, longest 1\. 2 counted, 1 below the 5-minute minimum, 1 missed\./,
    );
    const legend = doc.querySelector("g.legend")!.textContent!;
    for (const words of ["counted", "below the minimum", "missed", "frozen", "today", "upcoming"]) assert.ok(legend.includes(words), words);
    assert.equal(attemptDayStatuses.length, 6);
    assert.deepEqual(unsafeParts(doc), []);
  });

  it("escapes what the learner wrote", () => {
    const hostile = parseSvg(heatmapSvg({ handle: `x"><script>alert(1)</script>`, calendar: c }));
    assert.deepEqual(unsafeParts(hostile), []);
    assert.match(hostile.querySelector("title")!.textContent!, /<script>/);
  });
});

describe("the badge", () => {
  const input = { handle: "ada", hashtag: "#66DaysOfK8s", currentDay: 14, goalDays: 66, currentStreak: 14, longestStreak: 14, status: "ON_TRACK" as const };
  const doc = parseSvg(badgeSvg(input));

  it("says the hashtag, the day and the streak", () => {
    const texts = Array.from(doc.querySelectorAll("text:not([aria-hidden])")).map((t) => t.textContent);
    assert.deepEqual(texts, ["#66DaysOfK8s", "day 14 · streak 14"]);
    assert.equal(doc.querySelector("title")!.textContent, "#66DaysOfK8s: day 14 · streak 14");
    assert.match(doc.querySelector("desc")!.textContent!, /@ada is on day 14 of 66/);
    assert.deepEqual(unsafeParts(doc), []);
  });

  it("is 20px high and as wide as its measured texts plus padding", () => {
    const root = doc.documentElement;
    assert.equal(root.getAttribute("height"), "20");
    const widths = Array.from(doc.querySelectorAll("g[clip-path] > rect"))
      .slice(0, 2)
      .map((r) => Number(r.getAttribute("width")));
    assert.deepEqual(widths, [Math.ceil(textWidth("#66DaysOfK8s") + 12), Math.ceil(textWidth("day 14 · streak 14") + 12)]);
    assert.equal(Number(root.getAttribute("width")), widths[0]! + widths[1]!);
    for (const t of Array.from(doc.querySelectorAll("text"))) assert.ok(Number(t.getAttribute("textLength")) > 0);
  });
});

describe("text widths and markup", () => {
  it("measures text with the fixed table, unknown characters as the widest", () => {
    assert.equal(textWidth("day 14"), 37.73);
    assert.equal(textWidth("mmm"), 32.16);
    assert.equal(textWidth("日"), 11);
    assert.equal(textWidth("day 14", 22), 75.46);
  });

  it("escapes text and attributes and refuses active elements and handlers", () => {
    assert.equal(escapeXml(`<a href="x">&'\u0000`), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    assert.equal(el("text", { x: 1.234 }, "a<b").markup, `<text x="1.23">a&lt;b</text>`);
    assert.throws(() => el("script"), /not written/);
    assert.throws(() => el("foreignObject"), /not written/);
    assert.throws(() => el("rect", { onclick: "x" }), /not written/);
    assert.throws(() => el("rect", { "x onload": "1" }), /not written/);
  });
});

describe("the concept graph", () => {
  const c = (id: number, slug: string, category = "workloads"): Concept => ({
    id,
    slug,
    name: slug.toUpperCase(),
    aliases: [],
    summary: "",
    category,
    docsUrl: null,
  });
  const concepts = [c(1, "pod"), c(2, "container"), c(3, "statefulset"), c(4, "pvc", "storage"), c(5, "deployment"), c(6, "replicaset"), c(7, "lonely")];
  const r = (fromId: number, toId: number, kind: string, source = "CURATED", evidence: number[] = []): RelationEdge => ({
    fromId,
    toId,
    kind,
    source,
    weight: 1,
    evidence,
  });
  const relations = [
    r(2, 1, "PART_OF"),
    r(3, 1, "MANAGES"),
    r(3, 4, "USES"),
    r(5, 6, "MANAGES"),
    r(6, 1, "MANAGES"),
    r(1, 5, "RELATED", "DERIVED", [5, 2]),
    r(1, 1, "RELATED"),
  ];

  it("takes the whole glossary without a filter, unconnected concepts included, self-relations never", () => {
    const g = conceptGraph(concepts, relations);
    assert.equal(g.nodes.length, 7);
    assert.equal(g.edges.length, 6);
    assert.deepEqual(g.edges.find((e) => e.kind === "CO_OCCURRENCE")?.days, [2, 5]);
  });

  it("keeps a focus's neighbourhood up to a depth, edges followed both ways", () => {
    const one = conceptGraph(concepts, relations, { focusId: 1, depth: 1 });
    assert.deepEqual(
      one.nodes.map((n) => [n.concept.slug, n.depth]),
      [
        ["pod", 0],
        ["container", 1],
        ["deployment", 1],
        ["replicaset", 1],
        ["statefulset", 1],
      ],
    );
    const two = conceptGraph(concepts, relations, { focusId: 1, depth: 2 });
    assert.deepEqual(two.nodes.map((n) => n.concept.slug).sort(), ["container", "deployment", "pod", "pvc", "replicaset", "statefulset"]);
    assert.equal(two.edges.length, 6);
  });

  it("filters by kind and by category (keeping the focus)", () => {
    const manages = conceptGraph(concepts, relations, { kinds: ["MANAGES"] });
    assert.deepEqual(
      manages.edges.map((e) => `${e.from.slug}>${e.to.slug}`),
      ["deployment>replicaset", "replicaset>pod", "statefulset>pod"],
    );
    const storage = conceptGraph(concepts, relations, { category: "storage", focusId: 3, depth: 1 });
    assert.deepEqual(
      storage.nodes.map((n) => n.concept.slug),
      ["statefulset", "pvc"],
    );
  });

  it("cuts a picture's graph to the concepts nearest the focus, best connected first", () => {
    const cut = nearestNodes(conceptGraph(concepts, relations, { focusId: 1, depth: 2 }), 3);
    // pod, then its neighbours by relations: deployment, replicaset and statefulset have 2 (ties by slug), container 1.
    assert.deepEqual(
      cut.nodes.map((n) => n.concept.slug),
      ["pod", "deployment", "replicaset"],
    );
    assert.deepEqual(
      cut.edges.map((e) => `${e.from.slug}>${e.to.slug}`),
      ["deployment>replicaset", "pod>deployment", "replicaset>pod"],
    );
    assert.equal(cut.totalNodes, 6);
    const doc = parseSvg(conceptGraphSvg({ graph: cut, conceptUrl: (slug) => `/api/v1/concepts/${slug}` }));
    assert.match(doc.querySelector("desc")!.textContent!, /Showing the 3 nearest to POD of 6 concepts/);
  });

  it("leaves a derived relation out of a picture where a curated one links the same concepts", () => {
    const withDerived = [...relations, r(3, 1, "RELATED", "DERIVED", [4]), r(1, 4, "RELATED", "DERIVED", [4])];
    const drawn = pictureGraph(conceptGraph(concepts, withDerived), 40);
    assert.deepEqual(
      drawn.edges.filter((e) => e.source === "DERIVED").map((e) => `${e.from.slug}>${e.to.slug}`),
      ["pod>deployment", "pod>pvc"],
    );
  });

  it("draws every concept as a link to its URL and every relation as an arrow", () => {
    const g = conceptGraph(concepts, relations, { focusId: 1, depth: 2 });
    const doc = parseSvg(conceptGraphSvg({ graph: g, conceptUrl: (slug) => `https://k8s.example/api/v1/concepts/${slug}` }));
    const links = Array.from(doc.querySelectorAll("a")).map((a) => a.getAttribute("href"));
    assert.deepEqual(links.sort(), g.nodes.map((n) => `https://k8s.example/api/v1/concepts/${n.concept.slug}`).sort());
    assert.equal(doc.querySelectorAll("g.edge").length, g.edges.length);
    assert.equal(doc.querySelector("a[data-slug=pod] rect")!.getAttribute("stroke-width"), "3");
    assert.deepEqual(unsafeParts(doc, ["https://k8s.example/api/v1/concepts/"]), []);
    // Boxes lie inside the picture.
    const width = Number(doc.documentElement.getAttribute("width"));
    for (const rect of Array.from(doc.querySelectorAll("a rect"))) {
      assert.ok(Number(rect.getAttribute("x")) >= 0 && Number(rect.getAttribute("x")) + Number(rect.getAttribute("width")) <= width);
    }
  });
});

describe("the SVG checks themselves", () => {
  it("find scripts, handlers, foreign objects and external references", () => {
    const bad = parseSvg(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><script>1</script><rect onload="x"/><foreignObject/><a href="https://evil.example/"/><use xlink:href="https://evil.example/x.svg#a"/><rect fill="url(https://evil.example/p)"/></svg>`,
    );
    assert.deepEqual(
      unsafeParts(bad).map((p) => p.split(" ")[0]),
      ["<script>", "event", "<foreignObject>", "link", "<use>", "link", "external"],
    );
    assert.throws(() => parseSvg("<svg xmlns='http://www.w3.org/2000/svg'><g></svg>"));
  });
});
