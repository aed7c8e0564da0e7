/**
 * `k8s-days <command> [options]`: the command line (import, seed, stats, …). Parses the
 * arguments with node:util parseArgs against the command's declared options, opens the
 * database lazily, and turns user errors into one clear line on stderr (no stack traces).
 */
import { parseArgs } from "node:util";
import { AppError } from "../errors.ts";
import { DatabaseLocationError } from "../db/sqliteFile.ts";
import { ContentSourceError } from "../importer/contentSource.ts";
import { createLogger } from "../log.ts";
import type { Deps } from "../deps.ts";
import type { ContentImporter } from "../importer/importer.service.ts";
import type { Services } from "../services.ts";
import { EXIT, type Command } from "./command.ts";
import { commands } from "./registry.ts";

function generalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: k8s-days <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `k8s-days <command> --help` for a command's options.",
    "The database is DATABASE_URL (default file:./data/k8s-days.db); it is created and migrated when needed.",
  ].join("\n");
}

function commandHelp(c: Command): string {
  const options = Object.entries(c.options).map(([name, o]) => `  --${name}${o.type === "string" ? " <value>" : ""}`);
  return [`Usage: k8s-days ${c.usage}`, "", c.help, "", "Options:", ...options, "  --help"].join("\n");
}

/** Where the CLI writes: the process's streams, or (in tests) anything that takes writes. */
export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/**
 * Runs the CLI with the given arguments on an environment (the process's by default);
 * resolves to the exit code. Tests run it in-process with their own `io` and `env`.
 * @example await main(["stats", "--json"], io, { DATABASE_URL: "file:/tmp/k8s-days.db" })
 */
export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${generalHelp()}\n`);
    return name ? EXIT.OK : EXIT.USAGE;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`k8s-days: unknown command "${name}"\n\n${generalHelp()}\n`);
    return EXIT.USAGE;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (err) {
    io.stderr.write(`k8s-days ${command.name}: ${(err as Error).message}\n\n${commandHelp(command)}\n`);
    return EXIT.USAGE;
  }
  if (parsed.values.help) {
    io.stdout.write(`${commandHelp(command)}\n`);
    return EXIT.OK;
  }
  const [min, max] = command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    io.stderr.write(`k8s-days ${command.name}: ${argumentProblem(command, parsed.positionals)}\n\nUsage: k8s-days ${command.usage}\n`);
    return EXIT.USAGE;
  }

  let deps: Promise<Deps> | undefined;
  let services: Promise<Services> | undefined;
  let importer: Promise<ContentImporter> | undefined;
  // The application is loaded only when a command needs it, so --help and usage errors start fast;
  // and only as much of it as the command needs (import, seed and stats never load the API's modules).
  const openCommandDeps = async () => {
    const [{ loadConfig }, { openDeps }] = await Promise.all([import("../config.ts"), import("../openDeps.ts")]);
    const config = loadConfig(env);
    // Logs go to stderr so stdout stays clean for --json.
    const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, (line) => io.stderr.write(`${line}\n`));
    return openDeps({ config, log, create: !command.readsOnly });
  };
  const context = {
    deps: () => (deps ??= openCommandDeps()),
    services: () => (services ??= Promise.all([context.deps(), import("../services.ts")]).then(([d, { createServices }]) => createServices(d))),
    importer: () =>
      (importer ??= Promise.all([context.deps(), import("../importer/importer.service.ts")]).then(([d, { createContentImporter }]) =>
        createContentImporter(d),
      )),
  };
  try {
    return await command.run({
      positionals: parsed.positionals,
      values: parsed.values as Record<string, string | boolean | undefined>,
      ...io,
      ...context,
    });
  } catch (err) {
    io.stderr.write(`k8s-days ${command.name}: ${await userMessage(err, env)}\n`);
    return EXIT.FAILURE;
  } finally {
    const opened = await deps?.catch(() => undefined);
    await opened?.contentVersion.stop();
    await opened?.db.close();
  }
}

/**
 * What is wrong with the positionals, naming the argument: "missing HANDLE", or
 * `unexpected argument "x"` when there are too many.
 */
export function argumentProblem(command: Pick<Command, "positionals" | "argumentNames">, positionals: readonly string[]): string {
  const [min, max] = command.positionals;
  if (positionals.length > max) return `unexpected argument ${JSON.stringify(positionals[max])}`;
  const missing = (command.argumentNames ?? []).slice(positionals.length, min);
  if (missing.length) return `missing ${missing.join(" and ")}`;
  return `expected ${min === max ? min : `${min} to ${max}`} argument(s)`;
}

/** A message for a person: known errors as they are, unknown ones without a stack unless K8S_DAYS_DEBUG is set. */
async function userMessage(err: unknown, env: NodeJS.ProcessEnv): Promise<string> {
  // Loaded here, not at the top: by now a command has loaded them anyway, and --help stays fast.
  const [{ ConfigError }, { SeedValidationError }, { MigrationError }] = await Promise.all([
    import("../config.ts"),
    import("../importer/seeds.ts"),
    import("../db/migrate.ts"),
  ]);
  const known = [AppError, SeedValidationError, ConfigError, ContentSourceError, DatabaseLocationError, MigrationError];
  if (known.some((type) => err instanceof type)) return (err as Error).message;
  if (env.K8S_DAYS_DEBUG && err instanceof Error && err.stack) return err.stack;
  // Prisma's messages start with an empty line ("\nInvalid `…` invocation"): show the first line that says something.
  const message = err instanceof Error ? err.message : String(err);
  const line =
    message
      .split("\n")
      .map((l) => l.trim())
      .find(Boolean) ?? (err instanceof Error ? err.name : "unknown error");
  return `${line} (set K8S_DAYS_DEBUG=1 for details)`;
}

if (process.argv[1] && /k8s-days(\.mjs)?$|cli[\\/]main\.[jt]s$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
