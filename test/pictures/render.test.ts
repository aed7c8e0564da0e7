/**
 * The pictures render in a real browser: Chromium (playwright-core, the system's
 * /usr/bin/chromium) opens the badge and the heatmap from the running app, under the
 * Content-Security-Policy they are served with, and we take their rendered size. The
 * badge's fixed width table is checked against the font Chromium really uses.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { registerLearner } from "../support/learners.ts";
import { insertSampleContent } from "../support/sampleContent.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

describe("pictures in Chromium", () => {
  let t: TestApp;
  let server: Server;
  let browser: Browser;
  let origin: string;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    t = await startTestApp({ label: "pictures_render", prepare: insertSampleContent });
    const ada = await registerLearner(t, "ada");
    await t.request.patch("/api/v1/me").set(ada.auth).send({ public: true }).expect(200);
    await t.request.put("/api/v1/me/log/2026-03-01").set(ada.auth).send({ minutes: 30, learned: "pods" }).expect(200);
    server = createServer(t.handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
  });
  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await t?.close();
  });

  /** Opens `path` of the app, returns the SVG's rendered box and its declared size; fails on any console error. */
  async function open(path: string) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    const res = await page.goto(`${origin}${path}`);
    assert.equal(res?.status(), 200);
    const box = await page.locator("svg").first().boundingBox();
    const declared = await page.evaluate(() => ({
      width: Number(document.documentElement.getAttribute("width")),
      height: Number(document.documentElement.getAttribute("height")),
    }));
    return { page, box: box!, declared, errors };
  }

  it("renders the badge at its declared size, each text within the room measured for it", async (ctx) => {
    const { page, box, declared, errors } = await open("/api/v1/learners/ada/badge.svg");
    ctx.diagnostic(`badge rendered at ${box.width}×${box.height}`);
    assert.deepEqual(errors, []);
    assert.deepEqual([box.width, box.height], [declared.width, declared.height]);
    assert.equal(box.height, 20);
    // Natural width of each text in the font Chromium picked, against the table's measure (textLength).
    const texts = await page.evaluate(() =>
      Array.from(document.querySelectorAll("text")).map((el) => {
        const copy = el.cloneNode(true) as SVGTextElement;
        copy.removeAttribute("textLength");
        el.parentNode!.appendChild(copy);
        const natural = copy.getComputedTextLength();
        copy.remove();
        return { text: el.textContent, natural, measured: Number(el.getAttribute("textLength")) };
      }),
    );
    assert.equal(texts.length, 4);
    ctx.diagnostic(texts.map((x) => `"${x.text}": ${x.natural.toFixed(2)}px rendered, ${x.measured}px measured`).join("; "));
    for (const t of texts) assert.ok(Math.abs(t.natural - t.measured) <= t.measured * 0.08, `${t.text}: ${t.natural} rendered vs ${t.measured} measured`);
    await page.close();
  });

  it("renders the heatmap at its declared size with one painted cell per date", async (ctx) => {
    const { page, box, declared, errors } = await open("/api/v1/learners/ada/heatmap.svg");
    ctx.diagnostic(`heatmap rendered at ${box.width}×${box.height}`);
    assert.deepEqual(errors, []);
    assert.deepEqual([box.width, box.height], [declared.width, declared.height]);
    const cells = await page.evaluate(() =>
      Array.from(document.querySelectorAll("g[data-date]")).map((g) => {
        const r = (g as SVGGElement).getBBox();
        return r.width * r.height;
      }),
    );
    assert.equal(cells.length, 66);
    assert.ok(
      cells.every((area) => area > 100),
      "every cell is drawn",
    );
    const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height } });
    assert.ok(shot.length > 1000);
    await page.close();
  });
});
