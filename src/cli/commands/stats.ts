/** `k8s-days stats [--json]`: what the store holds. */
import { EXIT, printJson, type Command } from "../command.ts";

/** Prints the store's counts, as a table or with --json as one object. */
export const statsCommand: Command = {
  name: "stats",
  summary: "Print what the store holds (days, lessons, concepts, references, learners, …)",
  usage: "stats [--json]",
  help: "Counts of the store's content and learners, and the content version. Never creates a database: a missing one is an error.",
  options: { json: { type: "boolean" } },
  positionals: [0, 0],
  readsOnly: true,
  async run({ values, stdout, importer }) {
    const stats = await (await importer()).stats();
    if (values.json) printJson(stdout, stats);
    else for (const [key, value] of Object.entries(stats)) stdout.write(`${key.padEnd(15)} ${value}\n`);
    return EXIT.OK;
  },
};
