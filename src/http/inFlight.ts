/**
 * Counts requests whose handler has not answered yet — including requests whose
 * client already hung up, whose handlers still run (and still use the database).
 * Shutdown waits for zero before closing the database.
 */
import type { RequestListener } from "node:http";

/** Counts requests in progress, so shutdown can wait for them. */
export interface InFlight {
  listener: RequestListener;
  count(): number;
  /** Resolves when no request is in flight, or after `timeoutMs`. */
  idle(timeoutMs: number): Promise<void>;
}

/** Wraps a request listener to count its requests in flight. */
export function trackInFlight(next: RequestListener): InFlight {
  let active = 0;
  const waiters: (() => void)[] = [];
  const release = () => {
    active--;
    if (active === 0) for (const w of waiters.splice(0)) w();
  };
  return {
    listener: (req, res) => {
      active++;
      let done = false;
      const finish = () => {
        if (!done) {
          done = true;
          release();
        }
      };
      const end = res.end;
      res.end = function (this: typeof res, ...args: unknown[]) {
        finish();
        return (end as (...a: unknown[]) => typeof res).apply(this, args);
      } as typeof res.end;
      res.on("finish", finish);
      next(req, res);
    },
    count: () => active,
    idle: (timeoutMs) =>
      active === 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            const timer = setTimeout(resolve, timeoutMs);
            waiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
          }),
  };
}
