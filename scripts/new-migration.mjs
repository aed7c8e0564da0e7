#!/usr/bin/env node
// Writes a new migration for every provider: the SQL that turns the schema of the
// last migration (its snapshot) into the current prisma/<provider>/schema.prisma.
// Usage: npm run migration:new -- <name>
// (`prisma migrate dev` needs a native engine; `migrate diff` works offline.)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { providers } from "./prisma-schemas.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run migration:new -- <name>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

for (const provider of Object.keys(providers)) {
  const dir = join(root, "prisma", provider, "migrations");
  const snapshot = join(dir, "schema.snapshot.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    process.execPath,
    [
      join(root, "node_modules/prisma/build/index.js"),
      "migrate",
      "diff",
      ...from,
      "--to-schema-datamodel",
      join(root, "prisma", provider, "schema.prisma"),
      "--script",
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: provider === "sqlite" ? "file::memory:" : "postgresql://postgres@127.0.0.1:5432/test" },
    },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log(`${provider}: no changes`);
    continue;
  }
  const out = join(dir, `${stamp}_${name}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "migration.sql"), sql);
  copyFileSync(join(root, "prisma", provider, "schema.prisma"), snapshot);
  if (!existsSync(join(dir, "migration_lock.toml"))) writeFileSync(join(dir, "migration_lock.toml"), `provider = "${providers[provider].provider}"\n`);
  console.log(`${provider}: wrote ${out}/migration.sql`);
}
