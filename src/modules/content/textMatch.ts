/**
 * Portable case-insensitive `contains`: SQLite's LIKE already folds ASCII case,
 * PostgreSQL needs `mode: "insensitive"` (which SQLite rejects).
 */
import type { Provider } from "../../db/provider.ts";

/** A Prisma string filter matching `text` anywhere, ignoring case on both databases. */
export function containsText(provider: Provider, text: string): { contains: string } {
  // The shared client type is SQLite's, which has no `mode`; PostgreSQL's client accepts it.
  return provider === "postgres" ? ({ contains: text, mode: "insensitive" } as { contains: string }) : { contains: text };
}
