/**
 * The closed set of reference kinds: what sort of source a cited URL is. The importer
 * classifies every URL into exactly one of these (src/importer/references.ts), and the
 * REST, GraphQL and MCP descriptions are written from this one constant (a test keeps the
 * GraphQL SDL's wording in step, since SDL files are static text).
 */

/** Every reference kind, with what it means; the order is the order documentation lists them in. */
export const REFERENCE_KINDS = {
  OFFICIAL_DOCS: "Kubernetes' own documentation and site (kubernetes.io, k8s.io), except its blog",
  DOCUMENTATION:
    "documentation or home page of another project or vendor (Helm, Grafana Loki, Lens, Multipass, Docker docs, a cloud provider's docs, readthedocs, …)",
  BLOG: "a blog post (the Kubernetes blog, Medium, dev.to, a company blog, any /blog/ path)",
  ARTICLE: "an article, tutorial or news page that is none of the above",
  REPOSITORY: "a source repository or one of its pages (GitHub, GitLab, Bitbucket)",
  VIDEO: "a video or terminal recording (YouTube, Vimeo, asciinema)",
} as const;

/** One reference kind. */
export type ReferenceKind = keyof typeof REFERENCE_KINDS;

/** The kind names, in documentation order. */
export const REFERENCE_KIND_NAMES = Object.keys(REFERENCE_KINDS) as [ReferenceKind, ...ReferenceKind[]];

/**
 * The kinds as one line for API descriptions.
 * @example referenceKindsList() // "OFFICIAL_DOCS, DOCUMENTATION, BLOG, ARTICLE, REPOSITORY or VIDEO"
 */
export function referenceKindsList(): string {
  return `${REFERENCE_KIND_NAMES.slice(0, -1).join(", ")} or ${REFERENCE_KIND_NAMES.at(-1)}`;
}

/**
 * The kinds with their meanings, for longer descriptions (OpenAPI, MCP).
 * @example referenceKindsExplained().startsWith("OFFICIAL_DOCS: Kubernetes' own documentation") // true
 */
export function referenceKindsExplained(): string {
  return REFERENCE_KIND_NAMES.map((k) => `${k}: ${REFERENCE_KINDS[k]}`).join("; ");
}
