/**
 * PURE: every Kubernetes object a lesson declares — in its attached manifests (by path),
 * then in its YAML snippets (in lesson order) — with warnings for snippets that are not
 * YAML and for objects that name a kind without an apiVersion (or the reverse), which
 * cannot be checked. Invalid attached files are warned about where they are read
 * (readRepository.ts), so they are not warned about twice.
 */
import type { ImportWarning, Lesson, LessonManifestObject } from "./lesson.ts";
import { declaredObjects, isManifest, type IncompleteObject } from "./manifests.ts";

/** Fence languages whose snippets are read as manifests. */
export const MANIFEST_SNIPPET_LANGUAGES: ReadonlySet<string> = new Set(["yaml", "yml"]);

/** The objects of a lesson's files and snippets, in order, and what could not be read. */
export function lessonManifestObjects(
  lesson: Pick<Lesson, "sourcePath" | "attachments" | "snippets">,
  folder: string | null,
): { objects: LessonManifestObject[]; warnings: ImportWarning[] } {
  const objects: LessonManifestObject[] = [];
  const warnings: ImportWarning[] = [];
  const incomplete = (file: string, o: IncompleteObject, line: number) =>
    warnings.push({
      file,
      line,
      message: `manifest object without ${o.apiVersion ? "kind" : "apiVersion"} (${o.kind ? `kind ${o.kind}` : `apiVersion ${o.apiVersion}`}): not checked against API removals`,
    });

  for (const a of lesson.attachments) {
    if (a.data !== null || !isManifest(a.name)) continue;
    const found = declaredObjects(a.text);
    const shown = folder ? `${folder}/${a.name}` : a.name;
    for (const o of found.objects) objects.push({ ...o, file: a.name, snippet: null });
    for (const o of found.incomplete) incomplete(shown, o, o.line);
  }
  lesson.snippets.forEach((s, index) => {
    if (!s.language || !MANIFEST_SNIPPET_LANGUAGES.has(s.language)) return;
    const found = declaredObjects(s.code);
    // Lines inside a snippet become lines of the lesson file (the code starts below its fence).
    const at = (line: number) => s.line + line;
    for (const o of found.objects) objects.push({ ...o, line: at(o.line), file: null, snippet: index });
    for (const o of found.incomplete) incomplete(lesson.sourcePath, o, at(o.line));
    for (const e of found.errors) warnings.push({ file: lesson.sourcePath, line: at(e.line), message: `invalid YAML in a snippet: ${e.message}` });
  });
  return { objects, warnings };
}
