/**
 * Reshaping markdown for the documents we compose from stored lesson text (a lesson's
 * `.md`, a concept's, /llms-full.txt): headings nested under ours, and text put on one
 * line for a list item or a blockquote. Headings are found on the mdast tree (the
 * importer's parser, GFM), so code blocks, HTML blocks and setext headings are told
 * apart exactly; only the headings' own source is rewritten, every other byte is kept.
 */
import type { Heading } from "mdast";
import { parseMarkdown, walk } from "../../importer/markdown.ts";

/**
 * Nests every heading of `markdown` `by` levels deeper (at most level 6), written as an
 * ATX heading (`### Title`); setext headings become ATX ones, closing `#`s are dropped.
 *
 * @example
 * demoteHeadings("# Pods\n\n```sh\n# a comment\n```", 2) // "### Pods\n\n```sh\n# a comment\n```"
 */
export function demoteHeadings(markdown: string, by: number): string {
  const headings: Heading[] = [];
  walk(parseMarkdown(markdown), (node) => {
    if (node.type === "heading") headings.push(node);
  });
  let out = markdown;
  // From the last heading back, so the offsets of the earlier ones stay valid.
  for (const heading of headings.reverse()) {
    const start = heading.position?.start.offset;
    const end = heading.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const from = heading.children[0]?.position?.start.offset;
    const to = heading.children.at(-1)?.position?.end.offset;
    const text = from !== undefined && to !== undefined ? oneLine(markdown.slice(from, to)) : "";
    out = `${out.slice(0, start)}${"#".repeat(Math.min(6, heading.depth + by))}${text ? ` ${text}` : ""}${out.slice(end)}`;
  }
  return out;
}

/**
 * Inline markdown (a summary, a list item) on one line: each line break, with the
 * white space around it, becomes one space. In inline markdown a line break is a soft
 * break, which renders as a space, so the text means the same; spaces inside a line
 * (code spans) are kept.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
