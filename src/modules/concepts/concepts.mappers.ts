/** Concept rows → API type (aliases decoded once here). */
import { decodeStringList } from "../content/jsonText.ts";

/** A Kubernetes concept of the glossary. */
export interface Concept {
  id: number;
  slug: string;
  name: string;
  aliases: string[];
  summary: string;
  category: string;
  docsUrl: string | null;
}

/** Maps a Concept row to the API type. */
export function toConcept(row: {
  id: number;
  slug: string;
  name: string;
  aliases: string;
  summary: string;
  category: string;
  docsUrl: string | null;
}): Concept {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    aliases: decodeStringList(row.aliases),
    summary: row.summary,
    category: row.category,
    docsUrl: row.docsUrl,
  };
}
