/**
 * Writes imported lessons and seeds into the store, each run in ONE interactive
 * transaction (a failure leaves the store exactly as it was). Idempotent: a content hash
 * per day (covering its files' sha256) skips unchanged days; references upsert by
 * normalized URL, concepts by slug, days by (challenge, number), repository files by
 * (challenge, path) and their sha256. Never touches learners' tables.
 */
import { createHash } from "node:crypto";
import { DEFAULT_CHALLENGE, DEFAULT_CHALLENGE_NAME } from "../modules/content/defaultChallenge.ts";
import { decodeStringList } from "../modules/content/jsonText.ts";
import type { Database, Tx } from "../db/client.ts";
import type { DayFacts, DayKind } from "./dayIndex.ts";
import { compileGlossary, detectConcepts, lessonZones, type ConceptHit } from "./detectConcepts.ts";
import type { ImportWarning, Lesson } from "./lesson.ts";
import { MANIFEST_SNIPPET_LANGUAGES } from "./lessonManifests.ts";
import { declaredKinds } from "./manifests.ts";
import type { RepositoryContent, RepositoryFile } from "./readRepository.ts";
import { domainOf, normalizeUrl, referenceKind } from "./references.ts";
import { referenceTitle } from "./referenceTitle.ts";
import type { Seeds } from "./seeds.ts";

/** The challenge every import and seed writes to. */

/** Interactive transaction time limit: the full repository imports well within it. */
const TX_OPTIONS = { timeout: 120_000, maxWait: 20_000 };

/** Concepts must share at least this many lessons (as focus) to get a derived relation. */
export const MIN_SHARED_DAYS = 2;

/** What an import run did. */
export interface ImportSummary {
  /** Days in the imported content (table rows and lesson files). */
  days: number;
  lessons: number;
  /** Distinct concepts detected in the lessons. */
  concepts: number;
  /** Distinct references cited by the lessons. */
  references: number;
  snippets: number;
  /** Files beside the lessons (text and images). */
  attachments: number;
  /** Files of the repository outside the day folders (its README, challenge/*.md, the top images). */
  files: number;
  /** Binary files that are not images, skipped without a warning. */
  skipped: string[];
  /** Records created, updated or deleted by this run. */
  changed: number;
  /** Days whose content was written (created or changed). */
  daysWritten: number;
  contentVersion: number;
  warnings: ImportWarning[];
  durationMs: number;
}

/** What a seed run did. */
export interface SeedSummary {
  days: number;
  concepts: number;
  relations: number;
  paths: number;
  changed: number;
  contentVersion: number;
  durationMs: number;
}

const json = (value: unknown) => JSON.stringify(value);
const sha256 = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** Counts of changes, shared by the steps of one run. */
class Changes {
  count = 0;
  add(n: number | { count: number }): void {
    this.count += typeof n === "number" ? n : n.count;
  }
}

/**
 * The columns of a day the content writer compares and links by: never its lesson's body and
 * HTML, which are large and only ever written.
 */
const DAY_FIELDS = { id: true, number: true, week: true, title: true, series: true, part: true, kind: true, contentHash: true } as const;
const findDays = (tx: Tx, challengeId: number) => tx.day.findMany({ where: { challengeId }, select: DAY_FIELDS });
/** A day's row as the content writer reads it (DAY_FIELDS). */
type Day = Awaited<ReturnType<typeof findDays>>[number];

/** Everything written for one lesson day, in the order the store writes it. */
interface DayRecord {
  number: number;
  facts: DayFacts;
  lesson: Lesson;
  hits: ConceptHit[];
  hash: string;
}

/** Writes repository content (lessons, table facts, paths) in one transaction. */
export async function writeContent(db: Database, content: RepositoryContent): Promise<ImportSummary> {
  const started = performance.now();
  const lessons = content.lessons.filter((l): l is Lesson & { number: number } => l.number !== null);
  const warnings = [...content.warnings];
  const changes = new Changes();
  let daysWritten = 0;
  const allHits = new Set<string>();

  const version = await db.prisma.$transaction(async (tx) => {
    await lockContent(tx, db);
    const challenge = await ensureChallenge(tx, content.challenge?.name, changes);
    const glossary = (await tx.concept.findMany({ select: { id: true, slug: true, name: true, aliases: true } })).map((c) => ({
      ...c,
      aliases: decodeStringList(c.aliases),
    }));
    const matcher = compileGlossary(glossary);
    const conceptIds = new Map(glossary.map((c) => [c.slug, c.id]));
    const existing = new Map((await findDays(tx, challenge.id)).map((d) => [d.number, d]));
    const index = new Map(content.index.map((f) => [f.number, f]));

    // 1. Days known only from the table: create them, or update their facts.
    for (const facts of content.index) {
      if (lessons.some((l) => l.number === facts.number)) continue;
      const day = existing.get(facts.number);
      const data = factFields(facts);
      if (!day) {
        const created = await tx.day.create({ data: { ...data, challengeId: challenge.id, number: facts.number }, select: DAY_FIELDS });
        existing.set(facts.number, created);
        changes.add(1);
      } else if (differs(day, data)) {
        existing.set(facts.number, await tx.day.update({ where: { id: day.id }, data, select: DAY_FIELDS }));
        changes.add(1);
      }
    }

    // 2. Lessons: hash everything imported for the day; write only changed days.
    const records: DayRecord[] = lessons.map((lesson) => {
      const known = existing.get(lesson.number);
      const facts: DayFacts =
        index.get(lesson.number) ??
        (known
          ? { number: known.number, week: known.week, title: known.title, series: known.series, part: known.part, kind: known.kind as DayKind }
          : { number: lesson.number, week: lesson.week, title: lesson.heading || `Day ${lesson.number}`, series: null, part: null, kind: "THEORY" });
      if (facts.week === null && lesson.week !== null) facts.week = lesson.week;
      const hits = detectConcepts(matcher, lessonZones(lesson, facts.title, kindsOf(lesson)));
      hits.forEach((h) => allHits.add(h.slug));
      // Files count by their sha256: the bytes themselves stay out of the hash input.
      const { body, attachments, ...rest } = lesson;
      const files = attachments.map(({ data: _data, ...file }) => file);
      return { number: lesson.number, facts, lesson, hits, hash: sha256({ facts, lesson: rest, body, hits, files }) };
    });
    const toWrite = records.filter((r) => existing.get(r.number)?.contentHash !== r.hash);

    const referenceIds = await upsertReferences(
      tx,
      toWrite.flatMap((r) => r.lesson.references),
      changes,
    );
    await writeLessonDays(tx, challenge.id, toWrite, existing, referenceIds, conceptIds, changes);
    daysWritten = toWrite.length;

    // 3. "See also" links of the written days, with their text and section (targets must be known days).
    if (toWrite.length) {
      const fromIds = toWrite.map((record) => existing.get(record.number)!.id);
      changes.add(await tx.dayLink.deleteMany({ where: { fromDayId: { in: fromIds }, kind: "SEE_ALSO" } }));
      const links = toWrite.flatMap((record, i) =>
        record.lesson.dayLinks.flatMap((link) => {
          if (existing.has(link.number)) {
            return [{ fromDayId: fromIds[i]!, toDayId: existing.get(link.number)!.id, kind: "SEE_ALSO", text: link.text, section: link.section }];
          }
          warnings.push({ file: record.lesson.sourcePath, line: link.line, message: `links to day ${link.number}, which is not in the store` });
          return [];
        }),
      );
      if (links.length) changes.add(await tx.dayLink.createMany({ data: links }));
    }

    // 4. Derived structure: next-part links, paths, derived concept relations.
    await syncNextPartLinks(tx, challenge.id, changes);
    if (content.shape === "repository") {
      for (const path of content.paths) await syncPath(tx, challenge.id, path, changes, false);
      await syncPath(tx, challenge.id, chronological([...existing.keys()]), changes, false);
    }
    await syncDerivedRelations(tx, challenge.id, changes);
    if (content.shape === "repository") await syncChallengeFiles(tx, challenge.id, content.files, changes);
    return bumpVersion(tx, changes);
  }, TX_OPTIONS);

  return {
    days: new Set([...content.index.map((f) => f.number), ...lessons.map((l) => l.number)]).size,
    lessons: lessons.length,
    concepts: allHits.size,
    references: new Set(lessons.flatMap((l) => l.references.map((r) => r.url))).size,
    snippets: lessons.reduce((n, l) => n + l.snippets.length, 0),
    attachments: lessons.reduce((n, l) => n + l.attachments.length, 0),
    files: content.files.length,
    skipped: content.skipped,
    changed: changes.count,
    daysWritten,
    contentVersion: version,
    warnings,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Writes the seed content in one transaction; only what differs is written. */
export async function writeSeeds(db: Database, seeds: Seeds): Promise<SeedSummary> {
  const started = performance.now();
  const changes = new Changes();
  const version = await db.prisma.$transaction(async (tx) => {
    await lockContent(tx, db);
    const c = seeds.challenge;
    const challengeData = {
      name: c.name,
      hashtag: c.hashtag,
      hashtags: json(c.hashtags),
      description: c.description,
      totalDays: c.totalDays,
      minMinutesPerDay: c.minMinutesPerDay,
      sourceUrl: c.sourceUrl ?? null,
      freezeEveryCountedDays: c.freezeEveryCountedDays,
      maxFreezesBanked: c.maxFreezesBanked,
    };
    let challenge = await tx.challenge.findUnique({ where: { slug: DEFAULT_CHALLENGE } });
    if (c.slug !== DEFAULT_CHALLENGE) challenge = await tx.challenge.findUnique({ where: { slug: c.slug } });
    if (!challenge) {
      challenge = await tx.challenge.create({ data: { slug: c.slug, ...challengeData } });
      changes.add(1);
    } else if (differs(challenge, challengeData)) {
      challenge = await tx.challenge.update({ where: { id: challenge.id }, data: challengeData });
      changes.add(1);
    }

    // Concepts by slug.
    const concepts = new Map((await tx.concept.findMany()).map((row) => [row.slug, row]));
    for (const concept of seeds.concepts) {
      const data = {
        name: concept.name,
        aliases: json(concept.aliases),
        summary: concept.summary,
        category: concept.category,
        docsUrl: concept.docsUrl ?? null,
      };
      const row = concepts.get(concept.slug);
      if (!row) {
        concepts.set(concept.slug, await tx.concept.create({ data: { slug: concept.slug, ...data } }));
        changes.add(1);
      } else if (differs(row, data)) {
        concepts.set(concept.slug, await tx.concept.update({ where: { id: row.id }, data }));
        changes.add(1);
      }
    }

    // Curated relations: exactly the seeded set.
    const idOf = (slug: string) => concepts.get(slug)!.id;
    const wanted = new Map(seeds.relations.map((r) => [`${idOf(r.from)}>${idOf(r.to)}>${r.kind}`, r]));
    const current = await tx.conceptRelation.findMany({ where: { source: "CURATED" } });
    const stale = current.filter((r) => !wanted.has(`${r.fromId}>${r.toId}>${r.kind}`)).map((r) => r.id);
    if (stale.length) changes.add(await tx.conceptRelation.deleteMany({ where: { id: { in: stale } } }));
    const have = new Set(current.map((r) => `${r.fromId}>${r.toId}>${r.kind}`));
    const missing = [...wanted.entries()]
      .filter(([key]) => !have.has(key))
      .map(([, r]) => ({ fromId: idOf(r.from), toId: idOf(r.to), kind: r.kind, source: "CURATED", weight: 1 }));
    if (missing.length) changes.add(await tx.conceptRelation.createMany({ data: missing }));

    await syncConceptDocs(tx, seeds, concepts, changes);

    // Days: the index facts and our summaries; days with an imported lesson keep their lesson facts.
    const days = new Map((await tx.day.findMany({ where: { challengeId: challenge.id } })).map((d) => [d.number, d]));
    for (const day of seeds.days) {
      const facts = factFields({
        number: day.number,
        week: day.week ?? null,
        title: day.title,
        series: day.series ?? null,
        part: day.part ?? null,
        kind: day.kind,
      });
      const row = days.get(day.number);
      if (!row) {
        days.set(day.number, await tx.day.create({ data: { ...facts, summary: day.summary, challengeId: challenge.id, number: day.number } }));
        changes.add(1);
        continue;
      }
      const data = row.hasLesson ? { summary: day.summary } : { ...facts, summary: day.summary };
      if (differs(row, data)) {
        await tx.day.update({ where: { id: row.id }, data });
        changes.add(1);
      }
    }
    for (const path of seeds.paths) await syncPath(tx, challenge.id, path, changes, true);
    await syncPath(tx, challenge.id, chronological([...days.keys()]), changes, false);
    await syncNextPartLinks(tx, challenge.id, changes);
    await syncSeededDayConcepts(tx, challenge.id, seeds, changes);
    await syncDerivedRelations(tx, challenge.id, changes);
    return bumpVersion(tx, changes);
  }, TX_OPTIONS);
  return {
    days: seeds.days.length,
    concepts: seeds.concepts.length,
    relations: seeds.relations.length,
    paths: seeds.paths.length + 1,
    changed: changes.count,
    contentVersion: version,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Counts of what the store holds. */
export interface ContentStats {
  days: number;
  lessons: number;
  concepts: number;
  relations: number;
  references: number;
  snippets: number;
  attachments: number;
  /** Repository files outside the day folders. */
  files: number;
  paths: number;
  learners: number;
  contentVersion: number;
}

/** Counts of what the store holds (content and learners). */
export async function contentStats(db: Database): Promise<ContentStats> {
  const p = db.prisma;
  const [days, lessons, concepts, relations, references, snippets, attachments, files, paths, learners, state] = await Promise.all([
    p.day.count(),
    p.day.count({ where: { hasLesson: true } }),
    p.concept.count(),
    p.conceptRelation.count(),
    p.reference.count(),
    p.snippet.count(),
    p.attachment.count(),
    p.challengeFile.count(),
    p.learningPath.count(),
    p.learner.count(),
    p.contentState.findUnique({ where: { id: 1 } }),
  ]);
  return { days, lessons, concepts, relations, references, snippets, attachments, files, paths, learners, contentVersion: state?.version ?? 0 };
}

// ---------------------------------------------------------------------------------------------

/**
 * Serializes content writers across replicas on PostgreSQL (two pods seeding an empty store at
 * once): a transaction-scoped advisory lock, released at commit or rollback. SQLite has one writer.
 */
async function lockContent(tx: Tx, db: Database): Promise<void> {
  if (db.provider === "postgres") await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock(660066)::text AS locked");
}

async function ensureChallenge(tx: Tx, name: string | undefined, changes: Changes) {
  const found = await tx.challenge.findUnique({ where: { slug: DEFAULT_CHALLENGE } });
  if (found) return found;
  changes.add(1);
  return tx.challenge.create({ data: { slug: DEFAULT_CHALLENGE, name: name || DEFAULT_CHALLENGE_NAME, hashtag: DEFAULT_CHALLENGE_NAME } });
}

function factFields(facts: DayFacts) {
  return { week: facts.week, title: facts.title, series: facts.series, part: facts.part, kind: facts.kind };
}

/** True when any field of `data` differs from the row. */
function differs(row: object, data: Record<string, unknown>): boolean {
  return Object.entries(data).some(([key, value]) => (row as Record<string, unknown>)[key] !== value);
}

/** Kubernetes kinds declared by a lesson's attachments and YAML snippets, one entry per declaration. */
function kindsOf(lesson: Lesson): string[] {
  const kinds = lesson.attachments.flatMap((a) => a.kinds);
  for (const s of lesson.snippets) if (s.language && MANIFEST_SNIPPET_LANGUAGES.has(s.language)) kinds.push(...declaredKinds(s.code).kinds);
  return kinds;
}

/**
 * Creates missing references and keeps known ones right: the kind always follows the URL (the
 * classification may have improved since), and the title follows `referenceTitle` — a curated
 * title (seeds) replaces any other; a lesson's title replaces a stored one only when that one
 * says nothing (a domain, "link").
 */
async function upsertReferences(tx: Tx, refs: Lesson["references"], changes: Changes, source: "curated" | "lesson" = "lesson"): Promise<Map<string, number>> {
  const byUrl = new Map<string, Lesson["references"][number]>();
  for (const r of refs) if (!byUrl.has(r.url)) byUrl.set(r.url, r);
  const urls = [...byUrl.keys()];
  const ids = new Map<string, number>();
  for (let i = 0; i < urls.length; i += 500) {
    const chunk = urls.slice(i, i + 500);
    const found = await tx.reference.findMany({ where: { url: { in: chunk } }, select: { id: true, url: true, title: true, kind: true } });
    for (const f of found) {
      const r = byUrl.get(f.url)!;
      const title =
        source === "curated"
          ? r.title
          : referenceTitle(f.url, [
              { source: "text", text: f.title },
              { source: "text", text: r.title },
            ]);
      if (title !== f.title || r.kind !== f.kind) {
        await tx.reference.update({ where: { id: f.id }, data: { title, kind: r.kind } });
        changes.add(1);
      }
    }
    const known = new Set(found.map((f) => f.url));
    const missing = chunk
      .filter((u) => !known.has(u))
      .map((u) => {
        const r = byUrl.get(u)!;
        return { url: r.url, title: r.title, domain: r.domain, kind: r.kind };
      });
    if (missing.length) {
      changes.add(await tx.reference.createMany({ data: missing }));
      found.push(
        ...(await tx.reference.findMany({ where: { url: { in: missing.map((m) => m.url) } }, select: { id: true, url: true, title: true, kind: true } })),
      );
    }
    for (const f of found) ids.set(f.url, f.id);
  }
  return ids;
}

/**
 * Writes the changed lesson days: each day's row (created or updated), then everything below
 * them in one statement per table for all days — the old rows of updated days deleted, the new
 * ones created in day order (so rows get the same ids as written day by day) — whatever the
 * number of days.
 */
async function writeLessonDays(
  tx: Tx,
  challengeId: number,
  records: DayRecord[],
  existing: Map<number, Day>,
  referenceIds: Map<string, number>,
  conceptIds: Map<string, number>,
  changes: Changes,
): Promise<void> {
  const updated: number[] = [];
  const written: { id: number; record: DayRecord }[] = [];
  for (const record of records) {
    const { lesson, facts } = record;
    const data = {
      ...factFields(facts),
      date: lesson.date,
      intro: lesson.intro,
      tldr: lesson.tldr,
      basedOn: json(lesson.basedOn),
      tags: json(lesson.tags),
      body: lesson.body,
      html: lesson.html,
      sourcePath: lesson.sourcePath,
      contentHash: record.hash,
      hasLesson: true,
    };
    const dayId = existing.get(record.number)?.id;
    const day =
      dayId === undefined
        ? await tx.day.create({ data: { ...data, challengeId, number: record.number }, select: DAY_FIELDS })
        : await tx.day.update({ where: { id: dayId }, data, select: DAY_FIELDS });
    if (dayId !== undefined) updated.push(dayId);
    existing.set(record.number, day);
    written.push({ id: day.id, record });
    changes.add(1);
  }
  if (updated.length) {
    const where = { dayId: { in: updated } };
    const results = await Promise.all([
      tx.dayItem.deleteMany({ where }),
      tx.toolVersion.deleteMany({ where }),
      tx.section.deleteMany({ where }),
      tx.snippet.deleteMany({ where }),
      tx.attachment.deleteMany({ where }),
      tx.manifestObject.deleteMany({ where }),
      tx.dayReference.deleteMany({ where }),
      tx.dayConcept.deleteMany({ where }),
    ]);
    results.forEach((r) => changes.add(r));
  }
  const rows = <T>(each: (id: number, record: DayRecord) => T[]) => written.flatMap(({ id, record }) => each(id, record));
  const items = rows((dayId, { lesson }) => [
    ...lesson.tasks.map((item, position) => ({ dayId, list: "TASK", position, ...item })),
    ...lesson.setup.map((item, position) => ({ dayId, list: "SETUP", position, ...item })),
    ...lesson.takeaways.map((item, position) => ({ dayId, list: "TAKEAWAY", position, ...item })),
    ...lesson.versionNotes.map((item, position) => ({ dayId, list: "VERSION_NOTE", position, ...item })),
  ]);
  const versions = rows((dayId, { lesson }) => lesson.versions.map((v, position) => ({ dayId, position, ...v })));
  const sections = rows((dayId, { lesson }) => lesson.sections.map((section, position) => ({ dayId, position, ...section })));
  const snippets = rows((dayId, { lesson }) => lesson.snippets.map(({ line: _line, ...snippet }, position) => ({ dayId, position, ...snippet })));
  const objects = rows((dayId, { lesson }) =>
    lesson.manifestObjects.map((o, position) => ({
      dayId,
      position,
      apiVersion: o.apiVersion,
      kind: o.kind,
      name: o.name,
      file: o.file,
      snippet: o.snippet,
      document: o.document,
      listItem: o.listItem,
      line: o.line,
    })),
  );
  const attachments = rows((dayId, { lesson }) => lesson.attachments.map((a) => ({ dayId, ...a })));
  const references = rows((dayId, { lesson }) =>
    lesson.references
      .filter((r) => referenceIds.has(r.url))
      .map((r, position) => ({ dayId, referenceId: referenceIds.get(r.url)!, title: r.title, position, listed: r.listed })),
  );
  const concepts = rows((dayId, { hits }) =>
    hits
      .filter((h) => conceptIds.has(h.slug))
      .map((h) => ({ dayId, conceptId: conceptIds.get(h.slug)!, mentions: h.mentions, weight: h.weight, focus: h.focus })),
  );
  const writes: Promise<{ count: number }>[] = [];
  if (items.length) writes.push(tx.dayItem.createMany({ data: items }));
  if (versions.length) writes.push(tx.toolVersion.createMany({ data: versions }));
  if (sections.length) writes.push(tx.section.createMany({ data: sections }));
  if (snippets.length) writes.push(tx.snippet.createMany({ data: snippets }));
  if (objects.length) writes.push(tx.manifestObject.createMany({ data: objects }));
  for (const chunk of byBytes(attachments)) {
    writes.push(
      tx.attachment.createMany({
        data: chunk.map((a) => ({
          dayId: a.dayId,
          name: a.name,
          mediaType: a.mediaType,
          text: a.text,
          data: a.data,
          size: a.size,
          sha256: a.sha256,
          width: a.width,
          height: a.height,
          kinds: json(a.kinds),
          apiVersions: json(a.apiVersions),
        })),
      }),
    );
  }
  if (references.length) writes.push(tx.dayReference.createMany({ data: references }));
  if (concepts.length) writes.push(tx.dayConcept.createMany({ data: concepts }));
  for (const result of await Promise.all(writes)) changes.add(result);
}

/** Most bytes of file content sent in one createMany statement. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/** Files in consecutive batches of at most MAX_BATCH_BYTES (a bigger file is a batch of its own). */
function byBytes<T extends { size: number }>(files: T[]): T[][] {
  const batches: T[][] = [];
  let bytes = Infinity;
  for (const file of files) {
    if (bytes + file.size > MAX_BATCH_BYTES) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1]!.push(file);
    bytes += file.size;
  }
  return batches;
}

/**
 * The repository's files outside the day folders, exactly: new paths created, changed
 * ones (by sha256, type or size) rewritten, vanished ones deleted. Bytes are never read back.
 */
async function syncChallengeFiles(tx: Tx, challengeId: number, files: RepositoryFile[], changes: Changes): Promise<void> {
  const current = new Map(
    (
      await tx.challengeFile.findMany({
        where: { challengeId },
        select: { id: true, path: true, mediaType: true, size: true, sha256: true, width: true, height: true },
      })
    ).map((f) => [f.path, f]),
  );
  const fields = (f: RepositoryFile) => ({
    mediaType: f.mediaType,
    text: f.text,
    data: f.data,
    size: f.size,
    sha256: f.sha256,
    width: f.width,
    height: f.height,
  });
  const missing: RepositoryFile[] = [];
  for (const file of files) {
    const row = current.get(file.path);
    current.delete(file.path);
    if (!row) missing.push(file);
    else if (differs(row, { mediaType: file.mediaType, size: file.size, sha256: file.sha256, width: file.width, height: file.height })) {
      await tx.challengeFile.update({ where: { id: row.id }, data: fields(file) });
      changes.add(1);
    }
  }
  if (current.size) changes.add(await tx.challengeFile.deleteMany({ where: { id: { in: [...current.values()].map((f) => f.id) } } }));
  for (const chunk of byBytes(missing)) {
    changes.add(await tx.challengeFile.createMany({ data: chunk.map((f) => ({ challengeId, path: f.path, ...fields(f) })) }));
  }
}

/** Each seeded concept's official docs page as a reference cited by the concept (ConceptReference), exactly. */
async function syncConceptDocs(tx: Tx, seeds: Seeds, concepts: Map<string, { id: number; name: string }>, changes: Changes): Promise<void> {
  const docs = seeds.concepts.flatMap((c) => {
    const url = c.docsUrl ? normalizeUrl(c.docsUrl) : null;
    return url ? [{ conceptId: concepts.get(c.slug)!.id, url, title: `${c.name} (official documentation)`, fragment: c.docsUrl!.includes("#") }] : [];
  });
  // Several concepts may share a page (Pod and Multi-container Pod, by its #fragment): the page's own concept names it.
  const ownPageFirst = [...docs].sort((a, b) => Number(a.fragment) - Number(b.fragment));
  const refs = ownPageFirst.map((d) => ({
    url: d.url,
    title: referenceTitle(d.url, [{ source: "curated", text: d.title }]),
    domain: domainOf(d.url),
    kind: referenceKind(d.url),
    listed: false,
  }));
  const referenceIds = await upsertReferences(tx, refs, changes, "curated");
  const wanted = new Set(docs.map((d) => `${d.conceptId}>${referenceIds.get(d.url)}`));
  const seeded = [...new Set(seeds.concepts.map((c) => concepts.get(c.slug)!.id))];
  const current = await tx.conceptReference.findMany({ where: { conceptId: { in: seeded } } });
  for (const link of current) {
    if (!wanted.has(`${link.conceptId}>${link.referenceId}`)) {
      changes.add(await tx.conceptReference.deleteMany({ where: { conceptId: link.conceptId, referenceId: link.referenceId } }));
    }
  }
  const have = new Set(current.map((l) => `${l.conceptId}>${l.referenceId}`));
  const missing = [...wanted]
    .filter((k) => !have.has(k))
    .map((k) => {
      const [conceptId, referenceId] = k.split(">").map(Number) as [number, number];
      return { conceptId, referenceId };
    });
  if (missing.length) changes.add(await tx.conceptReference.createMany({ data: missing }));
}

/** NEXT_PART links between consecutive parts of every series, exactly. */
async function syncNextPartLinks(tx: Tx, challengeId: number, changes: Changes): Promise<void> {
  const days = await tx.day.findMany({ where: { challengeId, series: { not: null }, part: { not: null } }, select: { id: true, series: true, part: true } });
  const bySeries = new Map<string, typeof days>();
  for (const d of days) bySeries.set(d.series!, [...(bySeries.get(d.series!) ?? []), d]);
  const wanted = new Set<string>();
  for (const list of bySeries.values()) {
    list.sort((a, b) => a.part! - b.part!);
    for (let i = 0; i + 1 < list.length; i++) wanted.add(`${list[i]!.id}>${list[i + 1]!.id}`);
  }
  const current = await tx.dayLink.findMany({ where: { kind: "NEXT_PART", from: { challengeId } }, select: { fromDayId: true, toDayId: true } });
  const have = new Set(current.map((l) => `${l.fromDayId}>${l.toDayId}`));
  for (const l of current) {
    if (!wanted.has(`${l.fromDayId}>${l.toDayId}`))
      changes.add(await tx.dayLink.deleteMany({ where: { fromDayId: l.fromDayId, toDayId: l.toDayId, kind: "NEXT_PART" } }));
  }
  const missing = [...wanted]
    .filter((k) => !have.has(k))
    .map((k) => {
      const [fromDayId, toDayId] = k.split(">").map(Number) as [number, number];
      return { fromDayId, toDayId, kind: "NEXT_PART" };
    });
  if (missing.length) changes.add(await tx.dayLink.createMany({ data: missing }));
}

function chronological(numbers: number[]) {
  return {
    name: "chronological",
    title: "Chronological order",
    description: "Every day in the order of the challenge.",
    days: [...numbers].sort((a, b) => a - b),
  };
}

/** Creates or updates a path; its steps are replaced only when they differ. Seeds own titles and descriptions. */
async function syncPath(
  tx: Tx,
  challengeId: number,
  path: { name: string; title: string; description: string; days: number[] },
  changes: Changes,
  ownsText: boolean,
): Promise<void> {
  const row = await tx.learningPath.findUnique({
    where: { challengeId_name: { challengeId, name: path.name } },
    include: { steps: { orderBy: { position: "asc" } } },
  });
  if (!row) {
    await tx.learningPath.create({
      data: {
        challengeId,
        name: path.name,
        title: path.title,
        description: path.description,
        steps: { createMany: { data: path.days.map((dayNumber, position) => ({ position, dayNumber })) } },
      },
    });
    changes.add(1 + path.days.length);
    return;
  }
  if (ownsText && differs(row, { title: path.title, description: path.description })) {
    await tx.learningPath.update({ where: { id: row.id }, data: { title: path.title, description: path.description } });
    changes.add(1);
  }
  const same = row.steps.length === path.days.length && row.steps.every((s, i) => s.dayNumber === path.days[i]);
  if (same) return;
  changes.add(await tx.learningPathStep.deleteMany({ where: { pathId: row.id } }));
  changes.add(await tx.learningPathStep.createMany({ data: path.days.map((dayNumber, position) => ({ pathId: row.id, position, dayNumber })) }));
}

/**
 * DERIVED RELATED relations between concepts that are a focus of the same lessons:
 * weight = number of shared lessons, evidence = their day numbers. Recomputed exactly.
 */
/**
 * A seeded day with no imported lesson still says what it is about: its concepts are
 * detected in its title (weighted as a title) and our summary (weighted as a TL;DR).
 * Days with a lesson keep the concepts their import found.
 */
async function syncSeededDayConcepts(tx: Tx, challengeId: number, seeds: Seeds, changes: Changes): Promise<void> {
  const glossary = (await tx.concept.findMany({ select: { id: true, slug: true, name: true, aliases: true } })).map((c) => ({
    ...c,
    aliases: decodeStringList(c.aliases),
  }));
  const matcher = compileGlossary(glossary);
  const conceptIds = new Map(glossary.map((c) => [c.slug, c.id]));
  const rows = await tx.day.findMany({
    where: { challengeId, hasLesson: false },
    select: { id: true, number: true, concepts: { select: { conceptId: true, mentions: true, weight: true, focus: true } } },
  });
  const seeded = new Map(seeds.days.map((d) => [d.number, d]));
  for (const row of rows) {
    const day = seeded.get(row.number);
    if (!day) continue;
    const hits = detectConcepts(matcher, { title: day.title, tldr: day.summary, tasks: [], headings: [], body: "", kinds: [] });
    const wanted = hits.map((h) => ({ dayId: row.id, conceptId: conceptIds.get(h.slug)!, mentions: h.mentions, weight: h.weight, focus: h.focus }));
    const key = (c: { conceptId: number; mentions: number; weight: number; focus: boolean }) => `${c.conceptId}:${c.mentions}:${c.weight}:${c.focus}`;
    const same = wanted.length === row.concepts.length && wanted.map(key).sort().join() === row.concepts.map(key).sort().join();
    if (same) continue;
    await tx.dayConcept.deleteMany({ where: { dayId: row.id } });
    if (wanted.length) await tx.dayConcept.createMany({ data: wanted });
    changes.add(1);
  }
}

async function syncDerivedRelations(tx: Tx, challengeId: number, changes: Changes): Promise<void> {
  const links = await tx.dayConcept.findMany({ where: { focus: true, day: { challengeId } }, select: { conceptId: true, day: { select: { number: true } } } });
  const byDay = new Map<number, number[]>();
  for (const l of links) byDay.set(l.day.number, [...(byDay.get(l.day.number) ?? []), l.conceptId]);
  const shared = new Map<string, number[]>();
  for (const [day, ids] of byDay) {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = `${sorted[i]}>${sorted[j]}`;
        shared.set(key, [...(shared.get(key) ?? []), day]);
      }
    }
  }
  const wanted = new Map([...shared].filter(([, days]) => days.length >= MIN_SHARED_DAYS).map(([k, days]) => [k, days.sort((a, b) => a - b)]));
  const current = await tx.conceptRelation.findMany({ where: { source: "DERIVED", kind: "RELATED" } });
  const stale: number[] = [];
  for (const r of current) {
    const days = wanted.get(`${r.fromId}>${r.toId}`);
    if (!days) stale.push(r.id);
    else if (r.weight !== days.length || r.evidence !== json(days)) {
      await tx.conceptRelation.update({ where: { id: r.id }, data: { weight: days.length, evidence: json(days) } });
      changes.add(1);
    }
  }
  if (stale.length) changes.add(await tx.conceptRelation.deleteMany({ where: { id: { in: stale } } }));
  const have = new Set(current.map((r) => `${r.fromId}>${r.toId}`));
  const missing = [...wanted]
    .filter(([k]) => !have.has(k))
    .map(([k, days]) => {
      const [fromId, toId] = k.split(">").map(Number) as [number, number];
      return { fromId, toId, kind: "RELATED", source: "DERIVED", weight: days.length, evidence: json(days) };
    });
  if (missing.length) changes.add(await tx.conceptRelation.createMany({ data: missing }));
}

/** Increments ContentState.version when anything changed; returns the current version. */
async function bumpVersion(tx: Tx, changes: Changes): Promise<number> {
  if (changes.count === 0) return (await tx.contentState.findUnique({ where: { id: 1 } }))?.version ?? 0;
  const state = await tx.contentState.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } } });
  return state.version;
}
