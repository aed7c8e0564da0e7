import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { parse as parseCsv } from "csv-parse/sync";
import { fixedClock } from "../../src/clock.ts";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../support/testApp.ts";
import { registerLearner, type TestLearner } from "../support/learners.ts";
import { writeSeedTree } from "../support/seedTree.ts";

/** Text that breaks naive CSV, Markdown and iCalendar writers. */
const tricky = 'Pods, "quoted" words; a\nsecond line — ñ, 日本語, and a backslash \\ too';

/**
 * The export in every format, each parsed back by a well-kept parser: CSV by
 * csv-parse, the calendar by ical.js (with its VTIMEZONE registered, so the
 * reminder's local time is checked across the Madrid spring-forward night).
 */
describe("the export as JSON, CSV, Markdown and ICS", () => {
  let t: TestApp;
  let ada: TestLearner;
  const clock = fixedClock("2026-03-27T10:00:00Z"); // 11:00 CET on 03-27
  before(async () => {
    t = await startTestApp({ label: "export", clock, prepare: (s) => s.content.importer.loadSeeds(writeSeedTree()).then(() => undefined) });
    ada = await registerLearner(t, "ada", "Europe/Madrid");
    await t.request
      .put("/api/v1/me/log/2026-03-27")
      .set(ada.auth)
      .send({ minutes: 20, learned: tricky, days: [12], concepts: ["pod", "not-in-glossary"] })
      .expect(200);
    await t.request.put("/api/v1/me/progress/12").set(ada.auth).send({ status: "DONE", note: 'Note, with "quotes"\r\nand CRLF', confidence: 4 }).expect(200);
    clock.set("2026-03-28T10:00:00Z"); // 11:00 CET on 03-28
    await t.request.put("/api/v1/me/log/2026-03-28").set(ada.auth).send({ minutes: 3, learned: "short one" }).expect(200);
  });
  after(() => t.close());

  const exportOf = (query: string, accept?: string) => {
    const req = t.request.get(`/api/v1/me/export${query}`).set(ada.auth);
    return accept ? req.set("Accept", accept) : req;
  };

  it("keeps JSON as the default", async () => {
    const res = await exportOf("")
      .expect(200)
      .expect("content-type", /application\/json/);
    assert.deepEqual(
      res.body.log.map((e: { date: string }) => e.date),
      ["2026-03-27", "2026-03-28"],
    );
  });

  it("writes the log as RFC 4180 CSV that round-trips through csv-parse", async () => {
    const json = (await exportOf("").expect(200)).body;
    const res = await exportOf("?format=csv").expect(200).expect("content-type", "text/csv; charset=utf-8; header=present");
    assert.equal(res.headers["content-disposition"], 'attachment; filename="k8s-days-ada-log.csv"');
    assert.equal(res.headers["cache-control"], "private, no-store");
    const text = res.text;
    assert.ok(text.endsWith("\r\n") && !/[^\r]\n/.test(text.replace(/"[^"]*"/g, "")), "records end in CRLF");
    const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((r) => ({ ...r })),
      json.log.map((e: Record<string, unknown>) => ({
        date: e.date,
        timezone: e.timezone,
        minutes: String(e.minutes),
        counted: String(e.counted),
        countedReason: e.countedReason,
        learned: e.learned,
        days: (e.days as number[]).join(" "),
        concepts: (e.concepts as string[]).join(" "),
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
      })),
    );
    assert.equal(rows[0]!.learned, tricky);
  });

  it("writes progress as CSV with kind=progress, and serves CSV to Accept: text/csv", async () => {
    const byQuery = (await exportOf("?format=csv&kind=progress").expect(200)).text;
    const byAccept = (
      await exportOf("?kind=progress", "text/csv")
        .expect(200)
        .expect("content-type", /^text\/csv/)
    ).text;
    assert.equal(byAccept, byQuery);
    const rows = parseCsv(byQuery, { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((r) => [r.challengeSlug, r.day, r.status, r.confidence, r.note]),
      [["66daysofk8s", "12", "DONE", "4", 'Note, with "quotes"\r\nand CRLF']],
    );
  });

  it("writes a Markdown journal: one section per logged date with minutes, learning, lessons, concepts and the share text", async () => {
    const res = await exportOf("", "text/markdown").expect(200).expect("content-type", "text/markdown; charset=utf-8");
    const md = res.text;
    assert.match(md, /^# #66DaysOfK8s journal of ADA \(@ada\)\n/);
    assert.deepEqual(md.match(/^## .*$/gm), ["## 2026-03-27 · day 1", "## 2026-03-28 · day 2"]);
    const first = md.slice(md.indexOf("## 2026-03-27"), md.indexOf("## 2026-03-28"));
    assert.match(first, /- Minutes: 20 \(counted\), logged in Europe\/Madrid/);
    assert.ok(first.includes(`- Lessons: [Day 12: Seeded day 12](${TEST_ORIGIN}/api/v1/days/12)`), first);
    assert.ok(
      first.includes(`- Concepts: [Pod](${TEST_ORIGIN}/api/v1/concepts/pod), [not-in-glossary](${TEST_ORIGIN}/api/v1/concepts/not-in-glossary)`),
      first,
    );
    assert.ok(first.includes(tricky));
    assert.match(first, /### Share\n\n> Day 1 of #66DaysOfK8s: Pods, "quoted" words;/);
    assert.match(md.slice(md.indexOf("## 2026-03-28")), /- Minutes: 3 \(below the minimum, not counted\)/);
  });

  it("writes an ICS calendar that ical.js reads: an all-day event per logged date and a daily reminder in Madrid time across the DST change", async () => {
    const res = await exportOf("?format=ics&remindAt=19:30").expect(200).expect("content-type", "text/calendar; charset=utf-8");
    const text = res.text;
    for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
    const cal = new ICAL.Component(ICAL.parse(text));
    const vtimezone = cal.getFirstSubcomponent("vtimezone")!;
    assert.equal(vtimezone.getFirstPropertyValue("tzid"), "Europe/Madrid");
    ICAL.TimezoneService.register(vtimezone);
    try {
      const events = cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
      const days = events.filter((e) => e.startDate.isDate);
      assert.deepEqual(
        days.map((e) => [e.startDate.toString(), e.endDate.toString()]),
        [
          ["2026-03-27", "2026-03-28"],
          ["2026-03-28", "2026-03-29"],
        ],
      );
      assert.equal(days[0]!.summary, "#66DaysOfK8s day 1: 20 min");
      assert.equal(days[1]!.summary, "#66DaysOfK8s day 2: 3 min (not counted)");
      assert.ok(days[0]!.description.startsWith(tricky), "escaped text reads back as written");
      assert.equal(new Set(events.map((e) => e.uid)).size, events.length, "every event has its own UID");

      const reminder = events.find((e) => !e.startDate.isDate)!;
      assert.equal(reminder.startDate.zone?.tzid, "Europe/Madrid", "the reminder is in the learner's zone, read from the VTIMEZONE");
      const it = reminder.iterator();
      const firstThree = [it.next()!, it.next()!, it.next()!].map((time) => time.toJSDate().toISOString());
      // 19:30 CET (+01:00) on 03-28, then 19:30 CEST (+02:00) after the spring-forward night.
      assert.deepEqual(firstThree, ["2026-03-28T18:30:00.000Z", "2026-03-29T17:30:00.000Z", "2026-03-30T17:30:00.000Z"]);
      assert.equal(reminder.component.getFirstPropertyValue("rrule")!.toString(), "FREQ=DAILY;COUNT=65");
      const alarm = reminder.component.getFirstSubcomponent("valarm")!;
      assert.equal(alarm.getFirstPropertyValue("action"), "DISPLAY");
      assert.equal(alarm.getFirstPropertyValue("trigger")!.toString(), "PT0S");
    } finally {
      ICAL.TimezoneService.remove("Europe/Madrid");
    }
  });

  it("leaves the reminder out without remindAt, and refuses parameters of another format or a bad time", async () => {
    const plain = (await exportOf("?format=ics").expect(200)).text;
    assert.doesNotMatch(plain, /VTIMEZONE|VALARM|RRULE/);
    await exportOf("?format=ics&remindAt=24:00").expect(400);
    await exportOf("?kind=log").expect(400);
    await exportOf("?format=md&remindAt=19:30").expect(400);
    await exportOf("?format=xml").expect(400);
  });

  it("answers 406 to an Accept it cannot serve, and to a format that Accept excludes", async () => {
    await exportOf("", "image/png").expect(406);
    await exportOf("?format=csv", "application/json").expect(406);
  });

  it("is private: 401 without a token", async () => {
    await t.request.get("/api/v1/me/export?format=csv").expect(401);
  });
});
