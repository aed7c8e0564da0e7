/** Which database a URL names: `file:` → SQLite, `postgres://`/`postgresql://` → PostgreSQL. */
export type Provider = "sqlite" | "postgres";

/** The provider a DATABASE_URL names; anything else is an error. */
export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: or postgres(ql)://, got ${JSON.stringify(url.slice(0, 20))}`);
}

/** Filesystem path of a SQLite `file:` URL (query parameters dropped). */
export function sqlitePath(url: string): string {
  return url.replace(/^file:(\/\/)?/, "").replace(/\?.*$/, "");
}

/** Connection string without Prisma's `schema` parameter, and that schema (default "public"). */
export function postgresTarget(url: string): { connectionString: string; schema: string } {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? "public";
  u.searchParams.delete("schema");
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`DATABASE_URL: schema ${JSON.stringify(schema)} is not a plain identifier`);
  return { connectionString: u.toString(), schema };
}
