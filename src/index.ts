/**
 * `npm start`: load config, open and migrate the database, load seeds on first
 * start, serve HTTP (connection limits and drain in http/httpServer.ts), shut down
 * gracefully on SIGTERM (after SHUTDOWN_GRACE_MS of answering with `Connection: close`)
 * and SIGINT (at once).
 */
import { createHttpServer } from "./http/httpServer.ts";
import { createApp } from "./app.ts";
import { boot } from "./bootstrap.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { MigrationError } from "./db/migrate.ts";
import { DatabaseLocationError } from "./db/sqliteFile.ts";
import { createLogger } from "./log.ts";
import { trackInFlight } from "./http/inFlight.ts";
import { entryPoints } from "./http/home.ts";
import { importContentInBackground } from "./importer/backgroundImport.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const services = await boot({ config, log });
  const { handler, readiness, stop } = await createApp(services);
  const inFlight = trackInFlight(handler);
  const http = createHttpServer(inFlight.listener, config);
  const server = http.server;
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  // A wildcard address is not one a browser can open; show the loopback one instead.
  const host = config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST === "::" ? "[::1]" : config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST;
  const url = `http://${host}:${port}`;
  log.info("k8s-days listening", { url, database: services.deps.db.provider, ...entryPoints(config.PUBLIC_URL?.replace(/\/+$/, "") ?? url) });
  // First start on a store without lessons: the seeds serve now, the lessons come in the background.
  const contentImport = importContentInBackground(services.content.importer, config.CONTENT_SOURCE, log);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    readiness.draining = true;
    const graceMs = signal === "SIGTERM" ? config.SHUTDOWN_GRACE_MS : 0;
    const deadline = Date.now() + graceMs + config.SHUTDOWN_TIMEOUT_MS;
    await http.drain({ graceMs, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
    // Handlers of requests whose clients hung up may still be using the database.
    await inFlight.idle(Math.max(0, deadline - Date.now()));
    await contentImport.stop();
    await stop();
    await services.deps.contentVersion.stop();
    await services.deps.db.close();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78);
  }
  if (err instanceof DatabaseLocationError || err instanceof MigrationError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
