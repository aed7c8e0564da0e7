/** Reference rows → API type. */

/** An external source cited by lessons or concepts. */
export interface Reference {
  id: number;
  url: string;
  title: string;
  domain: string;
  /** OFFICIAL_DOCS | BLOG | ARTICLE | REPOSITORY | VIDEO | TOOL | OTHER */
  kind: string;
}

/** Maps a Reference row to the API type. */
export function toReference(row: { id: number; url: string; title: string; domain: string; kind: string }): Reference {
  return { id: row.id, url: row.url, title: row.title, domain: row.domain, kind: row.kind };
}
