/** `k8s-days seed [--json] [--dir <seeds>]`: validates and (re)loads the seed content, idempotently. */
import { resolve } from "node:path";
import { EXIT, printJson, type Command } from "../command.ts";

/** Reloads the seeds; exit 1 with every problem listed when they do not validate. */
export const seedCommand: Command = {
  name: "seed",
  summary: "Validate and load the seed content (days index, glossary, paths); idempotent",
  usage: "seed [--json] [--dir <seeds directory>]",
  help: "Writes only what differs from the store; days keep their imported lessons. Invalid seeds: every problem with file:line, exit 1.",
  options: {
    json: { type: "boolean" },
    dir: { type: "string" },
  },
  positionals: [0, 0],
  async run({ values, stdout, importer }) {
    const dir = typeof values.dir === "string" ? resolve(values.dir) : undefined;
    const summary = await (await importer()).loadSeeds(dir);
    if (values.json) printJson(stdout, summary);
    else {
      stdout.write(`Seeds: ${summary.days} days, ${summary.concepts} concepts, ${summary.relations} curated relations, ${summary.paths} paths.\n`);
      stdout.write(summary.changed === 0 ? "Nothing changed.\n" : `Changed ${summary.changed} records (content version ${summary.contentVersion}).\n`);
    }
    return EXIT.OK;
  },
};
