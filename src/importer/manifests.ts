/**
 * PURE: the Kubernetes objects (apiVersion, kind, name, line) a YAML or JSON text
 * declares — multi-document YAML and the items of a `kind: List` included — plus media
 * types of attached files.
 */
import { extname } from "node:path";
import { LineCounter, parseAllDocuments } from "yaml";

/** A Kubernetes object declared in a YAML (or JSON) text: one document, or one item of a `kind: List`. */
export interface DeclaredObject {
  apiVersion: string;
  kind: string;
  /** metadata.name, when it is a string. */
  name: string | null;
  /** 1-based document of the text (`---` separated). */
  document: number;
  /** 1-based item inside a List (or a top-level YAML sequence); null for an object of its own. */
  listItem: number | null;
  /** 1-based line where the object starts. */
  line: number;
}

/** A mapping that names a kind or an apiVersion but not both: not a checkable object. */
export interface IncompleteObject {
  kind: string | null;
  apiVersion: string | null;
  line: number;
}

/** Everything a text declares; errors and incomplete objects carry their line. */
export interface DeclaredObjects {
  objects: DeclaredObject[];
  incomplete: IncompleteObject[];
  errors: { line: number; message: string }[];
}

/** Kinds and apiVersions declared, in order, one entry per declaration (concept detection counts them); errors carry their line. */
export interface DeclaredKinds {
  kinds: string[];
  apiVersions: string[];
  errors: { line: number; message: string }[];
}

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);
const isList = (kind: string | null, value: Record<string, unknown>) => kind !== null && /List$/.test(kind) && Array.isArray(value.items);

/**
 * Reads every Kubernetes object of a YAML (or JSON) text: each document, and each item of
 * a `kind: List` (or a top-level sequence) in place of the list itself. A document that does
 * not parse is an error (the other documents are still read), never a throw.
 * @example declaredObjects("apiVersion: v1\nkind: List\nitems:\n- {apiVersion: batch/v1beta1, kind: CronJob}\n").objects[0]
 * // { apiVersion: "batch/v1beta1", kind: "CronJob", name: null, document: 1, listItem: 1, line: 4 }
 */
export function declaredObjects(source: string): DeclaredObjects {
  const yaml = source.replace(/^\uFEFF/, "");
  const known = recentlyRead.get(yaml);
  if (known) return known;
  const out = readObjects(yaml);
  if (yaml.length > RECENT_TEXT_LENGTH) return out;
  recentlyRead.set(yaml, out);
  if (recentlyRead.size > RECENT_TEXTS) recentlyRead.delete(recentlyRead.keys().next().value!);
  return out;
}

/**
 * The last texts read and what they declare (shared, never changed by callers): an import reads
 * each attached manifest and YAML snippet twice — for its objects and for concept detection — and
 * YAML parsing is among its costs. Bounded (texts up to 64 KiB, the last 256), so a long-running
 * server keeps no more than a few megabytes.
 */
const recentlyRead = new Map<string, DeclaredObjects>();
const RECENT_TEXTS = 256;
const RECENT_TEXT_LENGTH = 64 * 1024;

function readObjects(source: string): DeclaredObjects {
  const lineCounter = new LineCounter();
  const out: DeclaredObjects = { objects: [], incomplete: [], errors: [] };
  const docs = parseAllDocuments(source, { lineCounter });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, i) => {
    if (doc.errors.length > 0) {
      for (const e of doc.errors)
        out.errors.push({ line: lineCounter.linePos(e.pos[0]).line, message: e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "") });
      return;
    }
    const lineAt = (node: unknown) => {
      const range = (node as { range?: [number, number, number] } | null)?.range;
      return range ? lineCounter.linePos(range[0]).line : 1;
    };
    const visit = (value: unknown, node: unknown, listItem: number | null) => {
      if (!value || typeof value !== "object" || Array.isArray(value)) return;
      const obj = value as Record<string, unknown>;
      const kind = text(obj.kind);
      const apiVersion = text(obj.apiVersion);
      if (isList(kind, obj)) {
        const items = (node as { get?: (key: string, keepScalar?: boolean) => unknown } | null)?.get?.("items", true) as { items?: unknown[] } | undefined;
        (obj.items as unknown[]).forEach((item, j) => visit(item, items?.items?.[j] ?? node, j + 1));
        return;
      }
      if (kind && apiVersion) {
        const metadata = obj.metadata as Record<string, unknown> | null | undefined;
        const name = metadata && typeof metadata === "object" ? text(metadata.name) : null;
        out.objects.push({ apiVersion, kind, name, document: i + 1, listItem, line: lineAt(node) });
      } else if (kind || apiVersion) {
        out.incomplete.push({ kind, apiVersion, line: lineAt(node) });
      }
    };
    const value: unknown = doc.toJS();
    if (Array.isArray(value)) {
      const seq = doc.contents as { items?: unknown[] } | null;
      value.forEach((item, j) => visit(item, seq?.items?.[j] ?? doc.contents, j + 1));
    } else {
      visit(value, doc.contents, null);
    }
  });
  return out;
}

/**
 * The kinds and apiVersions a YAML (or JSON) text declares, one entry per object (the items of a
 * List instead of the List itself), in order.
 * @example declaredKinds("kind: Pod\napiVersion: v1\n---\nkind: Service\n").kinds // ["Pod", "Service"]
 */
export function declaredKinds(source: string): DeclaredKinds {
  const { objects, incomplete, errors } = declaredObjects(source);
  const all = [...objects, ...incomplete].sort((a, b) => a.line - b.line);
  return {
    kinds: all.flatMap((o) => (o.kind ? [o.kind] : [])),
    apiVersions: all.flatMap((o) => (o.apiVersion ? [o.apiVersion] : [])),
    errors,
  };
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
