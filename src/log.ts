/**
 * The one logger of a process: pino, JSON lines on stdout (or a given writer), levels
 * debug < info < warn < error and `silent` (LOG_LEVEL). Request logs (http/requestLog.ts)
 * are written by the same pino instance.
 *
 * Secrets never leave in clear: the `redact` configuration below replaces bearer tokens
 * (the Authorization header, a `?token=` query parameter, any `token`/`password`/`secret`
 * field up to two levels down) and learners' words (`note`, `learned`) with "[redacted]",
 * whatever a caller passes. Still: pass ids, routes, statuses and durations, not bodies.
 *
 * Line shape: {"level":"info","time":"2026-…Z","msg":"…", …fields}.
 */
import { pino, stdTimeFunctions, type Logger as Pino } from "pino";

/** A log level, or `silent` for none. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/** The app's logger: a message and structured fields per level (pino underneath). */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** The pino logger behind it (the request log writes through it). */
  pino: Pino;
}

/** What is never logged in clear (pino redact paths): secrets and learners' own words. */
const SECRET_KEYS = ["token", "accessToken", "refreshToken", "password", "secret", "recoveryCode", "note", "learned"];
/** pino redact paths: headers and fields that carry secrets or learners' own words. */
export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** A logger at `level` writing one JSON line per entry to `write` (default: stdout). */
export function createLogger(level: LogLevel = "info", write?: (line: string) => void): Logger {
  const destination = write ? { write: (chunk: string) => write(chunk.replace(/\n$/, "")) } : undefined;
  const p = pino(
    {
      level,
      base: null,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    destination,
  );
  const at =
    (lvl: Exclude<LogLevel, "silent">) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      p[lvl](fields, msg);
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), pino: p };
}
