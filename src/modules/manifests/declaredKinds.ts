/**
 * The kinds of Kubernetes object the stored lessons declare, read once per content
 * version: the lesson filter `manifestKind` matches them case-insensitively. A file of its
 * own so the days and manifests services can both use it without importing each other.
 */
import type { Database } from "../../db/client.ts";
import type { ContentCache } from "../content/contentCache.ts";

/** Most distinct kinds read (the lessons declare a few dozen). */
const MAX_KINDS = 1000;

/** Every kind the lessons declare, as written, sorted; cached per content version. */
export function declaredKinds(db: Database, cache: ContentCache): Promise<string[]> {
  return cache.memo("manifests.kinds", async () =>
    (await db.prisma.manifestObject.findMany({ distinct: ["kind"], select: { kind: true }, orderBy: { kind: "asc" }, take: MAX_KINDS })).map((r) => r.kind),
  );
}

/**
 * The kind as the lessons write it, found case-insensitively ("statefulset" → "StatefulSet");
 * the input itself when no lesson declares it.
 */
export async function declaredKind(db: Database, cache: ContentCache, kind: string): Promise<string> {
  const wanted = kind.trim();
  return (await declaredKinds(db, cache)).find((k) => k.toLowerCase() === wanted.toLowerCase()) ?? wanted;
}
