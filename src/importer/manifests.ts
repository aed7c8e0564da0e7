/**
 * PURE: the Kubernetes `kind`s and `apiVersion`s a YAML or JSON text declares
 * (multi-document YAML included), plus media types of attached files.
 */
import { extname } from "node:path";
import { LineCounter, parseAllDocuments } from "yaml";

/** Kinds and apiVersions declared, in order, each once; errors carry their line. */
export interface DeclaredKinds {
  kinds: string[];
  apiVersions: string[];
  errors: { line: number; message: string }[];
}

/**
 * Reads the top-level `kind`/`apiVersion` of every document of a YAML (or JSON) text.
 * @example declaredKinds("kind: Pod\napiVersion: v1\n---\nkind: Service\n").kinds // ["Pod", "Service"]
 */
export function declaredKinds(text: string): DeclaredKinds {
  const lineCounter = new LineCounter();
  const kinds: string[] = [];
  const apiVersions: string[] = [];
  const errors: { line: number; message: string }[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter })) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) errors.push({ line: lineCounter.linePos(e.pos[0]).line, message: e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "") });
      continue;
    }
    const value: unknown = doc.toJS();
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!item || typeof item !== "object") continue;
      const { kind, apiVersion } = item as { kind?: unknown; apiVersion?: unknown };
      if (typeof kind === "string" && kind.trim()) kinds.push(kind.trim());
      if (typeof apiVersion === "string" && apiVersion.trim()) apiVersions.push(apiVersion.trim());
    }
  }
  return { kinds, apiVersions, errors };
}

const MEDIA_TYPES: Record<string, string> = {
  ".yaml": "application/yaml",
  ".yml": "application/yaml",
  ".json": "application/json",
  ".md": "text/markdown",
  ".sh": "text/x-shellscript",
  ".py": "text/x-python",
  ".js": "text/javascript",
  ".ts": "text/typescript",
  ".go": "text/x-go",
  ".html": "text/html",
  ".toml": "application/toml",
  ".xml": "application/xml",
  ".tf": "text/plain",
};

/** Media type of a text file by its extension (text/plain otherwise; Dockerfile included). */
export function mediaTypeOf(name: string): string {
  return MEDIA_TYPES[extname(name).toLowerCase()] ?? "text/plain";
}

/** True for YAML/JSON files, whose Kubernetes kinds are read. */
export function isManifest(name: string): boolean {
  return [".yaml", ".yml", ".json"].includes(extname(name).toLowerCase());
}
