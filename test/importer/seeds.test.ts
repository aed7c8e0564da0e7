import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { defaultSeedsDir, readSeeds, SeedValidationError } from "../../src/importer/seeds.ts";
import { freshServices } from "../support/content.ts";
import { writeSeedTree } from "../support/seedTree.ts";

/** The problems readSeeds reports for a tree, as "file-basename:line path: message". */
async function problemsOf(dir: string): Promise<string[]> {
  try {
    await readSeeds(dir);
  } catch (err) {
    assert.ok(err instanceof SeedValidationError, String(err));
    return err.problems.map((p) => `${p.file.split("/").slice(-2).join("/")}:${p.line} ${p.path ? `${p.path}: ` : ""}${p.message}`);
  }
  return [];
}

describe("seed validation", () => {
  test("a valid tree gives the challenge, days, paths, concepts with categories and curated relations", async () => {
    const seeds = await readSeeds(writeSeedTree());
    assert.equal(seeds.challenge.slug, "66daysofk8s");
    assert.deepEqual(
      seeds.days.map((d) => d.number),
      [12, 13],
    );
    assert.deepEqual(
      seeds.paths.map((p) => p.days),
      [[12, 13]],
    );
    assert.equal(seeds.concepts.find((c) => c.slug === "init-container")?.category, "workloads");
    assert.ok(seeds.relations.some((r) => r.from === "init-container" && r.to === "pod" && r.kind === "PART_OF"));
    assert.ok(seeds.relations.some((r) => r.from === "docker" && r.to === "containerd" && r.kind === "ALTERNATIVE_TO"));
  });

  test("an unknown relation target is reported with file, line and path", async () => {
    const dir = writeSeedTree();
    writeFileSync(
      join(dir, "concepts", "extra.yaml"),
      [
        "- slug: sidecar-container",
        "  name: Sidecar container",
        "  summary: A helper container.",
        "  relations:",
        "    related: [pod]",
        "    part-of: [podd]",
        "",
      ].join("\n"),
    );
    assert.deepEqual(await problemsOf(dir), ['concepts/extra.yaml:6 concepts[0].relations.part-of[0]: unknown concept "podd"']);
  });

  test("schema errors, duplicates, unknown keys and self-relations are all reported at once", async () => {
    const dir = writeSeedTree({ days: [12, 13] });
    writeFileSync(
      join(dir, "days.yaml"),
      [
        "- number: 12",
        "  title: Init containers",
        "  kind: THEORY",
        "- number: 13",
        "  title: Pods",
        "  kind: LECTURE",
        "- number: 12",
        "  title: Again",
        "  kind: THEORY",
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(dir, "concepts", "extra.yaml"),
      [
        "- slug: Pod Thing",
        "  name: X",
        "  summary: Y",
        "- slug: pod",
        "  name: Pod again",
        "  summary: Duplicate.",
        "- slug: loop",
        "  name: Loop",
        "  summary: Relates to itself.",
        "  relations:",
        "    uses: [loop]",
        "- slug: owner",
        "  name: Owner",
        "  summary: Unknown relation kind.",
        "  relations:",
        "    owns: [pod]",
        "",
      ].join("\n"),
    );
    const problems = (await problemsOf(dir)).map((p) => p.replace(/^k8s-days-seeds-\w+\//, ""));
    const expected = [
      /^days\.yaml:6 days\[1\]\.kind: Invalid option/,
      /^days\.yaml:7 days\[2\]\.number: day 12 appears twice$/,
      /^concepts\/extra\.yaml:1 concepts\[0\]\.slug: must be lowercase words joined by hyphens$/,
      /^concepts\/extra\.yaml:16 concepts\[3\]\.relations: Unrecognized key: "owns"$/,
      /^concepts\/workloads\.yaml:1 concepts\[0\]\.slug: concept "pod" is defined twice$/,
      /^concepts\/extra\.yaml:11 concepts\[2\]\.relations\.uses\[0\]: a concept cannot relate to itself$/,
    ];
    for (const pattern of expected)
      assert.ok(
        problems.some((p) => pattern.test(p)),
        `${pattern} in:\n${problems.join("\n")}`,
      );
  });

  test("a YAML syntax error is reported with its line", async () => {
    const dir = writeSeedTree();
    writeFileSync(join(dir, "paths.yaml"), "- name: suggested\n  title: [unclosed\n  days: [12]\n");
    const problems = await problemsOf(dir);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /paths\.yaml:\d+ /);
  });

  test("a path naming an unknown day is reported at that entry", async () => {
    const dir = writeSeedTree();
    writeFileSync(join(dir, "paths.yaml"), "- name: suggested\n  title: Suggested order\n  days:\n    - 12\n    - 99\n");
    const problems = await problemsOf(dir);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /paths\.yaml:5 paths\[0\]\.days\[1\]: unknown day 99$/);
  });

  test("the repository's own seeds are valid and cover the glossary the issue asks for", {
    skip: !existsSync(defaultSeedsDir) && "seeds/ not present yet",
  }, async () => {
    const seeds = await readSeeds(defaultSeedsDir);
    assert.equal(seeds.days.length, 66);
    assert.ok(seeds.concepts.length >= 80, `${seeds.concepts.length} concepts`);
    assert.ok(seeds.relations.length >= 150, `${seeds.relations.length} relations`);
    for (const slug of ["pod", "init-container", "ephemeral-container", "deployment", "job", "statefulset", "daemonset", "static-pod", "sidecar-pattern"]) {
      assert.ok(
        seeds.concepts.some((c) => c.slug === slug),
        slug,
      );
    }
  });
});

describe("loading seeds into the store", () => {
  let ctx: Awaited<ReturnType<typeof freshServices>>;
  before(async () => {
    ctx = await freshServices("seeds");
  });
  after(() => ctx.close());

  test("seedIfEmpty loads an empty store once; later calls do nothing", async () => {
    const dir = writeSeedTree();
    const first = await ctx.services.content.importer.seedIfEmpty(dir);
    assert.ok(first && first.changed > 0);
    assert.equal(await ctx.services.content.importer.seedIfEmpty(dir), null);
    const stats = await ctx.services.content.importer.stats();
    assert.equal(stats.days, 2);
    assert.equal(stats.concepts, 26);
    assert.equal(stats.relations, 14);
    assert.equal(stats.paths, 2, "the seeded path and the derived chronological one");
    assert.equal(stats.references, 26, "each concept's docs page is a reference");
    const pod = await ctx.services.deps.db.prisma.concept.findUniqueOrThrow({
      where: { slug: "pod" },
      include: { references: { include: { reference: true } } },
    });
    assert.deepEqual(
      pod.references.map((r) => [r.reference.url, r.reference.kind]),
      [["https://kubernetes.io/docs/pod", "OFFICIAL_DOCS"]],
    );
    assert.equal(stats.contentVersion, 1);
  });

  test("reloading the same seeds changes nothing; an edited summary changes one record", async () => {
    const dir = writeSeedTree();
    assert.equal((await ctx.services.content.importer.loadSeeds(dir)).changed, 0);
    const file = join(dir, "concepts", "storage.yaml");
    const { readFileSync } = await import("node:fs");
    writeFileSync(file, readFileSync(file, "utf8").replace("Test summary of Volume.", "A directory a container can use."));
    const summary = await ctx.services.content.importer.loadSeeds(dir);
    assert.equal(summary.changed, 1);
    assert.equal(summary.contentVersion, 2);
    const volume = await ctx.services.deps.db.prisma.concept.findUniqueOrThrow({ where: { slug: "volume" } });
    assert.equal(volume.summary, "A directory a container can use.");
  });

  test("two loads at once (two replicas starting) write the seeds once", async () => {
    const other = await freshServices("seeds_race");
    try {
      const dir = writeSeedTree();
      const results = await Promise.all([other.services.content.importer.loadSeeds(dir), other.services.content.importer.loadSeeds(dir)]);
      assert.deepEqual(results.map((r) => r.changed === 0).sort(), [false, true]);
      const stats = await other.services.content.importer.stats();
      assert.equal(stats.concepts, 26);
      assert.equal(stats.contentVersion, 1);
    } finally {
      await other.close();
    }
  });

  test("invalid seeds leave the store unchanged", async () => {
    const before = await ctx.services.content.importer.stats();
    const dir = writeSeedTree({ extra: { "days.yaml": "- number: 0\n  title: x\n  kind: THEORY\n" } });
    await assert.rejects(ctx.services.content.importer.loadSeeds(dir), SeedValidationError);
    assert.deepEqual(await ctx.services.content.importer.stats(), before);
  });
});
