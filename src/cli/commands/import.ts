/**
 * `k8s-days import <source> [--json] [--strict]`: imports a challenge repository, a day folder or
 * a lesson file — from a path, a GitHub repository URL, a .tar.gz/.tgz/.zip URL or a git URL.
 */
import { describeSource, parseContentSource } from "../../importer/contentSource.ts";
import { EXIT, printJson, type Command } from "../command.ts";
import { summarizeWarnings } from "../../importer/warningSummary.ts";
import { downloadLine, progressBar } from "../progress.ts";

/** Imports lessons; exit 0 when anything was imported, 1 when nothing could be, 3 on warnings with --strict. */
export const importCommand: Command = {
  name: "import",
  summary: "Import a #66DaysOfK8s repository (path or URL), a day folder or one lesson file",
  usage: "import <path|url> [--json] [--strict]",
  help: [
    "SOURCE is a path, a GitHub repository URL (https://github.com/OWNER/REPO[/tree/BRANCH], downloaded",
    "as its archive), a .tar.gz/.tgz/.zip URL (one top folder holding the repository) or a git URL",
    "(ending in .git, git@…, ssh://; cloned shallow with git). Downloads are limited by",
    "IMPORT_DOWNLOAD_TIMEOUT_MS and IMPORT_MAX_DOWNLOAD_BYTES and unpacked into a temp folder, removed after.",
    "Reads the lessons (challenge/README.md table, suggested-order.md, weekNN/dayN/README.md and the files",
    "beside them) and writes them in one transaction. Unchanged days are skipped; a second run says so.",
    "Exit 0 when anything was imported, 1 when nothing could be, 3 with --strict when there were warnings",
    "(and then nothing is written).",
  ].join("\n"),
  options: {
    json: { type: "boolean" },
    strict: { type: "boolean" },
  },
  positionals: [1, 1],
  argumentNames: ["PATH_OR_URL"],
  async run({ positionals, values, stdout, stderr, deps, importer: contentImporter }) {
    const source = parseContentSource(positionals[0]!);
    const [{ config }, importer] = await Promise.all([deps(), contentImporter()]);
    const seeded = config.SEED_ON_START ? await importer.seedIfEmpty() : null;
    const tty = !values.json && stdout.isTTY;
    const download = tty && source.kind === "archive" ? downloadLine(stdout, describeSource(source)) : undefined;
    const bar = tty ? progressBar(stdout, "lessons") : undefined;
    let downloading = Boolean(download);
    const { source: path, ...result } = await importer
      .importSource(positionals[0]!, {
        strict: Boolean(values.strict),
        onDownload: download?.update,
        onProgress:
          bar &&
          ((done, total) => {
            if (downloading) download?.done();
            downloading = false;
            bar.update(done, total);
          }),
      })
      .finally(() => {
        if (downloading) download?.done();
      });
    bar?.done();
    const strictRefused = Boolean(values.strict) && result.warnings.length > 0;
    const code = strictRefused ? EXIT.WARNINGS : result.written ? EXIT.OK : EXIT.FAILURE;
    if (values.json) {
      const { written, ...summary } = result;
      printJson(stdout, { path, imported: written, seeded: seeded !== null, ...summary });
      return code;
    }
    if (seeded) stdout.write(`Loaded the seeds first: ${seeded.days} days, ${seeded.concepts} concepts.\n`);
    if (result.written) {
      stdout.write(
        `Imported ${path}: ${result.days} days (${result.lessons} lessons), ${result.concepts} concepts, ${result.references} references, ` +
          `${result.snippets} snippets, ${result.attachments} attachments, ${result.files} repository files in ${result.durationMs} ms.\n`,
      );
      if (result.skipped.length) stdout.write(`Skipped ${result.skipped.length} binary file(s) that are not images: ${result.skipped.join(", ")}\n`);
      stdout.write(
        result.changed === 0
          ? `Nothing changed: the store already holds this content (content version ${result.contentVersion}).\n`
          : `Changed ${result.changed} records in ${result.daysWritten} days (content version ${result.contentVersion}).\n`,
      );
    }
    if (result.warnings.length) {
      stderr.write(`${summarizeWarnings(result.warnings)}\n`);
      for (const w of result.warnings) stderr.write(`  ${w.file}:${w.line} ${w.message}\n`);
    }
    if (strictRefused) stderr.write("Nothing was written: --strict refuses input with warnings.\n");
    else if (!result.written) stderr.write(`Nothing could be imported from ${path}.\n`);
    return code;
  },
};
