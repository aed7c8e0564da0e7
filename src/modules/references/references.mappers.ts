/** Reference rows → API type. */

/** An external source cited by lessons or concepts. */
export interface Reference {
  id: number;
  url: string;
  title: string;
  domain: string;
  /** One of REFERENCE_KINDS (./referenceKinds.ts). */
  kind: string;
}

/** A lesson citing a reference: how the lesson names it and where. */
export interface Citation {
  reference: Reference;
  /** The lesson's own title for the source: its link text, else its words around the link (see importer/referenceTitle.ts). */
  text: string;
  /** True when the lesson lists it under its "References" heading; false when it is only linked inline. */
  listed: boolean;
  /** Order of first appearance in the lesson, from 0. */
  position: number;
}

/** Maps a Reference row to the API type. */
export function toReference(row: { id: number; url: string; title: string; domain: string; kind: string }): Reference {
  return { id: row.id, url: row.url, title: row.title, domain: row.domain, kind: row.kind };
}

/** Maps a DayReference row (with its reference) to a citation. */
export function toCitation(row: {
  title: string;
  listed: boolean;
  position: number;
  reference: { id: number; url: string; title: string; domain: string; kind: string };
}): Citation {
  return { reference: toReference(row.reference), text: row.title, listed: row.listed, position: row.position };
}
