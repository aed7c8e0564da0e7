/**
 * Text the databases can store. JavaScript strings may hold a lone UTF-16
 * surrogate (from `"\ud800"` in JSON), which has no UTF-8 encoding — Prisma
 * refuses to send it, on SQLite and PostgreSQL alike — and PostgreSQL refuses
 * NUL (U+0000) in text. No lesson, name or note needs either, so both are
 * refused as input everywhere, whatever the provider, with the field named:
 * REST answers 422 (400 for a path or query parameter), GraphQL BAD_USER_INPUT,
 * MCP a VALIDATION_FAILED tool error. Each transport runs `unstorableTextIssues`
 * over its whole input (see rest/route.ts, graphql/storableInput.ts, mcp/tool.ts),
 * so reads that would send such text to the database are refused too.
 */
import type { FieldIssue } from "./errors.ts";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why the database cannot store `text`, or undefined when it can. */
export function unstorableReason(text: string): string | undefined {
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return `contains a lone UTF-16 surrogate (U+${lone[0].charCodeAt(0).toString(16).toUpperCase()}) at index ${lone.index}, which is not Unicode text`;
  const nul = text.indexOf("\u0000");
  if (nul !== -1) return `contains a NUL character (U+0000) at index ${nul}`;
  return undefined;
}

/** Object keys and array items deeper than this are not inspected (inputs are far shallower). */
const MAX_DEPTH = 32;

/**
 * One issue per string in `value` (walked through arrays and plain objects, keys
 * included) that the database cannot store, with its path under `path`.
 *
 * @example
 * unstorableTextIssues({ learned: "a\ud800" })
 * // → [{ path: ["learned"], message: "contains a lone UTF-16 surrogate (U+D800) at index 1, …" }]
 */
export function unstorableTextIssues(value: unknown, path: (string | number)[] = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const walk = (v: unknown, at: (string | number)[], depth: number) => {
    if (typeof v === "string") {
      const reason = unstorableReason(v);
      if (reason) issues.push({ path: at, message: reason });
    } else if (Array.isArray(v)) {
      if (depth < MAX_DEPTH) v.forEach((item, i) => walk(item, [...at, i], depth + 1));
    } else if (v !== null && typeof v === "object" && !(v instanceof Date) && !Buffer.isBuffer(v)) {
      if (depth >= MAX_DEPTH) return;
      for (const [k, item] of Object.entries(v)) {
        const reason = unstorableReason(k);
        if (reason) issues.push({ path: [...at, k], message: `key ${reason}` });
        walk(item, [...at, k], depth + 1);
      }
    }
  };
  walk(value, path, 0);
  return issues;
}

/** "displayName contains a lone …; note contains …": the issues as one sentence for a message. */
export const describeIssues = (issues: FieldIssue[]) => issues.map((i) => `${i.path.join(".") || "(input)"} ${i.message}`).join("; ");
