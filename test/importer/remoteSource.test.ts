import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { archiveEntryPath, linkStaysInside } from "../../src/importer/archive.ts";
import { ContentSourceError, githubArchiveUrl, parseContentSource } from "../../src/importer/contentSource.ts";
import type { Services } from "../../src/services.ts";
import { fixtureEntries, serveArchives, tarGz, zipOf } from "../support/archives.ts";
import { fixtureCopy, fixtureFacts, freshServices } from "../support/content.ts";
import { dropDatabase, freshDatabaseUrl, repoRoot } from "../support/databases.ts";
import { tempDir } from "../support/tempDir.ts";

describe("a GitHub repository URL maps to its codeload archive", () => {
  const cases: [string, string | null][] = [
    ["https://github.com/jp-chl/66DaysOfK8s", "https://codeload.github.com/jp-chl/66DaysOfK8s/tar.gz/HEAD"],
    ["https://github.com/jp-chl/66DaysOfK8s/", "https://codeload.github.com/jp-chl/66DaysOfK8s/tar.gz/HEAD"],
    ["http://www.github.com/jp-chl/66DaysOfK8s", "https://codeload.github.com/jp-chl/66DaysOfK8s/tar.gz/HEAD"],
    ["https://github.com/jp-chl/66DaysOfK8s/tree/main", "https://codeload.github.com/jp-chl/66DaysOfK8s/tar.gz/main"],
    ["https://github.com/a-b/repo.name/tree/feature/spring 2026/", "https://codeload.github.com/a-b/repo.name/tar.gz/feature/spring%202026"],
    ["https://github.com/jp-chl/66DaysOfK8s?tab=readme", "https://codeload.github.com/jp-chl/66DaysOfK8s/tar.gz/HEAD"],
    ["https://github.com/jp-chl/66DaysOfK8s.git", null],
    ["https://github.com/jp-chl/66DaysOfK8s/blob/main/README.md", null],
    ["https://github.com/jp-chl", null],
    ["https://gitlab.com/jp-chl/66DaysOfK8s", null],
  ];
  for (const [url, expected] of cases) test(`${url} → ${expected}`, () => assert.equal(githubArchiveUrl(url), expected));
});

describe("a source string is a path, an archive URL or a git URL", () => {
  const cases: [string, string, string][] = [
    ["../shared/fixtures/66DaysOfK8s", "path", "../shared/fixtures/66DaysOfK8s"],
    ["https://github.com/o/r/tree/dev", "archive", "https://codeload.github.com/o/r/tar.gz/dev"],
    ["https://example.org/dl/repo-main.tar.gz", "archive", "https://example.org/dl/repo-main.tar.gz"],
    ["https://example.org/dl/repo.TGZ?x=1", "archive", "https://example.org/dl/repo.TGZ?x=1"],
    ["http://127.0.0.1:8080/repo.zip", "archive", "http://127.0.0.1:8080/repo.zip"],
    ["https://codeload.github.com/o/r/tar.gz/main", "archive", "https://codeload.github.com/o/r/tar.gz/main"],
    ["https://github.com/o/r.git", "git", "https://github.com/o/r.git"],
    ["git@github.com:o/r.git", "git", "git@github.com:o/r.git"],
    ["ssh://git@host/o/r", "git", "ssh://git@host/o/r"],
    ["git+https://host/o/r", "git", "https://host/o/r"],
    ["file:///srv/repos/r.git", "git", "file:///srv/repos/r.git"],
  ];
  for (const [input, kind, where] of cases) {
    test(`${input} is ${kind}`, () => {
      const source = parseContentSource(input);
      assert.equal(source.kind, kind);
      assert.equal(source.kind === "path" ? source.path : source.url, where);
    });
  }
  test("a web page or another scheme is refused with what is accepted", () => {
    assert.throws(
      () => parseContentSource("https://example.org/lessons"),
      (err: Error) => err instanceof ContentSourceError && /GitHub repository URL.*\.tar\.gz.*git URL/.test(err.message),
    );
    assert.throws(() => parseContentSource("ftp://example.org/r.tar.gz"), /unsupported URL scheme/);
  });
});

describe("archive entry paths and links stay inside the archive", () => {
  test("plain, ./ and trailing-slash paths are kept relative", () => {
    assert.equal(archiveEntryPath("repo-main/challenge/README.md"), "repo-main/challenge/README.md");
    assert.equal(archiveEntryPath("./repo-main//a/./b/"), "repo-main/a/b");
    assert.equal(archiveEntryPath("./"), "");
  });
  for (const bad of ["../evil", "repo/../../evil", "/etc/passwd", "C:/x", "repo\\..\\evil", "a\0b"]) {
    test(`${JSON.stringify(bad)} is refused`, () => assert.throws(() => archiveEntryPath(bad), ContentSourceError));
  }
  test("links are judged from where they resolve", () => {
    assert.equal(linkStaysInside("repo/a/link", "../b/file", "symbolic"), true);
    assert.equal(linkStaysInside("repo/link", "../../outside", "symbolic"), false);
    assert.equal(linkStaysInside("repo/link", "/etc/passwd", "symbolic"), false);
    assert.equal(linkStaysInside("repo/deep/link", "repo/file", "hard"), true);
    assert.equal(linkStaysInside("repo/link", "../outside", "hard"), false);
  });
});

describe("importing lessons from a URL", () => {
  let fresh: Awaited<ReturnType<typeof freshServices>>;
  let services: Services;
  let server: Awaited<ReturnType<typeof serveArchives>>;
  let temp: string;
  let outside: string;
  const savedTmp = process.env.TMPDIR;

  before(async () => {
    // Downloads unpack under TMPDIR; a private one shows that every temp folder is removed.
    temp = tempDir("remote-test");
    outside = join(temp, "outside");
    process.env.TMPDIR = join(temp, "tmp");
    execFileSync("mkdir", ["-p", process.env.TMPDIR]);
    fresh = await freshServices("remote");
    services = fresh.services;
    const fixtures = fixtureEntries("66DaysOfK8s-main");
    server = await serveArchives({
      "/repo-main.tar.gz": tarGz(fixtures),
      "/repo.zip": zipOf(fixtureEntries("66DaysOfK8s-zip")),
      "/dotdot.tar.gz": tarGz([...fixtures, { path: "66DaysOfK8s-main/../../outside/pwned.txt", body: "pwned" }]),
      "/symlink.tar.gz": tarGz([...fixtures, { path: "66DaysOfK8s-main/notes", type: "symlink", linkpath: "../../../../../../../../etc" }]),
      "/hardlink.tar.gz": tarGz([...fixtures, { path: "66DaysOfK8s-main/passwd", type: "hardlink", linkpath: "../etc/passwd" }]),
      "/dotdot.zip": zipOf([
        { path: "repo/README.md", body: "# hi" },
        { path: "../outside/pwned.txt", body: "pwned" },
      ]),
      "/symlink.zip": zipOf([
        { path: "repo/README.md", body: "# hi" },
        { path: "repo/etc", type: "symlink", linkpath: "/etc" },
      ]),
      "/not-an-archive.tar.gz": Buffer.from("<html>this is a web page</html>"),
      "/chunked.tar.gz": (_req, res) => {
        // No Content-Length: the cap must hold while streaming.
        res.writeHead(200, { "content-type": "application/gzip" });
        const chunk = Buffer.alloc(64 * 1024, 1);
        let sent = 0;
        const push = () => {
          if (res.destroyed || sent > 64) return res.end();
          sent++;
          res.write(chunk, () => setImmediate(push));
        };
        push();
      },
      "/slow.tar.gz": (_req, res) => {
        res.writeHead(200, { "content-type": "application/gzip" });
        res.write(Buffer.from([0x1f, 0x8b]));
        // …and nothing more: the time limit must end it.
      },
    });
  });
  after(async () => {
    await server.close();
    await fresh.close();
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(temp, { recursive: true, force: true });
  });

  const leftovers = () => readdirSync(process.env.TMPDIR!).filter((name) => name.startsWith("k8s-days-source-"));

  test("a .tar.gz URL whose top folder holds the repository imports the fixture lessons, and its temp folder is removed", async () => {
    const result = await services.content.importer.importSource(`${server.url}/repo-main.tar.gz`);
    assert.equal(result.written, true);
    assert.equal(result.lessons, fixtureFacts.lessons);
    assert.equal(result.attachments, fixtureFacts.attachments);
    assert.equal(result.files, fixtureFacts.files);
    assert.equal(result.source, `${server.url}/repo-main.tar.gz`);
    const day = await services.days.get(13);
    assert.equal(day?.hasLesson, true);
    assert.deepEqual(leftovers(), []);
  });

  test("a .zip URL imports the same content (a second import changes nothing)", async () => {
    const result = await services.content.importer.importSource(`${server.url}/repo.zip`);
    assert.equal(result.written, true);
    assert.equal(result.lessons, fixtureFacts.lessons);
    assert.equal(result.changed, 0);
    assert.deepEqual(leftovers(), []);
  });

  test("a git URL is cloned shallow with the system's git", async () => {
    const repo = join(temp, "origin");
    execFileSync("cp", ["-r", fixtureCopy(), repo]);
    const git = (...args: string[]) => execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { stdio: "ignore" });
    git("init", "--quiet");
    git("add", ".");
    git("commit", "--quiet", "-m", "fixtures");
    const result = await services.content.importer.importSource(`file://${repo}/.git`);
    assert.equal(result.written, true);
    assert.equal(result.lessons, fixtureFacts.lessons);
    assert.deepEqual(leftovers(), []);
  });

  const refusals: [string, RegExp][] = [
    ["/dotdot.tar.gz", /archive refused: entry "66DaysOfK8s-main\/\.\.\/\.\.\/outside\/pwned\.txt" climbs out of the archive/],
    ["/symlink.tar.gz", /archive refused: entry "66DaysOfK8s-main\/notes" is a symbolic link pointing outside the archive/],
    ["/hardlink.tar.gz", /archive refused: entry "66DaysOfK8s-main\/passwd" is a hard link pointing outside the archive/],
    ["/dotdot.zip", /archive refused/],
    ["/symlink.zip", /archive refused: entry "repo\/etc" is a symbolic link pointing outside the archive/],
    ["/not-an-archive.tar.gz", /not a \.tar\.gz or \.zip archive/],
    ["/missing.tar.gz", /HTTP 404/],
  ];
  for (const [path, message] of refusals) {
    test(`${path} is refused, writes nothing outside and leaves no temp folder`, async () => {
      const before = await services.content.importer.stats();
      await assert.rejects(
        services.content.importer.importSource(`${server.url}${path}`),
        (err: Error) => err instanceof ContentSourceError && message.test(err.message),
      );
      assert.equal(existsSync(outside), false);
      assert.deepEqual(leftovers(), []);
      assert.equal((await services.content.importer.stats()).contentVersion, before.contentVersion);
    });
  }

  test("downloads over IMPORT_MAX_DOWNLOAD_BYTES are refused, by Content-Length or while streaming", async () => {
    const config = services.deps.config as { IMPORT_MAX_DOWNLOAD_BYTES: number };
    const saved = config.IMPORT_MAX_DOWNLOAD_BYTES;
    config.IMPORT_MAX_DOWNLOAD_BYTES = 1024 * 1024;
    try {
      await assert.rejects(
        services.content.importer.importSource(`${server.url}/chunked.tar.gz`),
        /more than the 1048576-byte limit \(IMPORT_MAX_DOWNLOAD_BYTES\)/,
      );
      config.IMPORT_MAX_DOWNLOAD_BYTES = 2048;
      await assert.rejects(services.content.importer.importSource(`${server.url}/repo-main.tar.gz`), /bytes is over the 2048-byte limit/);
    } finally {
      config.IMPORT_MAX_DOWNLOAD_BYTES = saved;
    }
    assert.deepEqual(leftovers(), []);
  });

  test("a download that does not finish within IMPORT_DOWNLOAD_TIMEOUT_MS is ended", async () => {
    const config = services.deps.config as { IMPORT_DOWNLOAD_TIMEOUT_MS: number };
    const saved = config.IMPORT_DOWNLOAD_TIMEOUT_MS;
    config.IMPORT_DOWNLOAD_TIMEOUT_MS = 1000;
    try {
      await assert.rejects(services.content.importer.importSource(`${server.url}/slow.tar.gz`), /took longer than 1000 ms/);
    } finally {
      config.IMPORT_DOWNLOAD_TIMEOUT_MS = saved;
    }
    assert.deepEqual(leftovers(), []);
  });

  test("the CLI imports a URL and says where from; a bad URL is one line and exit 1", async () => {
    const url = await freshDatabaseUrl("remote_cli");
    try {
      const run = (...args: string[]) =>
        new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [join(repoRoot, "bin/k8s-days.mjs"), ...args], {
            cwd: repoRoot,
            env: { ...process.env, DATABASE_URL: url, SEED_ON_START: "false", CONTENT_SOURCE: "none", LOG_LEVEL: "warn" },
          });
          let stdout = "";
          let stderr = "";
          child.stdout.on("data", (d) => (stdout += d));
          child.stderr.on("data", (d) => (stderr += d));
          child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
        });
      const ok = await run("import", `${server.url}/repo-main.tar.gz`);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, new RegExp(`^Imported ${server.url}/repo-main\\.tar\\.gz: 66 days \\(${fixtureFacts.lessons} lessons\\)`, "m"));
      const bad = await run("import", `${server.url}/dotdot.tar.gz`);
      assert.equal(bad.code, 1);
      assert.equal(bad.stderr.trim().split("\n").length, 1, bad.stderr);
      assert.match(bad.stderr, /^k8s-days import: archive refused: entry .* climbs out of the archive with \.\.$/m);
    } finally {
      await dropDatabase(url);
    }
  });
});
