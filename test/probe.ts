import { readRepository } from "../src/importer/readRepository.ts";
import { fixturesDir } from "./support/databases.ts";
const c = await readRepository(fixturesDir(), { maxFileBytes: 5 * 1024 * 1024 });
for (const l of c.lessons) {
  console.log("DAY", l.number, JSON.stringify({ versions: l.versions, notes: l.versionNotes, setup: l.setup, tasks: l.tasks.slice(0,3), links: l.dayLinks }, null, 0));
  console.log("  imgs", (l.html.match(/<img[^>]*>/g) ?? []).join(" "));
  console.log("  body links", (l.body.match(/\]\([^)]*\)/g) ?? []).filter(x=>!x.includes("http")||x.includes("invalid")).join(" "));
}
