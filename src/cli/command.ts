/**
 * The shape of a k8s-days CLI command: one file per command under commands/, listed in
 * registry.ts. A command parses nothing itself: main.ts runs node:util parseArgs with its
 * options and hands over the values.
 */
import type { ParseArgsConfig } from "node:util";
import type { Deps } from "../deps.ts";
import type { ContentImporter } from "../importer/importer.service.ts";
import type { Services } from "../services.ts";

/** Exit codes shared by all commands. */
export const EXIT = {
  OK: 0,
  /** The command could not do its work (nothing importable, invalid seeds, bad path). */
  FAILURE: 1,
  /** Wrong arguments. */
  USAGE: 2,
  /** --strict and the input had warnings. */
  WARNINGS: 3,
} as const;

/** Where a command writes and what it was given. */
export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Opens the database (created unless the command only reads, and migrated, when needed) and builds the services; closed by main. */
  services(): Promise<Services>;
  /** What the services are built from (the database opened as for services()), without building any. */
  deps(): Promise<Deps>;
  /**
   * The content importer alone, on deps(): what import, seed and stats need. It loads only the
   * importer's modules, not the whole API's, so those commands start fast.
   */
  importer(): Promise<ContentImporter>;
}

/** One CLI command. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Usage line, e.g. "import <path> [--json] [--strict]". */
  usage: string;
  /** Longer help shown by `k8s-days <command> --help`. */
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** How many positionals it takes: [min, max]. */
  positionals: [number, number];
  /** Names of the positionals in order, e.g. ["ACTION", "HANDLE"]: a missing one is named ("missing HANDLE"). */
  argumentNames?: string[];
  /** Only reads the store: the database is never created (a missing one is an error). */
  readsOnly?: boolean;
  run(ctx: CommandContext): Promise<number>;
}

/** Writes one JSON object on its own line. */
export function printJson(out: NodeJS.WriteStream, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}
