/**
 * The HTTP server around the app: connection limits against idle and trickling
 * clients, and a drain on shutdown that never resets a kept-alive connection.
 *
 * Limits (each a config variable, see config.ts):
 * - `HTTP_HEADERS_TIMEOUT_MS` (10 s): a connection must deliver a request's complete
 *   headers within this time of opening (or of its previous response) — a client that
 *   connects and sends nothing, or trickles its headers, is answered 408 and cut off;
 * - `HTTP_REQUEST_TIMEOUT_MS` (30 s): the whole request, body included;
 * - `HTTP_KEEP_ALIVE_TIMEOUT_MS` (5 s): an idle kept-alive connection is closed;
 * - `HTTP_MAX_CONNECTIONS` (1000): sockets beyond it are closed as they arrive.
 * Node checks the first two every second (not its default 30 s), so a client sending
 * a byte every 5 s is gone about a second after its limit.
 *
 * Drain: from the signal on, every response says `Connection: close`, so a client whose
 * kept-alive connection carries one more request gets its answer and then a clean close
 * (never a reset); for `graceMs` the server still accepts (load balancers take a moment to
 * see the failing readiness probe), then stops accepting, closes idle connections and,
 * after `timeoutMs`, every connection still open.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { Config } from "../config.ts";

/** The server and its drain. */
export interface HttpServer {
  server: Server;
  /** True from the start of the drain: responses carry `Connection: close`. */
  draining(): boolean;
  /**
   * Stops the server gracefully: answers with `Connection: close` for `graceMs` while
   * still accepting, then stops accepting and waits for open connections, closing them all
   * after `timeoutMs`. Resolves when the server is closed.
   */
  drain(options: { graceMs: number; timeoutMs: number }): Promise<void>;
}

/** How often Node checks the header and request timeouts (its default is 30 s). */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** Creates (does not start) the HTTP server running `listener` with the configured connection limits. */
export function createHttpServer(
  listener: RequestListener,
  config: Pick<Config, "HTTP_HEADERS_TIMEOUT_MS" | "HTTP_REQUEST_TIMEOUT_MS" | "HTTP_KEEP_ALIVE_TIMEOUT_MS" | "HTTP_MAX_CONNECTIONS">,
): HttpServer {
  let draining = false;
  const requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  const server = createServer(
    {
      // Node refuses a header timeout longer than the request timeout.
      headersTimeout: requestTimeout > 0 ? Math.min(config.HTTP_HEADERS_TIMEOUT_MS, requestTimeout) : config.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout,
      keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    (req, res) => {
      if (draining) res.setHeader("Connection", "close");
      listener(req, res);
    },
  );
  server.maxConnections = config.HTTP_MAX_CONNECTIONS;

  return {
    server,
    draining: () => draining,
    drain: async ({ graceMs, timeoutMs }) => {
      draining = true;
      if (graceMs > 0) await new Promise((resolve) => setTimeout(resolve, graceMs));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Connections whose last response said `Connection: close` end by themselves; idle ones are closed here.
      server.closeIdleConnections();
      const idle = setInterval(() => server.closeIdleConnections(), 200);
      const hard = setTimeout(() => server.closeAllConnections(), timeoutMs);
      await closed;
      clearInterval(idle);
      clearTimeout(hard);
    },
  };
}
