/**
 * Manifest checks: the Kubernetes objects each lesson declares (stored at import, see
 * importer/lessonManifests.ts) checked against a Kubernetes release (apiStatus.ts). The
 * objects are read once per content version; the check itself is pure and costs nothing.
 */
import type { Database } from "../../db/client.ts";
import { notFound } from "../../errors.ts";
import { cachedBatch, type ContentCache } from "../content/contentCache.ts";
import { groupByIds } from "../content/groupByIds.ts";
import { dayFilePath, dayHtmlPath } from "../content/contentBase.ts";
import type { Day, Snippet } from "../days/days.mappers.ts";
import type { DaysService } from "../days/days.service.ts";
import { declaredKinds } from "./declaredKinds.ts";
import { checkApi, DEFAULT_KUBERNETES_VERSION, kubernetesRelease, type ApiCheck } from "./apiStatus.ts";

/** A Kubernetes object a lesson declares. */
export interface ManifestObject {
  dayId: number;
  apiVersion: string;
  kind: string;
  name: string | null;
  /** Path of the attached file in the day's folder; null for a snippet. */
  file: string | null;
  /** Position of the snippet in the lesson; null for a file. */
  snippet: number | null;
  /** 1-based document of the file or snippet. */
  document: number;
  /** 1-based item inside a List; null for an object of its own. */
  listItem: number | null;
  /** 1-based line: in the file, or for a snippet in the lesson's README.md. */
  line: number;
}

/** An object with its check against one release. */
export type ManifestCheck = ManifestObject & ApiCheck;

/** The checks of one lesson. */
export interface DayManifestChecks {
  day: Day;
  /** The release checked, normalized ("1.29"). */
  kubernetesVersion: string;
  checks: ManifestCheck[];
}

/** The manifests service. */
export interface ManifestsService {
  /** Objects of each day, in lesson order (files by path, then snippets), cached per content version. */
  objectsByDayIds(ids: readonly number[]): Promise<ManifestObject[][]>;
  /** The objects checked against a release (default DEFAULT_KUBERNETES_VERSION); a bad release is a BAD_REQUEST. */
  check(objects: readonly ManifestObject[], kubernetesVersion?: string | null): { kubernetesVersion: string; checks: ManifestCheck[] };
  /** The checks of one lesson by number; a missing day is NOT_FOUND. */
  forDay(number: number, kubernetesVersion?: string | null, challenge?: string | null): Promise<DayManifestChecks>;
  /** Every kind the lessons declare, as written, cached per content version. */
  kinds(): Promise<string[]>;
}

/** Creates the manifests service. */
export function createManifestsService(db: Database, cache: ContentCache, days: DaysService): ManifestsService {
  const prisma = db.prisma;
  const objectsByDayIds = cachedBatch(cache, "manifests.objects", async (ids) => {
    const rows = await prisma.manifestObject.findMany({ where: { dayId: { in: [...ids] } }, orderBy: [{ dayId: "asc" }, { position: "asc" }] });
    return groupByIds(
      ids,
      rows,
      (r) => r.dayId,
      ({ id: _id, position: _position, ...o }) => o,
    );
  });
  const service: ManifestsService = {
    objectsByDayIds,
    check(objects, kubernetesVersion) {
      const release = kubernetesRelease(kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
      return { kubernetesVersion: release, checks: objects.map((o) => ({ ...o, ...checkApi(o.apiVersion, o.kind, release) })) };
    },
    async forDay(number, kubernetesVersion, challenge) {
      const release = kubernetesRelease(kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
      const day = await days.get(number, challenge);
      if (!day) throw notFound(`Day ${number}`);
      const [objects] = await objectsByDayIds([day.id]);
      return { day, ...service.check(objects!, release) };
    },
    kinds: () => declaredKinds(db, cache),
  };
  return service;
}

/**
 * Where an object is, as a path of this API: its attached file, or the lesson's HTML page
 * at the section of its snippet (`snippets`: the lesson's snippets, for their anchors).
 */
export function manifestObjectPath(
  dayNumber: number,
  o: Pick<ManifestObject, "file" | "snippet">,
  snippets: readonly Pick<Snippet, "position" | "anchor">[],
): string {
  if (o.file !== null) return dayFilePath(dayNumber, o.file);
  return dayHtmlPath(dayNumber, snippets.find((s) => s.position === o.snippet)?.anchor ?? null);
}

/** A check as GraphQL resolves it: with the root-relative path its `url` is built from. */
export type ManifestCheckParent = ManifestCheck & { path: string };
