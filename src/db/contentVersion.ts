/**
 * The version of the public content (ContentState.version), known without a
 * query per request: read at start, re-read every `intervalMs` (so every replica
 * notices another replica's import within that time) and at once after a local
 * import (`refresh()`). Caches key their entries by it.
 */
import type { Db } from "./client.ts";

export interface ContentVersion {
  /** The last version read; synchronous and free. */
  current(): number;
  /** Re-reads the version now (after an import in this process). */
  refresh(): Promise<number>;
  /** Calls `fn` whenever the version changes. */
  onChange(fn: (version: number) => void): void;
  stop(): void;
}

export async function watchContentVersion(prisma: Db, intervalMs = 1000): Promise<ContentVersion> {
  let version = -1;
  const listeners: ((v: number) => void)[] = [];
  const read = async () => {
    const row = await prisma.contentState.findUnique({ where: { id: 1 }, select: { version: true } });
    const next = row?.version ?? 0;
    if (next !== version) {
      version = next;
      for (const fn of listeners) fn(next);
    }
    return version;
  };
  await read();
  const timer = setInterval(() => { read().catch(() => {}); }, intervalMs);
  timer.unref();
  return {
    current: () => version,
    refresh: read,
    onChange: (fn) => { listeners.push(fn); },
    stop: () => clearInterval(timer),
  };
}
