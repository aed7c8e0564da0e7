/**
 * Loads and validates the seed content in `seeds/` (challenge.yaml, days.yaml, paths.yaml,
 * concepts/<category>.yaml). Every problem is reported with file, line and path, e.g.
 * `seeds/concepts/workloads.yaml:42 concepts[3].relations.part-of[0]: unknown concept "podd"`.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";

/** The seeds directory of the checkout. */
export const defaultSeedsDir = resolve(fileURLToPath(new URL("../../seeds", import.meta.url)));

/** Relation keys as written in the seeds → relation kinds in the store. */
export const RELATION_KINDS = {
  related: "RELATED",
  "part-of": "PART_OF",
  requires: "PREREQUISITE",
  "alternative-to": "ALTERNATIVE_TO",
  manages: "MANAGES",
  uses: "USES",
  exposes: "EXPOSES",
  configures: "CONFIGURES",
} as const;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens");
const text = z.string().trim().min(1);

const challengeSchema = z.strictObject({
  slug,
  name: text,
  hashtag: text,
  hashtags: z.array(text).default([]),
  description: z.string().trim().default(""),
  totalDays: z.number().int().min(1).max(366).default(66),
  minMinutesPerDay: z.number().int().min(1).max(600).default(5),
  /** Streak freezes: one per this many counted dates; 0 (default) = none. */
  freezeEveryCountedDays: z.number().int().min(0).max(366).default(0),
  /** Most streak freezes banked at once; 0 (default) = none. */
  maxFreezesBanked: z.number().int().min(0).max(366).default(0),
  sourceUrl: z.url().optional(),
});

const daySchema = z.strictObject({
  number: z.number().int().min(1).max(366),
  week: z.number().int().min(1).max(60).optional(),
  title: text,
  series: text.optional(),
  part: z.number().int().min(1).optional(),
  kind: z.enum(["THEORY", "EXERCISE", "EXPLORATION", "SETUP", "PROJECT"]),
  summary: z.string().trim().default(""),
});

const pathSchema = z.strictObject({
  name: slug,
  title: text,
  description: z.string().trim().default(""),
  days: z.array(z.number().int().min(1)).min(1),
});

const relationKeys = Object.keys(RELATION_KINDS) as [keyof typeof RELATION_KINDS, ...(keyof typeof RELATION_KINDS)[]];
const conceptSchema = z.strictObject({
  slug,
  name: text,
  aliases: z.array(text).default([]),
  summary: text,
  docsUrl: z.url().optional(),
  relations: z.partialRecord(z.enum(relationKeys), z.array(slug)).default({}),
});

/** The challenge as seeded. */
export type SeedChallenge = z.infer<typeof challengeSchema>;
/** One day of the index as seeded. */
export type SeedDay = z.infer<typeof daySchema>;
/** A learning path as seeded. */
export type SeedPath = z.infer<typeof pathSchema>;
/** A glossary concept as seeded, with its category (the file name). */
export type SeedConcept = z.infer<typeof conceptSchema> & { category: string };
/** A curated relation between two concepts. */
export interface SeedRelation {
  from: string;
  to: string;
  kind: (typeof RELATION_KINDS)[keyof typeof RELATION_KINDS];
}

/** The whole seed content, validated. */
export interface Seeds {
  challenge: SeedChallenge;
  days: SeedDay[];
  paths: SeedPath[];
  concepts: SeedConcept[];
  relations: SeedRelation[];
}

/** One problem in the seeds. */
export interface SeedProblem {
  file: string;
  line: number;
  path: string;
  message: string;
}

/** Thrown when the seeds do not validate; its message lists every problem, one a line. */
export class SeedValidationError extends Error {
  override name = "SeedValidationError";
  constructor(readonly problems: SeedProblem[]) {
    super(`Invalid seeds (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map(formatProblem).join("\n")}`);
  }
}

/** `seeds/concepts/workloads.yaml:42 concepts[3].relations.part-of[0]: unknown concept "podd"` */
export function formatProblem(p: SeedProblem): string {
  return `${p.file}:${p.line} ${p.path ? `${p.path}: ` : ""}${p.message}`;
}

interface LoadedFile {
  file: string;
  label: string;
  doc: Document;
  lines: LineCounter;
}

/**
 * Reads and validates a seeds directory. Throws SeedValidationError listing every problem.
 * @example const seeds = await readSeeds("seeds"); seeds.concepts.length // ≥ 80
 */
export async function readSeeds(dir: string = defaultSeedsDir): Promise<Seeds> {
  const problems: SeedProblem[] = [];
  const shown = (file: string) => {
    const rel = relative(process.cwd(), file);
    return rel.startsWith("..") ? file : rel;
  };

  const load = async (file: string, label: string): Promise<LoadedFile | null> => {
    let source: string;
    try {
      source = await readFile(file, "utf8");
    } catch (err) {
      problems.push({ file: shown(file), line: 0, path: "", message: `unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      return null;
    }
    const lines = new LineCounter();
    const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
    for (const e of doc.errors)
      problems.push({
        file: shown(file),
        line: lines.linePos(e.pos[0]).line,
        path: "",
        message: e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, ""),
      });
    return doc.errors.length ? null : { file: shown(file), label, doc, lines };
  };

  const lineAt = (f: LoadedFile, path: (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = f.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) return f.lines.linePos(node.range[0]).line;
    }
    return 1;
  };
  const pathText = (label: string, path: (string | number)[]) =>
    path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), label);
  const report = (f: LoadedFile, path: (string | number)[], message: string) =>
    problems.push({ file: f.file, line: lineAt(f, path), path: pathText(f.label, path), message });

  const validate = <T>(f: LoadedFile, schema: z.ZodType<T>, value: unknown, base: (string | number)[]): T | null => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) report(f, [...base, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))], issue.message);
    return null;
  };
  /** Valid items of a list file, each with its index in the file. */
  const validateList = <T>(f: LoadedFile, schema: z.ZodType<T>): { value: T; i: number }[] => {
    if (!isSeq(f.doc.contents)) {
      report(f, [], "must be a list");
      return [];
    }
    const raw = f.doc.toJS() as unknown[];
    return raw.flatMap((item, i) => {
      const value = validate(f, schema, item, [i]);
      return value === null ? [] : [{ value, i }];
    });
  };

  // challenge.yaml
  let challenge: SeedChallenge | null = null;
  const challengeFile = await load(join(dir, "challenge.yaml"), "challenge");
  if (challengeFile) {
    if (!isMap(challengeFile.doc.contents)) report(challengeFile, [], "must be a mapping");
    else challenge = validate(challengeFile, challengeSchema, challengeFile.doc.toJS(), []);
  }

  // days.yaml
  const days: SeedDay[] = [];
  const daysFile = await load(join(dir, "days.yaml"), "days");
  if (daysFile) {
    const seen = new Set<number>();
    for (const { value: day, i } of validateList(daysFile, daySchema)) {
      if (seen.has(day.number)) report(daysFile, [i, "number"], `day ${day.number} appears twice`);
      if ((day.series === undefined) !== (day.part === undefined)) report(daysFile, [i], "series and part go together");
      seen.add(day.number);
      days.push(day);
    }
  }

  // paths.yaml (optional)
  const paths: SeedPath[] = [];
  const pathsFile = existsSync(join(dir, "paths.yaml")) ? await load(join(dir, "paths.yaml"), "paths") : null;
  if (pathsFile) {
    const known = new Set(days.map((d) => d.number));
    validateList(pathsFile, pathSchema).forEach(({ value: p, i }) => {
      const seen = new Set<number>();
      p.days.forEach((d, j) => {
        if (known.size && !known.has(d)) report(pathsFile, [i, "days", j], `unknown day ${d}`);
        if (seen.has(d)) report(pathsFile, [i, "days", j], `day ${d} listed twice`);
        seen.add(d);
      });
      if (p.name === "chronological") report(pathsFile, [i, "name"], "the chronological path is derived; do not write it");
      paths.push(p);
    });
  }

  // concepts/*.yaml
  const concepts: SeedConcept[] = [];
  const conceptFiles: { f: LoadedFile; items: { value: SeedConcept; i: number }[] }[] = [];
  let names: string[] = [];
  try {
    names = (await readdir(join(dir, "concepts"))).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    problems.push({ file: shown(join(dir, "concepts")), line: 0, path: "", message: "missing the concepts/ directory" });
  }
  for (const name of names) {
    const f = await load(join(dir, "concepts", name), "concepts");
    if (!f) continue;
    const category = basename(name).replace(/\.ya?ml$/, "");
    const items = validateList(f, conceptSchema).map(({ value, i }) => ({ value: { ...value, category }, i }));
    conceptFiles.push({ f, items });
    concepts.push(...items.map((item) => item.value));
  }
  const bySlug = new Map<string, SeedConcept>();
  const relations: SeedRelation[] = [];
  const edges = new Set<string>();
  for (const { f, items } of conceptFiles) {
    for (const { value: c, i } of items) {
      if (bySlug.has(c.slug)) report(f, [i, "slug"], `concept "${c.slug}" is defined twice`);
      bySlug.set(c.slug, c);
    }
  }
  for (const { f, items } of conceptFiles) {
    for (const { value: c, i } of items) {
      for (const [key, targets] of Object.entries(c.relations) as [keyof typeof RELATION_KINDS, string[]][]) {
        targets.forEach((to, j) => {
          const at = [i, "relations", key, j];
          if (!bySlug.has(to)) return report(f, at, `unknown concept "${to}"`);
          if (to === c.slug) return report(f, at, "a concept cannot relate to itself");
          const edge = `${c.slug}>${to}>${RELATION_KINDS[key]}`;
          if (edges.has(edge)) return report(f, at, `duplicate relation ${key} → "${to}"`);
          edges.add(edge);
          relations.push({ from: c.slug, to, kind: RELATION_KINDS[key] });
        });
      }
    }
  }

  if (problems.length) throw new SeedValidationError(problems);
  if (!challenge) throw new SeedValidationError([{ file: shown(join(dir, "challenge.yaml")), line: 0, path: "", message: "missing" }]);
  return { challenge, days: days.sort((a, b) => a.number - b.number), paths, concepts, relations };
}
