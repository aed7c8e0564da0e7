/**
 * The markdown toolkit of the importer: GitHub-flavoured markdown → mdast and back,
 * plain text of nodes, and a small tree walker.
 */
import type { Nodes, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown, gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown, type Options as SerializeOptions } from "mdast-util-to-markdown";
import { toString as textOf } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";

// The GFM extensions are built once, not per call: they hold no state of their own (a lesson
// calls nodesToMarkdown once per list item).
const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
const SERIALIZE_OPTIONS: SerializeOptions = { extensions: [gfmToMarkdown()], rule: "-", emphasis: "_" };

/** Parses GitHub-flavoured markdown (tables, autolinks, task lists) into an mdast tree. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, PARSE_OPTIONS);
}

/** Serializes nodes back to markdown (GFM), trimmed, in the lessons' own style: `---` rules, `_emphasis_`. */
export function nodesToMarkdown(nodes: RootContent[]): string {
  if (nodes.length === 0) return "";
  return toMarkdown({ type: "root", children: nodes }, SERIALIZE_OPTIONS).trim();
}

/** Plain text of a node, whitespace collapsed; image alt text excluded. */
export function plainText(node: Nodes | Nodes[]): string {
  const nodes = Array.isArray(node) ? node : [node];
  return nodes
    .map((n) => textOf(n, { includeImageAlt: false }))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Calls `visit` on every node below `node` (depth first), with its ancestors. */
export function walk(node: Nodes, visit: (node: Nodes, ancestors: Nodes[]) => void, ancestors: Nodes[] = []): void {
  visit(node, ancestors);
  if ("children" in node) for (const child of node.children) walk(child as Nodes, visit, [...ancestors, node]);
}

/** GitHub-style heading anchor (one definition, shared with the HTML renderer). */
export { headingAnchor as anchorOf } from "../modules/content/lessonHtml.ts";

/** First line of a node in its source file (1 when unknown). */
export function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 1;
}
