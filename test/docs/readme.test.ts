/**
 * Docs that cannot rot: the README's configuration table, code layout and command list
 * are checked against the code, and every exported declaration of src/ carries a doc comment.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { configVariables } from "../../src/config.ts";
import { commands } from "../../src/cli/registry.ts";
import { repoRoot } from "../support/databases.ts";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");

/** The lines of the README section headed `## title`, up to the next `## ` heading. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README has a "## ${title}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe("the README", () => {
  it("lists exactly the environment variables src/config.ts reads, in its configuration table", () => {
    const rows = section("Configuration")
      .split("\n")
      .filter((l) => l.startsWith("| `"));
    const documented = new Set(rows.flatMap((row) => [...row.split("|")[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)));
    assert.deepEqual(
      [...configVariables].filter((v) => !documented.has(v)),
      [],
      "variables read by src/config.ts but missing from the README's table",
    );
    assert.deepEqual(
      [...documented].filter((v) => !configVariables.includes(v)),
      [],
      "variables in the README's table that src/config.ts does not read",
    );
  });

  it("describes every top-level part of src/ in its architecture list, and nothing that is gone", () => {
    const block = section("Architecture");
    const listed = new Set([...block.matchAll(/^ {4}(src\/[\w.]+\/?)/gm)].map((m) => m[1]!.replace(/\/$/, "")));
    const present = readdirSync(join(repoRoot, "src"), { withFileTypes: true })
      .filter((e) => e.name !== "generated" && (e.isDirectory() || e.name.endsWith(".ts")))
      .map((e) => `src/${e.name}`);
    assert.deepEqual(present.filter((p) => !listed.has(p)).sort(), [], "parts of src/ the README's architecture list does not describe");
    assert.deepEqual([...listed].filter((p) => !existsSync(join(repoRoot, p))).sort(), [], "architecture entries that no longer exist");
  });

  it("names exactly the CLI's commands", () => {
    const line = section("Architecture")
      .split("\n")
      .find((l) => l.includes("src/cli/"));
    const named = [...(line ?? "").matchAll(/(?:`k8s-days |\| )(\w+)/g)].map((m) => m[1]!);
    assert.deepEqual(named.sort(), commands.map((c) => c.name).sort(), "README's src/cli/ line vs src/cli/registry.ts");
    for (const c of commands) assert.match(readme, new RegExp(`k8s-days ${c.name}\\b`), `README shows how to run \`k8s-days ${c.name}\``);
  });
});

describe("the source", () => {
  it("gives every exported declaration a doc comment", () => {
    const dir = join(repoRoot, "src");
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts") && !f.startsWith("generated") && !f.endsWith(".generated.ts"));
    const undocumented: string[] = [];
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(join(dir, file), "utf8"), ts.ScriptTarget.ES2022, true);
      for (const statement of source.statements) {
        const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
        if (!exported || ts.getJSDocCommentsAndTags(statement).length > 0) continue;
        const name = ts.isVariableStatement(statement)
          ? statement.declarationList.declarations.map((d) => d.name.getText(source)).join(", ")
          : ((statement as ts.DeclarationStatement).name?.getText(source) ?? ts.SyntaxKind[statement.kind]);
        undocumented.push(`src/${file}: ${name}`);
      }
    }
    assert.deepEqual(undocumented, [], "exported declarations without a /** doc comment */");
  });
});
