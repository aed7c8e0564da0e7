#!/usr/bin/env node
// Derives the provider-specific Prisma schemas from prisma/models.prisma.
//   --write  writes prisma/<provider>/schema.prisma
//   --check  exits 1 when a committed schema differs from what would be written
//   --generate  runs `prisma generate` for every provider (install step; offline)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const providers = {
  sqlite: { provider: "sqlite" },
  postgres: { provider: "postgresql" },
};

/** The full schema text for one provider. */
export function schemaFor(name) {
  const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
  const { provider } = providers[name];
  const header = `// GENERATED from prisma/models.prisma by scripts/prisma-schemas.mjs — do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../src/generated/${name}"
  engineType   = "client"
  moduleFormat = "esm"
}

datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}

`;
  return header + models;
}

/** Runs `prisma generate` for one provider. DATABASE_URL must be set, or Prisma
 * cannot read the generator block and falls back to downloading a native engine. */
export function generate(name) {
  const url = name === "sqlite" ? "file:./data/generate.db" : "postgresql://localhost/generate";
  execFileSync(process.execPath, [join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", `prisma/${name}/schema.prisma`], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

const args = process.argv.slice(2);
const mode = args.find((a) => a === "--write" || a === "--check");
if (mode) {
  let drift = false;
  for (const name of Object.keys(providers)) {
    const file = join(root, "prisma", name, "schema.prisma");
    const want = schemaFor(name);
    if (mode === "--write") {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, want);
    } else {
      let have = "";
      try {
        have = readFileSync(file, "utf8");
      } catch {}
      if (have !== want) {
        drift = true;
        console.error(`${file} differs from prisma/models.prisma; run: node scripts/prisma-schemas.mjs --write`);
      }
    }
  }
  if (drift) process.exit(1);
}
if (args.includes("--generate")) for (const name of Object.keys(providers)) generate(name);
