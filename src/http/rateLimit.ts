/**
 * Rate limiting of every transport (express-rate-limit 8), run in front of the
 * response cache so that answers served from memory count too.
 *
 * - **General limit** (`RATE_LIMIT_MAX` per `RATE_LIMIT_WINDOW_MS`, default 600 a minute):
 *   every request except the probes (`/healthz`, `/livez`, `/readyz`) and `/metrics` —
 *   so `/api/v1`, `/graphql`, `/mcp`, `/llms*.txt` and anything else.
 * - **Sign-up limit** (`RATE_LIMIT_SIGNUP_MAX` per `RATE_LIMIT_SIGNUP_WINDOW_MS`, default
 *   20 an hour) per client address, one budget shared by `POST /api/v1/learners` and each
 *   GraphQL `register` field.
 *
 * Keys: a request without `Authorization` counts against its address (`ip:`, IPv6 grouped
 * by /56, after `TRUST_PROXY`). A request with a bearer token has the token checked first
 * (the same check the transports use, done once per request): a verified token counts
 * against its learner (`learner:<id>`), anything else against the address — a made-up
 * bearer string never earns a bucket of its own.
 *
 * Store: memory (per replica) unless `RATE_LIMIT_REDIS_URL` names a Redis shared by the
 * replicas (rate-limit-redis over ioredis, keys under `RATE_LIMIT_REDIS_PREFIX`). When that
 * Redis does not answer, limits **fail open**: requests are served unlimited and one warning
 * is logged (another when it answers again) — an outage of the limiter's store must not
 * take the API down with it.
 *
 * Over a limit: HTTP 429 with `Retry-After`, as problem+json on REST and text routes, a
 * GraphQL error (`RATE_LIMITED`) on /graphql and a JSON-RPC error on /mcp. Every counted
 * response carries the IETF draft-8 `RateLimit` and `RateLimit-Policy` headers.
 * `RATE_LIMIT_MAX=0` turns every limit off (sign-ups included).
 */
import express, { type Request, type Response } from "express";
import { ipKeyGenerator, MemoryStore, rateLimit, type Options, type Store, type IncrementResponse, type ClientRateLimitInfo } from "express-rate-limit";
import { Redis } from "ioredis";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import type { IncomingMessage, RequestListener } from "node:http";
import type { Config } from "../config.ts";
import { AppError } from "../errors.ts";
import type { Logger } from "../log.ts";
import type { Viewer } from "../modules/learners/learners.types.ts";
import { problemOf, sendProblem } from "./problem.ts";

/** Paths never limited: the probes (an orchestrator must always reach them) and the metrics scrape. */
const UNLIMITED_PATH = /^\/(healthz|livez|readyz|metrics)\/?$/i;

/**
 * Paths that create a learner or trade a secret for a token (besides their GraphQL
 * mutations), sharing the sign-up budget: registration, recovery codes and device codes.
 */
export const SIGNUP_PATHS = ["/api/v1/learners", "/api/v1/sessions", "/api/v1/device-codes/exchange"];

/** What rate limiting needs from the rest of the app. */
export interface RateLimitDeps {
  config: Pick<
    Config,
    | "RATE_LIMIT_MAX"
    | "RATE_LIMIT_WINDOW_MS"
    | "RATE_LIMIT_SIGNUP_MAX"
    | "RATE_LIMIT_SIGNUP_WINDOW_MS"
    | "RATE_LIMIT_REDIS_URL"
    | "RATE_LIMIT_REDIS_PREFIX"
    | "TRUST_PROXY"
  >;
  log: Logger;
  /** The learner of a request's bearer token (null when anonymous; rejects on a bad token). */
  viewerOf(req: IncomingMessage): Promise<Viewer | null>;
  /** Express `trust proxy` value, for client addresses behind a load balancer. */
  trustProxy: boolean | number | string;
  /** Told of every refused request: `api` (the general limit) or `signup`. */
  onRejected?(limit: "api" | "signup"): void;
}

/** The verdict on a client's sign-ups. */
export type SignupVerdict = { allowed: true } | { allowed: false; retryAfter: number; limit: number; windowMs: number };

/** Rate limiting of one app. */
export interface RateLimits {
  /** Wraps what the server runs (the response cache or the app): limited requests are answered 429 before it. */
  front(next: RequestListener): RequestListener;
  /**
   * Counts `count` sign-ups of the client at `address` (GraphQL `register`, one per field);
   * `allowed: false` once over the sign-up limit.
   */
  signup(address: string, count: number): Promise<SignupVerdict>;
  /** Closes the shared store's connection. */
  close(): Promise<void>;
}

/** The bucket of an address: `ip:<address>`, IPv6 grouped by /56. */
export const addressKey = (address: string | undefined) => `ip:${ipKeyGenerator(address ?? "unknown")}`;

/** Rate limiting as configured; every limit off when `RATE_LIMIT_MAX` is 0. */
export async function createRateLimits(deps: RateLimitDeps): Promise<RateLimits> {
  const { config, log } = deps;
  if (config.RATE_LIMIT_MAX <= 0) {
    return { front: (next) => next, signup: async () => ({ allowed: true }), close: async () => {} };
  }
  const shared = config.RATE_LIMIT_REDIS_URL ? await connectRedis(config.RATE_LIMIT_REDIS_URL, log) : null;
  const storeFor = (name: string): Store =>
    shared
      ? new FailOpenStore(
          new RedisStore({
            prefix: `${config.RATE_LIMIT_REDIS_PREFIX}${name}:`,
            sendCommand: (command: string, ...args: string[]) => shared.call(command, ...args) as Promise<RedisReply>,
          }),
          log,
        )
      : new MemoryStore();
  const generalStore = storeFor("all");
  const signupStore = storeFor("signup");
  const report = (error: unknown, message?: string) => {
    // Store failures are reported once by FailOpenStore; anything else is a misconfiguration.
    if (!(typeof message === "string" && message.includes("error from store"))) log.warn("rate limiter", { error: String(error), message });
  };
  const quiet = { warn: report, error: report };
  // The keys go through addressKey, which applies ipKeyGenerator (IPv6 by /56); the library's
  // heuristic cannot see that through the helper and would warn at every start.
  const common = {
    standardHeaders: "draft-8",
    legacyHeaders: false,
    passOnStoreError: true,
    logger: quiet,
    handler: (req: Request, res: Response, next: unknown, opts: Options) => {
      deps.onRejected?.(opts.identifier === "signup" ? "signup" : "api");
      tooMany(req, res, next, opts);
    },
    validate: { keyGeneratorIpFallback: false },
  } satisfies Partial<Options>;

  const general = rateLimit({
    ...common,
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    limit: config.RATE_LIMIT_MAX,
    identifier: "api",
    store: generalStore,
    skip: (req) => UNLIMITED_PATH.test(req.path),
    keyGenerator: async (req) => {
      if (req.headers.authorization !== undefined) {
        const viewer = await deps.viewerOf(req).catch(() => null);
        if (viewer) return `learner:${viewer.id}`;
      }
      return addressKey(req.ip);
    },
  });
  const signups = rateLimit({
    ...common,
    windowMs: config.RATE_LIMIT_SIGNUP_WINDOW_MS,
    limit: config.RATE_LIMIT_SIGNUP_MAX,
    identifier: "signup",
    store: signupStore,
    keyGenerator: (req) => addressKey(req.ip),
  });

  return {
    front: (next) => {
      const edge = express();
      edge.disable("x-powered-by");
      edge.set("trust proxy", deps.trustProxy);
      edge.use(general);
      edge.post(SIGNUP_PATHS, signups);
      edge.use((req, res) => next(req, res));
      return edge as unknown as RequestListener;
    },
    signup: async (address, count) => {
      let hits = 0;
      let resetTime: Date | undefined;
      try {
        for (let i = 0; i < count; i++) ({ totalHits: hits, resetTime } = await signupStore.increment(addressKey(address)));
      } catch {
        return { allowed: true };
      }
      if (hits <= config.RATE_LIMIT_SIGNUP_MAX) return { allowed: true };
      deps.onRejected?.("signup");
      const retryAfter = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + config.RATE_LIMIT_SIGNUP_WINDOW_MS) - Date.now()) / 1000));
      return { allowed: false, retryAfter, limit: config.RATE_LIMIT_SIGNUP_MAX, windowMs: config.RATE_LIMIT_SIGNUP_WINDOW_MS };
    },
    close: async () => {
      for (const store of [generalStore, signupStore]) if (store instanceof MemoryStore) store.shutdown();
      if (shared) await shared.quit().catch(() => shared.disconnect());
    },
  };
}

/** The message of a refused request. */
export const tooManyMessage = (limit: number, windowMs: number, retryAfter: number) =>
  `Too many requests: at most ${limit} per ${Math.round(windowMs / 1000)} s; retry in ${retryAfter} s`;

/** Answers a limited request in its transport's error shape. */
function tooMany(req: Request, res: Response, _next: unknown, opts: Options): void {
  const retryAfter = Number(res.getHeader("retry-after") ?? Math.ceil(opts.windowMs / 1000));
  const message = tooManyMessage(Number(opts.limit), opts.windowMs, retryAfter);
  res.set("Cache-Control", "no-store");
  if (/^\/graphql(\/|$)/i.test(req.path)) {
    const json = req.accepts(["application/graphql-response+json", "application/json"]) === "application/json";
    res
      .status(429)
      .type(json ? "application/json; charset=utf-8" : "application/graphql-response+json; charset=utf-8")
      .send(JSON.stringify({ errors: [{ message, extensions: { code: "RATE_LIMITED", retryAfter } }] }));
    return;
  }
  if (/^\/mcp(\/|$)/i.test(req.path)) {
    res.status(429).json({ jsonrpc: "2.0", error: { code: -32000, message }, id: null });
    return;
  }
  sendProblem(res, problemOf(new AppError("RATE_LIMITED", message, { retryAfter }), req.originalUrl));
}

/** Connects to the shared Redis; gives up waiting after 2 s (limits then fail open until it answers). */
async function connectRedis(url: string, log: Logger): Promise<Redis> {
  const client = new Redis(url, {
    // Fail fast instead of queueing: a request must never wait for an absent Redis.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
  });
  let reported = false;
  client.on("error", (err: Error) => {
    if (!reported) log.warn("rate-limit store: Redis error", { error: err.message });
    reported = true;
  });
  client.on("ready", () => {
    reported = false;
  });
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("ready", done);
      client.off("error", done);
      resolve();
    };
    const timer = setTimeout(done, 2_000);
    client.once("ready", done);
    client.once("error", done);
  });
  if (client.status !== "ready") log.warn("rate-limit store: Redis unreachable at start; limits are off until it answers", { url: redactUrl(url) });
  return client;
}

/** A URL without its password, for logs. */
const redactUrl = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");

/**
 * A shared store that fails open: each operation that Redis cannot answer throws (so
 * express-rate-limit, with `passOnStoreError`, lets the request through); the first
 * failure logs a warning, the next success an info line. The store's scripts are
 * (re)loaded lazily, so a Redis that was down at start, or restarted, is picked up.
 */
class FailOpenStore implements Store {
  localKeys = false;
  prefix: string;
  private options: Options | undefined;
  private ready: Promise<void> | undefined;
  private down = false;

  constructor(
    private readonly inner: RedisStore,
    private readonly log: Logger,
  ) {
    this.prefix = inner.prefix;
  }

  init(options: Options): void {
    this.options = options;
  }

  increment(key: string): Promise<IncrementResponse> {
    return this.guard(() => this.inner.increment(key));
  }

  get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.guard(() => this.inner.get(key));
  }

  decrement(key: string): Promise<void> {
    return this.guard(() => this.inner.decrement(key));
  }

  resetKey(key: string): Promise<void> {
    return this.guard(() => this.inner.resetKey(key));
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      this.ready ??= this.inner.init(this.options!);
      await this.ready;
      const result = await operation();
      if (this.down) {
        this.down = false;
        this.log.info("rate-limit store answers again: limits are back on", { prefix: this.prefix });
      }
      return result;
    } catch (err) {
      this.ready = undefined;
      if (!this.down) {
        this.down = true;
        this.log.warn("rate-limit store unreachable: requests are served without limits until it answers", {
          prefix: this.prefix,
          error: (err as Error).message,
        });
      }
      throw err;
    }
  }
}
