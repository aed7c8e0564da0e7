/**
 * Imported files served byte for byte: lesson screenshots and manifests
 * (GET /api/v1/days/{n}/files/{path}) and the repository's other files
 * (GET /api/v1/files/{path}), with their headers, conditional requests, 404s for
 * unknown paths and traversal attempts, and their URLs in REST and GraphQL lessons.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import supertest from "supertest";
import { createApp } from "../../src/app.ts";
import { boot } from "../../src/bootstrap.ts";
import { fixedClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import type { ImportResult } from "../../src/importer/importer.service.ts";
import { createLogger } from "../../src/log.ts";
import { fixtureCopy, warningLines } from "../support/content.ts";
import { startContentApp } from "../support/contentApp.ts";
import { fixturesDir } from "../support/databases.ts";
import { gql } from "../support/graphql.ts";
import { startTestApp, type TestApp } from "../support/testApp.ts";

const fixture = (path: string) => readFileSync(join(fixturesDir(), path));
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Collects any response body as raw bytes (supertest parses text and JSON otherwise). */
function rawBytes(res: NodeJS.ReadableStream & { setEncoding(e: string): void }, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => done(null, Buffer.concat(chunks)));
}
const getBytes = (t: TestApp, url: string) =>
  t.request
    .get(url)
    .buffer(true)
    .parse(rawBytes as never);

/** Every image of the fixture repository, by served URL and fixture path. */
const images = [
  ...["01.png", "02.png"].map((f) => ({ url: `/api/v1/days/8/files/readme-images/${f}`, file: `challenge/week02/day8/readme-images/${f}`, type: "image/png" })),
  ...["a.png", "b.png", "c.png", "d.png"].map((f) => ({
    url: `/api/v1/days/42/files/readme-images/${f}`,
    file: `challenge/week06/day42/readme-images/${f}`,
    type: "image/png",
  })),
  {
    url: "/api/v1/files/readme-images/maximilian-weisbecker-Esq0ovRY-Zs-unsplash.jpg",
    file: "readme-images/maximilian-weisbecker-Esq0ovRY-Zs-unsplash.jpg",
    type: "image/jpeg",
  },
];

/** Every manifest of days 8, 12 and 30. */
const manifests = [
  ...["myDeployment.yaml", "myExposedDeployment.yaml", "originalDeployment.yaml"].map((f) => ({ day: 8, name: f, file: `challenge/week02/day8/${f}` })),
  ...["init-containers.yaml", "myapp-with-initcontainers-pods.yaml", "myapp-with-initcontainers-services.yaml"].map((f) => ({
    day: 12,
    name: f,
    file: `challenge/week02/day12/${f}`,
  })),
  ...["pv-claim.yaml", "pv-pod.yaml", "pv-volume.yaml"].map((f) => ({ day: 30, name: `yaml/${f}`, file: `challenge/week05/day30/yaml/${f}` })),
];

describe("files of the imported fixture repository", () => {
  let t: TestApp;
  before(async () => {
    t = await startContentApp({ label: "rest_files" });
  });
  after(() => t.close());

  it("stores every image beside the lessons and at the repository's top, with size, dimensions and sha256", async () => {
    const prisma = t.services.deps.db.prisma;
    const rows = await prisma.attachment.findMany({
      where: { mediaType: { startsWith: "image/" } },
      select: { name: true, mediaType: true, text: true, size: true, sha256: true, width: true, height: true, day: { select: { number: true } } },
      orderBy: [{ dayId: "asc" }, { name: "asc" }],
    });
    assert.deepEqual(
      rows.map((r) => `${r.day.number}:${r.name}`),
      [
        "8:readme-images/01.png",
        "8:readme-images/02.png",
        "42:readme-images/a.png",
        "42:readme-images/b.png",
        "42:readme-images/c.png",
        "42:readme-images/d.png",
      ],
    );
    for (const r of rows) {
      const bytes = fixture(images.find((i) => i.url.endsWith(`/${r.day.number}/files/${r.name}`))!.file);
      assert.deepEqual([r.mediaType, r.text, r.size, r.sha256], ["image/png", "", bytes.length, sha256(bytes)], r.name);
      assert.ok(r.width! > 0 && r.height! > 0, `${r.name} has dimensions`);
    }
    assert.equal(rows.find((r) => r.name.endsWith("d.png"))!.size, 582_867, "d.png (over the old 512 KiB limit) is kept");
    const files = await prisma.challengeFile.findMany({ select: { path: true, mediaType: true, width: true, height: true }, orderBy: { path: "asc" } });
    assert.deepEqual(
      files.map((f) => [f.path, f.mediaType]),
      [
        ["README.md", "text/markdown"],
        ["challenge/README.md", "text/markdown"],
        ["challenge/suggested-order.md", "text/markdown"],
        ["readme-images/maximilian-weisbecker-Esq0ovRY-Zs-unsplash.jpg", "image/jpeg"],
      ],
    );
    assert.deepEqual([files[3]!.width, files[3]!.height], [1440, 961]);
  });

  it("serves each image with its type and the original bytes", async () => {
    for (const image of images) {
      const res = await getBytes(t, image.url).expect(200);
      assert.equal(res.headers["content-type"], image.type, image.url);
      assert.ok(Buffer.compare(res.body as Buffer, fixture(image.file)) === 0, `${image.url} is byte-identical to ${image.file}`);
    }
  });

  it("serves each manifest of days 8, 12 and 30 as text/yaml, byte-identical to the file", async () => {
    for (const m of manifests) {
      const res = await getBytes(t, `/api/v1/days/${m.day}/files/${m.name}`).expect(200);
      assert.equal(res.headers["content-type"], "text/yaml; charset=utf-8", m.name);
      assert.ok(Buffer.compare(res.body as Buffer, fixture(m.file)) === 0, `${m.name} is byte-identical`);
    }
  });

  it("serves the repository's markdown files as text/markdown", async () => {
    const res = await getBytes(t, "/api/v1/files/challenge/suggested-order.md").expect(200);
    assert.equal(res.headers["content-type"], "text/markdown; charset=utf-8");
    assert.ok(Buffer.compare(res.body as Buffer, fixture("challenge/suggested-order.md")) === 0);
  });

  it("answers with a strong ETag from the sha256, public caching, nosniff and a script-free CSP", async () => {
    const res = await getBytes(t, "/api/v1/days/8/files/readme-images/01.png").expect(200);
    assert.equal(res.headers.etag, `"${sha256(fixture("challenge/week02/day8/readme-images/01.png"))}"`);
    assert.match(res.headers["cache-control"]!, /^public, max-age=\d+$/);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.match(res.headers["content-security-policy"]!, /default-src 'none'.*sandbox/);
  });

  it("answers 200 with the original bytes for every image and manifest the lesson pages of days 8 and 42 link to", async () => {
    const folders: Record<number, string> = { 8: "challenge/week02/day8", 42: "challenge/week06/day42" };
    let images = 0;
    let manifests = 0;
    for (const day of [8, 42]) {
      const html = (await t.request.get(`/api/v1/days/${day}.html`).expect(200)).text;
      const urls = [...html.matchAll(/\s(?:src|href)="([^"]+\/api\/v1\/days\/\d+\/files\/[^"]+)"/g)].map(
        (m) => new URL(m[1]!.replaceAll("&amp;", "&")).pathname,
      );
      for (const path of new Set(urls)) {
        const [, n, name] = /^\/api\/v1\/days\/(\d+)\/files\/(.+)$/.exec(path)!;
        const res = await getBytes(t, path).expect(200);
        if (/\.ya?ml$/.test(name!)) manifests++;
        else {
          assert.match(res.headers["content-type"]!, /^image\//, path);
          images++;
        }
        assert.ok(Buffer.compare(res.body as Buffer, fixture(`${folders[Number(n)]}/${decodeURIComponent(name!)}`)) === 0, `${path} is byte-identical`);
      }
    }
    assert.equal(images, 6, "01.png, 02.png of day 8 and a.png … d.png of day 42");
    assert.ok(manifests >= 2, `day 8 links its manifests (found ${manifests})`);
  });

  it("answers HEAD with the headers and length but no body", async () => {
    const bytes = fixture("challenge/week06/day42/readme-images/d.png");
    const res = await t.request.head("/api/v1/days/42/files/readme-images/d.png").expect(200);
    assert.equal(res.headers["content-type"], "image/png");
    assert.equal(res.headers["content-length"], String(bytes.length));
    assert.equal(res.headers.etag, `"${sha256(bytes)}"`);
    assert.equal(res.text ?? "", "");
  });

  it("answers If-None-Match with 304, from Express and from the response cache", async () => {
    const url = "/api/v1/days/12/files/init-containers.yaml";
    t.cache!.clear();
    const first = await t.request.get(url).expect(200);
    t.cache!.clear();
    const etag = first.headers.etag!;
    const fromExpress = await t.request.get(url).set("If-None-Match", etag).expect(304);
    assert.equal(fromExpress.headers.etag, etag);
    assert.equal(fromExpress.text, "");
    await t.request.get(url).expect(200); // stored
    const cached = await getBytes(t, url).expect(200);
    assert.equal(cached.headers["x-cache"], "HIT", "a small file is answered from the response cache");
    assert.equal(cached.headers["content-security-policy"], first.headers["content-security-policy"]);
    assert.ok(Buffer.compare(cached.body as Buffer, fixture("challenge/week02/day12/init-containers.yaml")) === 0);
    await t.request.get(url).set("If-None-Match", etag).expect(304).expect("x-cache", "HIT");
  });

  it("answers unknown files, days and traversal attempts with 404 problem+json", async () => {
    const urls = [
      "/api/v1/days/8/files/readme-images/99.png",
      "/api/v1/days/9/files/readme-images/01.png",
      "/api/v1/days/8/files/../12/init-containers.yaml",
      "/api/v1/days/8/files/..%2F..%2Fweek02%2Fday12%2Finit-containers.yaml",
      "/api/v1/days/8/files/%2e%2e/%2e%2e/day12/init-containers.yaml",
      "/api/v1/days/8/files/readme-images/..%5C01.png",
      "/api/v1/days/8/files/./myDeployment.yaml",
      "/api/v1/days/8/files/readme-images//01.png",
      "/api/v1/files/challenge/week02/day8/myDeployment.yaml",
      "/api/v1/files/..%2F..%2F..%2Fetc%2Fpasswd",
      "/api/v1/files/readme-images/../README.md",
    ];
    for (const url of urls) {
      const res = await t.request.get(url);
      assert.equal(res.status, 404, url);
      assert.equal(res.headers["content-type"], "application/problem+json; charset=utf-8", url);
      assert.equal(res.body.code, "NOT_FOUND", url);
    }
    const nul = await t.request.get("/api/v1/files/%00README.md").expect(400);
    assert.equal(nul.body.code, "BAD_REQUEST", "a NUL in a path is bad input, refused before any lookup");
  });

  it("gives each attachment of a REST lesson an absolute url, its sha256 and an image's size; an image's text is empty", async () => {
    const res = await t.request.get("/api/v1/days/8").set("Host", "files.test").expect(200);
    const origin = "http://files.test";
    const shot = res.body.attachments.find((a: { name: string }) => a.name === "readme-images/01.png");
    assert.deepEqual(
      { url: shot.url, mediaType: shot.mediaType, text: shot.text, sha256: shot.sha256, size: shot.size },
      {
        url: `${origin}/api/v1/days/8/files/readme-images/01.png`,
        mediaType: "image/png",
        text: "",
        sha256: sha256(fixture("challenge/week02/day8/readme-images/01.png")),
        size: 52_432,
      },
    );
    assert.ok(shot.width > 0 && shot.height > 0);
    const yaml = res.body.attachments.find((a: { name: string }) => a.name === "myDeployment.yaml");
    assert.deepEqual([yaml.url, yaml.width, yaml.height], [`${origin}/api/v1/days/8/files/myDeployment.yaml`, null, null]);
    assert.equal(yaml.text, fixture("challenge/week02/day8/myDeployment.yaml").toString("utf8"));
    for (const a of res.body.attachments) await t.request.head(new URL(a.url).pathname).expect(200);
  });

  it("gives each GraphQL attachment the same url, sha256 and size", async () => {
    const res = await gql(t, "{ day(number: 42) { attachments { name url sha256 width height text } } }").set("Host", "files.test").expect(200);
    const origin = "http://files.test";
    const attachments = res.body.data.day.attachments as { name: string; url: string; sha256: string; width: number; height: number; text: string }[];
    assert.deepEqual(
      attachments.map((a) => a.url),
      ["a", "b", "c", "d"].map((f) => `${origin}/api/v1/days/42/files/readme-images/${f}.png`),
    );
    for (const a of attachments) {
      assert.equal(a.sha256, sha256(fixture(`challenge/week06/day42/${a.name}`)));
      assert.ok(a.width > 0 && a.height > 0);
      assert.equal(a.text, "");
    }
  });

  it("documents both routes in the OpenAPI document with a path parameter that may contain '/'", async () => {
    const doc = (await t.request.get("/api/v1/openapi.json").expect(200)).body;
    for (const path of ["/api/v1/days/{number}/files/{path}", "/api/v1/files/{path}"]) {
      const op = doc.paths[path]?.get;
      assert.ok(op, path);
      assert.ok(
        op.parameters.some((p: { name: string; in: string }) => p.name === "path" && p.in === "path"),
        path,
      );
      assert.ok(op.responses["200"].content["image/png"] && op.responses["200"].content["text/yaml"], path);
      assert.ok(op.responses["404"].content["application/problem+json"], path);
    }
  });
});

describe("files of a modified repository copy", () => {
  let t: TestApp;
  let repo: string;
  let first: ImportResult;
  const LIMIT = 600_000;
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"><script>alert(document.domain)</script><rect width="10" height="20"/></svg>\n';

  before(async () => {
    repo = fixtureCopy();
    writeFileSync(join(repo, "challenge/week02/day8/readme-images/evil.svg"), svg);
    writeFileSync(join(repo, "challenge/week02/day8/huge.yaml"), `# ${"x".repeat(LIMIT)}\nkind: ConfigMap\n`);
    writeFileSync(join(repo, "challenge/week02/day8/slides.pdf"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    writeFileSync(join(repo, "challenge/week02/day8/readme-images/broken.png"), Buffer.from("not a picture"));
    t = await startTestApp({
      label: "rest_files_copy",
      config: { IMPORT_MAX_FILE_BYTES: LIMIT, PUBLIC_URL: "https://k8s-days.example" },
      prepare: async (s) => {
        first = await s.content.importer.importPath(repo);
      },
    });
  });
  after(async () => {
    await t.close();
    rmSync(dirname(repo), { recursive: true, force: true });
  });

  it("skips a file over the configured limit and a corrupt image with a warning, a non-image binary without one", () => {
    const lines = warningLines(first.warnings).filter((l) => l.startsWith("challenge/week02/day8/") && !l.includes("README.md"));
    assert.deepEqual(lines, [
      "challenge/week02/day8/huge.yaml:0 skipped: 600019 bytes is over the 600000-byte limit for files (IMPORT_MAX_FILE_BYTES)",
      "challenge/week02/day8/readme-images/broken.png:0 not a valid PNG image; skipped",
    ]);
    assert.deepEqual(first.skipped, ["challenge/week02/day8/slides.pdf"]);
  });

  it("serves an SVG with its script inert: image/svg+xml, the original bytes, a sandboxing CSP and nosniff", async () => {
    const res = await getBytes(t, "/api/v1/days/8/files/readme-images/evil.svg").expect(200);
    assert.equal(res.headers["content-type"], "image/svg+xml");
    assert.equal((res.body as Buffer).toString("utf8"), svg);
    const csp = res.headers["content-security-policy"]!;
    for (const directive of ["default-src 'none'", "sandbox"]) assert.ok(csp.includes(directive), csp);
    assert.doesNotMatch(csp, /script-src/);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    for (const name of ["huge.yaml", "slides.pdf", "readme-images/broken.png"]) await t.request.get(`/api/v1/days/8/files/${name}`).expect(404);
  });

  it("builds attachment URLs on PUBLIC_URL when it is set", async () => {
    const res = await t.request.get("/api/v1/days/8").expect(200);
    const evil = res.body.attachments.find((a: { name: string }) => a.name === "readme-images/evil.svg");
    assert.equal(evil.url, "https://k8s-days.example/api/v1/days/8/files/readme-images/evil.svg");
    assert.deepEqual([evil.width, evil.height, evil.mediaType], [10, 20, "image/svg+xml"]);
  });

  it("re-imports nothing when nothing changed, and only the changed day and file when one did", async () => {
    const importer = t.services.content.importer;
    assert.equal((await importer.importPath(repo)).changed, 0);
    const before = await t.request.get("/api/v1/days/8/files/readme-images/02.png").expect(200);
    const png = readFileSync(join(repo, "challenge/week06/day42/readme-images/a.png"));
    writeFileSync(join(repo, "challenge/week02/day8/readme-images/02.png"), png);
    writeFileSync(join(repo, "challenge/suggested-order.md"), `${readFileSync(join(repo, "challenge/suggested-order.md"), "utf8")}\nA new closing line.\n`);
    mkdirSync(join(repo, "docs"));
    writeFileSync(join(repo, "docs/notes.txt"), "notes\n");
    const again = await importer.importPath(repo);
    assert.equal(again.daysWritten, 1, "only day 8 is rewritten");
    assert.ok(again.changed > 0);
    const after = await getBytes(t, "/api/v1/days/8/files/readme-images/02.png").set("If-None-Match", before.headers.etag!).expect(200);
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.ok(Buffer.compare(after.body as Buffer, png) === 0, "the new bytes are served");
    const order = await getBytes(t, "/api/v1/files/challenge/suggested-order.md").expect(200);
    assert.match((order.body as Buffer).toString("utf8"), /A new closing line\.\n$/);
    const notes = await getBytes(t, "/api/v1/files/docs/notes.txt").expect(200).expect("content-type", "text/plain; charset=utf-8");
    assert.equal((notes.body as Buffer).toString("utf8"), "notes\n");
    rmSync(join(repo, "docs"), { recursive: true });
    await importer.importPath(repo);
    await t.request.get("/api/v1/files/docs/notes.txt").expect(404);
    assert.equal((await importer.importPath(repo)).changed, 0);
  });

  it("serves the same bytes from another app instance on the same database (a second replica)", async () => {
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", SEED_ON_START: "false", CONTENT_SOURCE: "none" } as NodeJS.ProcessEnv, {
      DATABASE_URL: t.url,
    });
    const services = await boot({ config, clock: fixedClock("2026-03-01T12:00:00Z"), log: createLogger("silent") });
    const replica = await createApp(services);
    try {
      for (const url of ["/api/v1/days/42/files/readme-images/d.png", "/api/v1/files/readme-images/maximilian-weisbecker-Esq0ovRY-Zs-unsplash.jpg"]) {
        const mine = await getBytes(t, url).expect(200);
        const theirs = await supertest(replica.handler)
          .get(url)
          .buffer(true)
          .parse(rawBytes as never)
          .expect(200);
        assert.equal(theirs.headers.etag, mine.headers.etag, url);
        assert.ok(Buffer.compare(theirs.body as Buffer, mine.body as Buffer) === 0, url);
      }
    } finally {
      await replica.stop();
      await services.deps.contentVersion.stop();
      await services.deps.db.close();
    }
  });
});
