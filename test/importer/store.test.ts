import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { dayFactsFromRows, linkedDays, tableRows } from "../../src/importer/dayIndex.ts";
import { parseMarkdown } from "../../src/importer/markdown.ts";
import { defaultSeedsDir } from "../../src/importer/seeds.ts";
import type { Services } from "../../src/services.ts";
import { REFERENCE_KIND_NAMES } from "../../src/modules/references/referenceKinds.ts";
import { fixtureCopy, fixtureFacts, freshServices, warningLines } from "../support/content.ts";
import { fixturesDir, onPostgres } from "../support/databases.ts";
import { writeSeedTree } from "../support/seedTree.ts";

/** Everything an import may change, to compare before/after. */
async function snapshot(services: Services) {
  const p = services.deps.db.prisma;
  const days = await p.day.findMany({ orderBy: { number: "asc" }, select: { number: true, title: true, summary: true, contentHash: true, updatedAt: true } });
  return {
    stats: await services.content.importer.stats(),
    days,
    items: await p.dayItem.count(),
    links: await p.dayLink.count(),
    steps: await p.learningPathStep.count(),
    dayConcepts: await p.dayConcept.count(),
  };
}

async function dayByNumber(services: Services, number: number) {
  return services.deps.db.prisma.day.findFirstOrThrow({
    where: { number },
    include: {
      items: { orderBy: [{ list: "asc" }, { position: "asc" }] },
      toolVersions: { orderBy: { position: "asc" } },
      attachments: { orderBy: { name: "asc" } },
      references: { include: { reference: true }, orderBy: { position: "asc" } },
      concepts: { include: { concept: true } },
      linksFrom: { include: { to: true } },
    },
  });
}

/** The fixture's suggested order and table facts, as the seeds copy them. */
const suggested = linkedDays(parseMarkdown(readFileSync(join(fixturesDir(), "challenge/suggested-order.md"), "utf8")), "s", []);
const tableFacts = dayFactsFromRows(tableRows(parseMarkdown(readFileSync(join(fixturesDir(), "challenge/README.md"), "utf8")), "t", []));

describe("importing the whole fixture repository over the seeds", () => {
  let ctx: Awaited<ReturnType<typeof freshServices>>;
  let services: Services;
  let first: Awaited<ReturnType<Services["content"]["importer"]["importPath"]>>;

  before(async () => {
    ctx = await freshServices("import_full");
    services = ctx.services;
    await services.content.importer.loadSeeds(writeSeedTree({ days: tableFacts, suggested }));
    first = await services.content.importer.importPath(fixturesDir());
  });
  after(() => ctx.close());

  test("reports 66 days, the fixture lessons and their children, and only the known warnings", () => {
    assert.equal(first.written, true);
    assert.deepEqual(warningLines(first.warnings), fixtureFacts.warnings);
    assert.equal(first.days, 66);
    assert.equal(first.lessons, fixtureFacts.lessons);
    assert.equal(first.attachments, fixtureFacts.attachments);
    assert.equal(first.files, fixtureFacts.files);
    assert.deepEqual(first.skipped, []);
    assert.ok(first.snippets > 40);
    assert.ok(first.references > 25);
    assert.ok(first.changed > first.days);
  });

  test("stores 66 days, with titles from the table for days without a lesson file", async () => {
    const stats = await services.content.importer.stats();
    assert.equal(stats.days, 66);
    assert.equal(stats.lessons, fixtureFacts.lessons);
    const day5 = await dayByNumber(services, 5);
    assert.deepEqual(
      [day5.title, day5.series, day5.part, day5.kind, day5.week, day5.hasLesson],
      ["VM instances setup", "Create a K8s cluster from scratch in GCP", 1, "SETUP", 1, false],
    );
    const day66 = await dayByNumber(services, 66);
    assert.equal(day66.title, "Helm");
  });

  test("enriches a seeded day with its lesson and keeps the seeded summary", async () => {
    const day13 = await dayByNumber(services, 13);
    assert.equal(day13.title, "Pods");
    assert.equal(day13.summary, "Our own summary of day 13.");
    assert.equal(day13.date, "2021-01-23");
    assert.equal(day13.hasLesson, true);
    assert.equal(day13.sourcePath, "challenge/week02/day13/README.md");
    assert.deepEqual(
      day13.items.map((i) => [i.list, i.text]),
      [["TASK", "Understand Kubernetes Pod"]],
    );
    assert.ok(day13.references.some((r) => r.reference.url === "https://kubernetes.io/docs/concepts/workloads/pods" && r.listed));
    assert.deepEqual(
      day13.linksFrom.filter((l) => l.kind === "SEE_ALSO").map((l) => l.to.number),
      [12],
    );
  });

  test("detects day 13's concepts, with Pod as a focus", async () => {
    const day13 = await dayByNumber(services, 13);
    const slugs = day13.concepts.map((c) => c.concept.slug);
    for (const slug of ["pod", "init-container", "ephemeral-container", "deployment", "job", "statefulset", "daemonset", "static-pod", "sidecar-pattern"]) {
      assert.ok(slugs.includes(slug), `day 13 mentions ${slug} (found ${slugs.join(", ")})`);
    }
    const pod = day13.concepts.find((c) => c.concept.slug === "pod")!;
    assert.equal(pod.focus, true);
    assert.ok(pod.mentions >= 10);
    assert.ok(!slugs.includes("container") || day13.concepts.find((c) => c.concept.slug === "container")!.mentions < pod.mentions);
  });

  test("stores day 30's four versions and day 12's attachments with the kinds they declare", async () => {
    const day30 = await dayByNumber(services, 30);
    assert.deepEqual(
      day30.toolVersions.map((v) => `${v.tool}=${v.version}`),
      ["macOS Catalina=10.15.7", "minikube=v1.13.0", "kubectl Client=v1.17.4", "kubectl Server=v1.19.0"],
    );
    assert.deepEqual(
      day30.attachments.map((a) => a.name),
      ["yaml/pv-claim.yaml", "yaml/pv-pod.yaml", "yaml/pv-volume.yaml"],
    );
    const day12 = await dayByNumber(services, 12);
    const kinds = day12.attachments.flatMap((a) => JSON.parse(a.kinds) as string[]);
    assert.ok(kinds.includes("Pod"));
    assert.ok(kinds.includes("Service"));
    const services2 = day12.attachments.find((a) => a.name === "myapp-with-initcontainers-services.yaml")!;
    assert.deepEqual(JSON.parse(services2.kinds), ["Service"]);
    assert.deepEqual(JSON.parse(services2.apiVersions), ["v1"]);
    assert.equal(services2.mediaType, "application/yaml");
  });

  test("links consecutive parts of a series and builds the suggested and chronological paths", async () => {
    const day12 = await dayByNumber(services, 12);
    assert.deepEqual(
      day12.linksFrom.filter((l) => l.kind === "NEXT_PART").map((l) => l.to.number),
      [13],
    );
    const paths = await services.deps.db.prisma.learningPath.findMany({ include: { steps: { orderBy: { position: "asc" } } }, orderBy: { name: "asc" } });
    assert.deepEqual(
      paths.map((p) => p.name),
      ["chronological", "suggested"],
    );
    assert.equal(paths[0]!.steps.length, 66);
    assert.deepEqual(
      paths[1]!.steps.slice(0, 3).map((s) => s.dayNumber),
      [9, 10, 11],
    );
    assert.equal(paths[1]!.title, "Suggested order");
    assert.equal(paths[1]!.description, "Our order.", "the seeded description is kept");
  });

  test("derives RELATED relations between focus concepts shared by lessons, with day numbers as evidence", async () => {
    const derived = await services.deps.db.prisma.conceptRelation.findMany({ where: { source: "DERIVED" }, include: { from: true, to: true } });
    assert.ok(derived.length > 0);
    for (const r of derived) {
      const evidence = JSON.parse(r.evidence) as number[];
      assert.equal(r.kind, "RELATED");
      assert.equal(r.weight, evidence.length);
      assert.ok(evidence.length >= 2);
    }
    const curated = await services.deps.db.prisma.conceptRelation.count({ where: { source: "CURATED" } });
    assert.equal(curated, 14, "curated relations from the seeds stay");
  });

  test("a second import of the same tree changes nothing and keeps the content version", async () => {
    const before = await snapshot(services);
    const again = await services.content.importer.importPath(fixturesDir());
    assert.equal(again.changed, 0);
    assert.equal(again.daysWritten, 0);
    assert.equal(again.contentVersion, first.contentVersion);
    assert.deepEqual(await snapshot(services), before);
  });

  test("reloading the seeds after the import changes nothing and keeps the lessons", async () => {
    const before = await snapshot(services);
    const summary = await services.content.importer.loadSeeds(writeSeedTree({ days: tableFacts, suggested }));
    assert.equal(summary.changed, 0);
    assert.deepEqual(await snapshot(services), before);
  });
});

describe("re-importing a changed repository", () => {
  let ctx: Awaited<ReturnType<typeof freshServices>>;
  let repo: string;
  before(async () => {
    ctx = await freshServices("import_change");
    await ctx.services.content.importer.loadSeeds(writeSeedTree());
    repo = fixtureCopy();
    await ctx.services.content.importer.importPath(repo);
  });
  after(() => ctx.close());

  test("a changed lesson file updates only its day and bumps the content version", async () => {
    const { services } = ctx;
    const before = await snapshot(services);
    appendFileSync(join(repo, "challenge/week05/day30/README.md"), "\n## Tasks\n\n* Clean up the volume.\n");
    const result = await services.content.importer.importPath(repo);
    assert.equal(result.daysWritten, 1);
    assert.ok(result.changed > 0);
    assert.equal(result.contentVersion, before.stats.contentVersion + 1);
    const afterDays = (await snapshot(services)).days;
    const changed = afterDays.filter((d, i) => JSON.stringify(d) !== JSON.stringify(before.days[i])).map((d) => d.number);
    assert.deepEqual(changed, [30]);
    assert.ok(result.warnings.some((w) => w.file === "challenge/week05/day30/README.md" && /appears twice/.test(w.message)));
  });

  test("importing a single lesson file keeps the day's title from the table", async () => {
    const { services } = ctx;
    writeFileSync(
      join(repo, "challenge/week06/day38/README.md"),
      `${readFileSync(join(repo, "challenge/week06/day38/README.md"), "utf8")}\nOne more line about containerd.\n`,
    );
    const result = await services.content.importer.importPath(join(repo, "challenge/week06/day38/README.md"));
    assert.equal(result.daysWritten, 1);
    const day38 = await dayByNumber(services, 38);
    assert.equal(day38.title, "Docker deprecation");
    assert.equal(day38.kind, "EXPLORATION");
  });

  test("learners' progress is never touched by an import", async () => {
    const p = ctx.services.deps.db.prisma;
    const learner = await p.learner.create({ data: { handle: "ada", displayName: "Ada", timezone: "Europe/Madrid" } });
    await p.lessonProgress.create({ data: { learnerId: learner.id, challengeSlug: "66daysofk8s", dayNumber: 30, status: "DONE" } });
    appendFileSync(join(repo, "challenge/week05/day30/README.md"), "\nAnother line.\n");
    const result = await ctx.services.content.importer.importPath(repo);
    assert.equal(result.daysWritten, 1);
    assert.equal(await p.lessonProgress.count({ where: { learnerId: learner.id, dayNumber: 30, status: "DONE" } }), 1);
    assert.equal((await ctx.services.content.importer.stats()).learners, 1);
  });
});

describe("a failing import", () => {
  let ctx: Awaited<ReturnType<typeof freshServices>>;
  let repo: string;
  before(async () => {
    ctx = await freshServices("import_fail");
    await ctx.services.content.importer.loadSeeds(writeSeedTree());
    repo = fixtureCopy();
    await ctx.services.content.importer.importPath(repo);
  });
  after(() => ctx.close());

  test("a database constraint failing on a later day leaves the store exactly as it was", async () => {
    const { services } = ctx;
    const p = services.deps.db.prisma;
    if (onPostgres) await p.$executeRawUnsafe(`ALTER TABLE "Snippet" ADD CONSTRAINT "no_boom" CHECK ("code" NOT LIKE '%BOOM%')`);
    else
      await p.$executeRawUnsafe(`CREATE TRIGGER "no_boom" BEFORE INSERT ON "Snippet" WHEN NEW."code" LIKE '%BOOM%' BEGIN SELECT RAISE(ABORT, 'no boom'); END`);
    const before = await snapshot(services);
    appendFileSync(join(repo, "challenge/week01/day1/README.md"), "\nA new paragraph about Pods.\n");
    appendFileSync(join(repo, "challenge/week06/day38/README.md"), "\n## More\n\n```bash\necho BOOM\n```\n");
    await assert.rejects(services.content.importer.importPath(repo));
    assert.deepEqual(await snapshot(services), before);
  });

  test("a failure after some days were written rolls them back too", async () => {
    const { services } = ctx;
    const before = await snapshot(services);
    const p = services.deps.db.prisma;
    // The database refuses the update of day 12; day 1 (changed by the test above) is written before it.
    if (onPostgres) {
      await p.$executeRawUnsafe(`CREATE FUNCTION "refuse_day_12"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'day 12 refused'; END $$`);
      await p.$executeRawUnsafe(
        `CREATE TRIGGER "refuse_day_12" BEFORE UPDATE ON "Day" FOR EACH ROW WHEN (NEW."number" = 12) EXECUTE FUNCTION "refuse_day_12"()`,
      );
    } else {
      await p.$executeRawUnsafe(
        `CREATE TRIGGER "refuse_day_12" BEFORE UPDATE ON "Day" WHEN NEW."number" = 12 BEGIN SELECT RAISE(ABORT, 'day 12 refused'); END`,
      );
    }
    appendFileSync(join(repo, "challenge/week02/day12/README.md"), "\nA new paragraph about Jobs.\n");
    // The trigger's message: in the error on PostgreSQL, in the driver's original message on SQLite.
    const refused = (err: Error & { meta?: unknown }) => `${err.message} ${JSON.stringify(err.meta ?? {})}`.includes("day 12 refused");
    await assert.rejects(services.content.importer.importPath(repo), refused);
    assert.deepEqual(await snapshot(services), before);
  });
});

describe("importing malformed input", () => {
  let ctx: Awaited<ReturnType<typeof freshServices>>;
  let repo: string;
  before(async () => {
    ctx = await freshServices("import_bad");
    repo = fixtureCopy();
    writeFileSync(join(repo, "challenge/week02/day13/README.md"), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    writeFileSync(join(repo, "challenge/week02/day12/broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n");
    writeFileSync(join(repo, "challenge/week05/day30/picture.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    mkdirSync(join(repo, "challenge/week03/day15"), { recursive: true });
    writeFileSync(join(repo, "challenge/week06/day38/README.md"), "Day thirty-eight, no title line.\n\n## Tasks\n\nnone\n");
  });
  after(() => ctx.close());

  test("--strict refuses to write anything when there are warnings", async () => {
    const result = await ctx.services.content.importer.importPath(repo, { strict: true });
    assert.equal(result.written, false);
    assert.ok(result.warnings.length >= 5);
    assert.equal((await ctx.services.content.importer.stats()).days, 0);
  });

  test("warns with file, line and reason and still imports the rest", async () => {
    const result = await ctx.services.content.importer.importPath(repo);
    const w = (file: string) => result.warnings.filter((x) => x.file === file);
    assert.deepEqual(
      w("challenge/week02/day13/README.md").map((x) => x.message),
      ["not UTF-8 text"],
    );
    assert.deepEqual(
      w("challenge/week02/day12/broken.yaml").map((x) => x.line),
      [5],
      "where the parser gives up: the end of the unclosed list",
    );
    assert.match(w("challenge/week02/day12/broken.yaml")[0]!.message, /^invalid YAML/);
    assert.deepEqual(
      w("challenge/week05/day30/picture.png").map((x) => x.message),
      ["not a valid PNG image; skipped"],
    );
    assert.deepEqual(
      w("challenge/week03/day15").map((x) => x.message),
      ["day folder without README.md"],
    );
    assert.deepEqual(
      w("challenge/week06/day38/README.md").map((x) => [x.line, x.message]),
      [
        [1, 'missing the title line ("# Day N of #66DaysOfK8s")'],
        [1, 'missing the "Last update" date'],
      ],
      "a Tasks section without a list is kept as one item, not warned",
    );
    assert.equal(result.written, true);
    assert.equal(result.lessons, fixtureFacts.lessons - 1, "all but day 13, which is not UTF-8 (day 38 numbered by its folder)");
    const stats = await ctx.services.content.importer.stats();
    assert.equal(stats.days, 66);
    assert.equal(stats.attachments, fixtureFacts.attachments + 1, "the broken YAML is kept as an attachment, the broken picture is not");
    assert.equal(stats.files, fixtureFacts.files);
  });

  test("an empty folder imports nothing", async () => {
    const empty = fixtureCopy();
    const { rmSync } = await import("node:fs");
    rmSync(join(empty, "challenge"), { recursive: true });
    rmSync(join(empty, "README.md"));
    const result = await ctx.services.content.importer.importPath(empty);
    assert.equal(result.written, false);
    assert.equal(result.warnings.length, 1);
  });
});

describe("importing the fixtures over the repository's own seeds", () => {
  let ctx: Awaited<ReturnType<typeof freshServices>>;
  before(async () => {
    ctx = await freshServices("import_real_seeds");
  });
  after(() => ctx.close());

  test("day 13 mentions the workload concepts of the glossary, and the seeded summary stays", async () => {
    const { services } = ctx;
    const seeded = await services.content.importer.seedIfEmpty(defaultSeedsDir);
    assert.ok(seeded && seeded.concepts >= 80);
    const before = await dayByNumber(services, 13);
    const result = await services.content.importer.importPath(fixturesDir());
    assert.deepEqual(warningLines(result.warnings), fixtureFacts.warnings);
    assert.equal(result.daysWritten, fixtureFacts.lessons);
    const day13 = await dayByNumber(services, 13);
    assert.equal(day13.summary, before.summary);
    assert.ok(day13.summary.length > 0);
    const slugs = day13.concepts.map((c) => c.concept.slug);
    for (const slug of ["pod", "init-container", "ephemeral-container", "deployment", "job", "statefulset", "daemonset", "static-pod", "sidecar-pattern"]) {
      assert.ok(slugs.includes(slug), `day 13 mentions ${slug} (found ${slugs.join(", ")})`);
    }
    const top = [...day13.concepts].sort((a, b) => b.weight - a.weight)[0]!;
    assert.equal(top.concept.slug, "pod");
    const stats = await services.content.importer.stats();
    assert.equal(stats.days, 66);
    assert.equal(stats.lessons, fixtureFacts.lessons);
  });

  test("keeps curated titles of the glossary's docs pages, gives cited sources the lessons' words, and only kinds of the closed set", async () => {
    const prisma = ctx.services.deps.db.prisma;
    const refs = await prisma.reference.findMany({ select: { url: true, title: true, kind: true } });
    const byUrl = new Map(refs.map((r) => [r.url, r]));
    assert.equal(
      byUrl.get("https://kubernetes.io/docs/concepts/workloads/pods")?.title,
      "Pod (official documentation)",
      "a curated title wins over 'Pods (official site)'",
    );
    assert.equal(byUrl.get("https://github.com/lensapp/lens/releases/tag/v4.1.2")?.title, "lensapp/lens: releases/tag/v4.1.2", "never 'link'");
    assert.equal(byUrl.get("https://k8slens.dev")?.kind, "DOCUMENTATION");
    for (const r of refs) {
      assert.ok((REFERENCE_KIND_NAMES as readonly string[]).includes(r.kind), `${r.url}: ${r.kind}`);
      assert.ok(r.title !== "link" && r.title !== r.url, `${r.url}: ${r.title}`);
    }
    const day13 = await dayByNumber(ctx.services, 13);
    const pods = day13.references.find((r) => r.reference.url === "https://kubernetes.io/docs/concepts/workloads/pods")!;
    assert.deepEqual([pods.title, pods.listed], ["Pods (official site)", true], "the lesson keeps its own words for the source");
  });

  test("a seed run restores a curated title and the kind a URL has, and a re-import changes nothing", async () => {
    const prisma = ctx.services.deps.db.prisma;
    await prisma.reference.update({ where: { url: "https://kubernetes.io/docs/concepts/workloads/pods" }, data: { title: "kubernetes.io", kind: "ARTICLE" } });
    const reseeded = await ctx.services.content.importer.loadSeeds(defaultSeedsDir);
    assert.ok(reseeded.changed >= 1);
    const pods = await prisma.reference.findUnique({ where: { url: "https://kubernetes.io/docs/concepts/workloads/pods" } });
    assert.deepEqual([pods?.title, pods?.kind], ["Pod (official documentation)", "OFFICIAL_DOCS"]);
    const again = await ctx.services.content.importer.importPath(fixturesDir());
    assert.equal(again.changed, 0);
  });
});

describe("seeded days without a lesson", () => {
  let ctx: Awaited<ReturnType<typeof freshServices>>;
  before(async () => {
    ctx = await freshServices("seeded_day_concepts");
    await ctx.services.content.importer.loadSeeds(defaultSeedsDir);
  });
  after(() => ctx.close());

  test("name the concepts of their title and summary, StatefulSet first for day 59", async () => {
    const day59 = await dayByNumber(ctx.services, 59);
    assert.equal(day59.hasLesson, false);
    const top = [...day59.concepts].sort((a, b) => b.weight - a.weight)[0]!;
    assert.equal(top.concept.slug, "statefulset");
    assert.ok(top.focus);
  });

  test("keep those concepts when the seeds are loaded again (nothing changes)", async () => {
    const again = await ctx.services.content.importer.loadSeeds(defaultSeedsDir);
    assert.equal(again.changed, 0);
  });

  test("get the concepts of their lesson once it is imported, not the seeded guess", async () => {
    const before13 = (await dayByNumber(ctx.services, 13)).concepts.map((c) => c.concept.slug).sort();
    await ctx.services.content.importer.importPath(fixturesDir());
    const after13 = (await dayByNumber(ctx.services, 13)).concepts.map((c) => c.concept.slug).sort();
    assert.notDeepEqual(after13, before13);
    assert.ok(after13.includes("sidecar-pattern"), "a concept only the lesson text names");
    const reseeded = await ctx.services.content.importer.loadSeeds(defaultSeedsDir);
    assert.equal(reseeded.changed, 0, "re-seeding leaves the imported lesson's concepts alone");
  });
});
