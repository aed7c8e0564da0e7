/**
 * The web app at /app/ in a real browser (issue 15): Debian's Chromium driven by
 * playwright-core against the real app on a real port, with the seeds and the fixture
 * repository imported. Every request to a host other than the server is aborted and
 * recorded, and none may occur. A learner reads day 8 (screenshots load, manifests answer
 * 200, code blocks get copy buttons), searches as they type, registers, logs 20 minutes,
 * sees the streak and the heatmap, marks day 8 done and sees it in the list, and is still
 * signed in after a reload. axe-core checks the main pages for serious or critical
 * violations in light and dark schemes, and screenshots of each page at phone and desktop
 * sizes go to test-results/screenshots/.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Server } from "node:http";
import { after, before, describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { recordResponses } from "../support/contract.ts";
import { startContentApp } from "../support/contentApp.ts";
import { repoRoot } from "../support/databases.ts";
import { browserSkip, launchFencedChromium, listenLocal, type FencedBrowser } from "../support/browser.ts";
import type { TestApp } from "../support/testApp.ts";

/** Where the screenshots go (gitignored; named in the README). */
export const SCREENSHOTS_DIR = join(repoRoot, "test-results", "screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The main pages, by a short name used in screenshot file names. */
const PAGES: Record<string, string> = {
  lessons: "/app/",
  lesson: "/app/days/8",
  concept: "/app/concepts/deployment",
  search: "/app/search?q=statefulst",
  me: "/app/me",
};
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

describe("the web app at /app/, in Chromium", { skip: browserSkip("the web app browser test") }, () => {
  let t: TestApp;
  let server: Server;
  let origin: string;
  let fenced: FencedBrowser;
  let context: BrowserContext;
  let page: Page;
  /** Every URL the page requested (to check the token never travels in one). */
  const requested: string[] = [];
  /** Console errors other than failed loads of optional endpoints. */
  const problems: string[] = [];

  before(async () => {
    t = await startContentApp({ label: "webapp" });
    ({ server, origin } = await listenLocal(recordResponses(t.handler, t.responses)));
    fenced = await launchFencedChromium();
    context = await fenced.newContext([origin], { timezoneId: "UTC", viewport: VIEWPORTS.desktop });
    context.on("request", (r) => requested.push(r.url()));
    // Content-Security-Policy violations are recorded by the page itself (an init script runs outside the CSP).
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const w = window as unknown as { cspViolations?: string[] };
        w.cspViolations ??= [];
        w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page = await context.newPage();
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/Failed to load resource: the server responded with a status of (400|404|406)/.test(m.text())) problems.push(m.text());
    });
  });

  after(async () => {
    await fenced?.close();
    if (server) await new Promise((r) => server.close(r));
    await t?.close();
  });

  const nav = (name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
  const testId = (id: string) => page.locator(`[data-testid="${id}"]`);
  /** axe-core's serious and critical violations on the current page (evaluated through the DevTools protocol, so the page's CSP does not apply to axe itself). */
  const seriousViolations = async (): Promise<string[]> => {
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      type Rule = { id: string; impact: string; nodes: { target: string[] }[] };
      const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
      const run = await axe.run({ resultTypes: ["violations"] });
      return {
        rulesPassed: run.passes.length,
        serious: run.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(" "))
                .join(", ")}`,
          ),
      };
    });
    assert.ok(result.rulesPassed > 10, `axe ran its rules on ${page.url()}`);
    return result.serious;
  };
  const cspViolations = () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

  it("opens /app/days/8 by deep link: every screenshot loaded, manifest links answer 200, code blocks have copy buttons", async () => {
    const res = await page.goto(`${origin}/app/days/8`);
    assert.equal(res?.status(), 200);
    const body = testId("lesson-body");
    await body.waitFor();
    await page.getByRole("heading", { level: 1, name: /Day 8: Deploy a new app/ }).waitFor();
    const images = body.locator("img");
    assert.ok((await images.count()) >= 2, "day 8 has its two screenshots");
    for (const img of await images.all()) {
      await img.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle());
      const loaded = await img.evaluate((el) => ({ src: (el as HTMLImageElement).currentSrc, width: (el as HTMLImageElement).naturalWidth }));
      assert.ok(loaded.width > 0, `${loaded.src} loaded`);
      assert.ok(loaded.src.startsWith(`${origin}/api/v1/days/8/files/`), loaded.src);
    }
    const manifests = await body.locator("a[href$='.yaml']").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(manifests.length >= 2, JSON.stringify(manifests));
    for (const href of manifests) {
      assert.ok(href.startsWith(`${origin}/api/v1/days/8/files/`), href);
      const answer = await fetch(href);
      assert.equal(answer.status, 200, href);
      assert.match(answer.headers.get("content-type") ?? "", /^text\/yaml/);
    }
    const blocks = await body.locator("pre").count();
    assert.ok(blocks > 5);
    assert.equal(await body.locator(".code > button.copy").count(), blocks, "one copy button per code block");
    assert.deepEqual(await cspViolations(), []);
  });

  it("searches as you type: 'statefulst' shows StatefulSet first, with the match highlighted", async () => {
    await nav("Search").click();
    const input = testId("search-input");
    await input.waitFor();
    await input.pressSequentially("statefulst", { delay: 20 });
    const first = testId("search-results").locator(".hit").first();
    await first.locator("a", { hasText: "StatefulSet" }).waitFor();
    assert.equal(await first.locator("a").textContent(), "StatefulSet");
    assert.equal(await first.getAttribute("data-type"), "CONCEPT");
    assert.ok((await first.locator("mark").count()) >= 1, "the match is highlighted");
    assert.equal(new URL(page.url()).search, "?q=statefulst", "the query is in the address for sharing");
  });

  it("works by keyboard alone: skip link, navigation, search, a result, and focus on the new page's heading", async () => {
    await page.goto(`${origin}/app/`);
    await page.locator("li[data-day]").first().waitFor();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
    const tabTo = async (name: string) => {
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press("Tab");
        if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return;
      }
      assert.fail(`Tab never reached "${name}"`);
    };
    await tabTo("Search");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/app\/search$/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "search-input", "focus lands in the search box");
    await page.keyboard.type("init container");
    await testId("search-results").locator(".hit a", { hasText: "Init container" }).first().waitFor();
    await tabTo("Init container");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Init container" }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "focus moves to the new page's heading");
    assert.equal(await page.title(), "Init container · k8s-days");
  });

  it("registers, logs 20 minutes today, and shows a current streak of 1 and one filled heatmap cell", async () => {
    await nav("My challenge").click();
    await testId("register-handle").waitFor();
    assert.deepEqual(await seriousViolations(), [], "the signed-out page (register form) is accessible too");
    await testId("register-handle").fill("browser-ada");
    await testId("register-submit").click();
    await testId("log-minutes").fill("20");
    await testId("log-learned").fill("How a Deployment replaces its Pods");
    await testId("log-submit").click();
    await page.locator('[data-testid="streak-current"]', { hasText: /^1$/ }).waitFor();
    const heatmap = testId("heatmap");
    await heatmap.locator('[data-counted="true"]').first().waitFor();
    assert.equal(await heatmap.locator('[data-counted="true"]').count(), 1);
    assert.equal(await heatmap.locator('[data-counted="true"]').getAttribute("data-date"), "2026-03-01", "today on the server's clock");
    assert.ok(await page.evaluate(() => localStorage.getItem("k8s-days.token")), "the token is kept in localStorage");
  });

  it("marks day 8 done and sees it marked in the list of lessons", async () => {
    await page.goto(`${origin}/app/days/8`);
    await testId("mark-done").click();
    await page.locator('[data-testid="lesson-status"][data-status="DONE"]').waitFor();
    await nav("Lessons").click();
    const day8 = page.locator('li[data-day="8"]');
    await day8.waitFor();
    await page.locator('li[data-day="8"][data-status="DONE"]').waitFor();
    assert.match(await day8.innerText(), /done/);
    assert.equal(await page.locator('li[data-status="DONE"]').count(), 1);
  });

  it("is still signed in after a reload, and the token never appeared in a URL", async () => {
    await page.goto(`${origin}/app/me`);
    await page.reload();
    await page.locator('[data-testid="streak-current"]', { hasText: /^1$/ }).waitFor();
    assert.equal(await testId("register-handle").count(), 0);
    const token = await page.evaluate(() => localStorage.getItem("k8s-days.token"));
    assert.ok(token);
    assert.deepEqual(
      requested.filter((u) => u.includes(token!) || /k8sd_/.test(u)),
      [],
    );
  });

  it("has no serious or critical accessibility violations (axe-core), light and dark, and saves screenshots", async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const found: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, path] of Object.entries(PAGES)) {
        for (const [size, viewport] of Object.entries(VIEWPORTS)) {
          if (scheme === "dark" && size !== "desktop") continue;
          await page.setViewportSize(viewport);
          await page.goto(`${origin}${path}`);
          await page.locator("main h1").first().waitFor();
          await page.waitForFunction(() => !document.querySelector("[aria-busy='true']"));
          if (name === "lesson") await testId("lesson-body").waitFor();
          if (name === "search") await testId("search-results").locator(".hit").first().waitFor();
          if (name === "me") await testId("streak-current").waitFor();
          await page.evaluate(() => document.fonts.ready);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${path} at ${size} size scrolls sideways by ${overflow}px`);
          await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${size}${scheme === "dark" ? "-dark" : ""}.png`), fullPage: true });
          if (size !== "desktop") continue;
          found.push(...(await seriousViolations()).map((v) => `${scheme} ${path}: ${v}`));
          assert.deepEqual(await cspViolations(), [], `${path}: no CSP violation`);
        }
      }
    }
    await page.emulateMedia({ colorScheme: "light" });
    assert.deepEqual(found, []);
  });

  it("made no request to any other host, and logged no script error", (ctx) => {
    assert.deepEqual(fenced.foreign, []);
    assert.deepEqual(problems, []);
    if (fenced.aborted.length) ctx.diagnostic(`aborted ${fenced.aborted.length} request(s) of the browser itself`);
  });
});
