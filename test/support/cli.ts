/**
 * The k8s-days command line for tests: `runCli` runs `main` in this process (no start-up
 * cost, own streams and environment), `spawnCli` runs `bin/k8s-days.mjs` as a real process
 * for the few checks that need one (exit codes of the process, the bin script itself).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";
import { repoRoot } from "./databases.ts";

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment every test run starts from: no seeds, no content download, quiet logs. */
const quiet = { SEED_ON_START: "false", CONTENT_SOURCE: "none", LOG_LEVEL: "warn" };

/** A stream that keeps what is written to it (not a terminal, so no progress lines). */
function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = {
    isTTY: false,
    write: (chunk: string | Uint8Array) => {
      text += String(chunk);
      return true;
    },
  };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

/** Runs `k8s-days …args` in this process on DATABASE_URL `url`, with `env` over the process's environment. */
export async function runCli(url: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const stdout = capture();
  const stderr = capture();
  const code = await main(args, { stdout: stdout.stream, stderr: stderr.stream }, { ...process.env, ...quiet, DATABASE_URL: url, ...env });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs `node bin/k8s-days.mjs …args` as a child process on DATABASE_URL `url`. */
export function spawnCli(url: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/k8s-days.mjs"), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...quiet, DATABASE_URL: url, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
