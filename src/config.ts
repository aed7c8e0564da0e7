/**
 * The only reader of process.env. Validated once at start; a bad value fails fast
 * with the variable's name and the reason.
 */
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => ["true", "1", "yes"].includes(v));
const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

const schema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/k8s-days.db")
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Load the seed content when the store holds no days (first start). */
  SEED_ON_START: bool.default(true),
  /** Anyone may register with POST /api/v1/learners. */
  OPEN_REGISTRATION: bool.default(true),
  /** Days in the past a learner may still log (1 = yesterday). */
  LOG_GRACE_DAYS: z.coerce.number().int().min(0).max(30).default(1),
  /** Origins allowed to send credentials (CORS); reads are open to any origin. */
  CORS_ORIGINS: list.default([]),
  GRAPHQL_INTROSPECTION: bool.default(true),
  /** Automatic persisted queries (bounded in-memory cache per replica; turn off or share a cache with several replicas). */
  GRAPHQL_APQ: bool.default(true),
  /** Deepest field nesting a GraphQL operation may have (introspection counts; the IDE's introspection query is 15 deep). */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(15),
  /** Most aliases a GraphQL operation may use. */
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  /** Highest estimated cost (fields × page sizes) of a GraphQL operation: the IDE's introspection query costs about 52,000 and 66 days with their concepts, references and related concepts about 95,000 (see bench/worstOperations.ts). */
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).default(100_000),
  /** Most lexical tokens a GraphQL document may have. */
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(3_000),
  /** Hosts accepted by the MCP endpoint's Host-header check (DNS-rebinding protection). */
  MCP_ALLOWED_HOSTS: list.default(["localhost", "127.0.0.1", "[::1]"]),
  /**
   * Absolute base URL of this API as clients reach it (https://k8s-days.example), for the
   * links MCP tools and /llms.txt cite. Unset: MCP over HTTP uses the request's origin,
   * stdio uses http://HOST:PORT, and /llms.txt links are root-relative.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
  /** Express `trust proxy` setting, for client IPs behind a load balancer. */
  TRUST_PROXY: z.string().default("false"),
  /** Token of a learner for the stdio MCP server (`k8s-days mcp`). */
  K8S_DAYS_TOKEN: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** How often each replica re-reads the content version (cache invalidation after another replica's import). */
  CONTENT_VERSION_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** Largest file (attachment, image, repository file) an import keeps; larger ones are skipped with a warning. */
  IMPORT_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(5 * 1024 * 1024),
  /**
   * Where the lessons come from when the store has none at start (imported in the background
   * while the seeds serve): a GitHub repository, .tar.gz/.zip or git URL, or a path; `none` turns it off.
   */
  CONTENT_SOURCE: z.string().min(1).default("https://github.com/jp-chl/66DaysOfK8s"),
  /** Time limit of downloading (or cloning) a remote content source, in milliseconds. */
  IMPORT_DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  /** Largest archive a remote content source may download, and unpack to, in bytes. */
  IMPORT_MAX_DOWNLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024 * 1024),
  /** Keep a response cache of public content in memory (before Express). */
  RESPONSE_CACHE: bool.default(true),
  /** After SIGTERM's grace, how long open connections may take to finish before all are closed. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** After SIGTERM, how long the server keeps accepting (answering with `Connection: close`) while load balancers notice it is not ready. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(5_000),
  /** Time a connection has to deliver a request's complete headers (idle and trickling clients are cut off). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Time a request (headers and body) may take to arrive. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Idle time after which a kept-alive connection is closed. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** Most sockets open at once; more are closed as they arrive. */
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(1_000),
  /**
   * Requests per window per client (a verified token's learner, else the address) on every
   * path but the probes and /metrics, counted before the response cache; 0 turns every limit off.
   */
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(600),
  /** Rate-limit window in milliseconds. */
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Sign-ups (POST /api/v1/learners and GraphQL register, one budget) per window per client address. */
  RATE_LIMIT_SIGNUP_MAX: z.coerce.number().int().min(1).default(20),
  /** Sign-up window in milliseconds (an hour). */
  RATE_LIMIT_SIGNUP_WINDOW_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /** Redis shared by the replicas for the rate-limit counters (redis:// or rediss://); unset: memory of each replica. */
  RATE_LIMIT_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .optional(),
  /** Serve Prometheus metrics at GET /metrics (false: /metrics is a 404). */
  METRICS: bool.default(true),
  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Prefix of the rate-limit keys in that Redis. */
  RATE_LIMIT_REDIS_PREFIX: z.string().min(1).default("k8s-days:rl:"),
});

/** Every environment variable the configuration reads, in declaration order (the README's configuration table lists exactly these). */
export const configVariables: readonly string[] = Object.keys(schema.shape);

/** Validated configuration of the process. */
export type Config = z.infer<typeof schema>;

/** Error naming every bad variable, e.g. `PORT: expected number, received NaN`. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, ...overrides };
}
