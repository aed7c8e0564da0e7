/**
 * Lesson markdown (an mdast tree) → sanitized HTML for frontends, on the unified
 * syntax trees: mdast → hast (mdast-util-to-hast), raw HTML of the source parsed into
 * the tree (hast-util-raw), GitHub's sanitizing schema (hast-util-sanitize: no script,
 * no event handlers, no `javascript:` URLs, ids prefixed `user-content-`), then our own
 * trusted additions: GitHub-style heading ids and absolute URLs in raw `<img>`/`<a>`.
 * Code blocks keep their language as `class="language-…"`.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import { raw } from "hast-util-raw";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import type { Root, RootContent } from "mdast";
import { toHast } from "mdast-util-to-hast";

/** GitHub's schema; code keeps `language-*` classes, and images their size attributes. */
const schema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), "width", "height", "loading"],
  },
};

/** Rewrites a URL found in the source's raw HTML; null leaves it as written. */
export type UrlRewriter = (url: string) => string | null;

/**
 * Renders markdown nodes as one sanitized HTML fragment.
 * @example markdownToHtml(parseMarkdown("## Pods\n\n```yaml\nkind: Pod\n```").children)
 *   // '<h2 id="pods">Pods</h2>\n<pre><code class="language-yaml">kind: Pod\n</code></pre>'
 */
export function markdownToHtml(nodes: RootContent[], rewriteUrl?: UrlRewriter): string {
  if (nodes.length === 0) return "";
  const mdast: Root = { type: "root", children: nodes };
  const hast = raw(toHast(mdast, { allowDangerousHtml: true }) as HastRoot) as HastRoot;
  const clean = sanitize(hast, schema) as HastRoot;
  decorate(clean, rewriteUrl);
  return toHtml(clean).trim();
}

/** Heading ids (GitHub's anchors, de-duplicated with -1, -2…), lazy images, rewritten raw URLs. */
function decorate(tree: HastRoot, rewriteUrl: UrlRewriter | undefined): void {
  const used = new Map<string, number>();
  const visit = (node: HastRoot | HastContent | ElementContent) => {
    if (node.type === "element") {
      if (/^h[1-6]$/.test(node.tagName)) {
        const base = headingAnchor(textOf(node));
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        node.properties.id = n === 0 ? base : `${base}-${n}`;
      }
      if (node.tagName === "img") node.properties.loading = "lazy";
      if (rewriteUrl) {
        for (const attr of ["src", "href"] as const) {
          const value = node.properties[attr];
          if (typeof value === "string") {
            const next = rewriteUrl(value);
            if (next !== null) node.properties[attr] = next;
          }
        }
      }
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/** GitHub-style heading anchor: lowercase, punctuation dropped, spaces → hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}
