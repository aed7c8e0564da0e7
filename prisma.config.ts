// Prisma CLI configuration: the wasm schema engine (no engine downloads) and the
// driver adapter that matches DATABASE_URL (file: → SQLite, postgres(ql): → PostgreSQL).
// The app applies migrations itself (src/db/migrate.ts); the CLI is for diffs and status.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { postgresTarget } from "./src/db/provider.ts";

const url = process.env.DATABASE_URL ?? "file:./data/k8s-days.db";
const provider = /^postgres(ql)?:/.test(url) ? "postgres" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  async adapter() {
    if (provider === "sqlite") return new PrismaBetterSQLite3({ url });
    // The same `?schema=` handling as the app (src/db/client.ts), so `migrate status` reads the app's schema.
    const { connectionString, schema } = postgresTarget(url);
    return new PrismaPg({ connectionString, options: `-c search_path="${schema}"` }, { schema });
  },
});
