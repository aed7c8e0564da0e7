/**
 * Collects the bytes a response sends (through write and end) and hands them to
 * `onEnd` just before the response ends. Used by the response cache to store what
 * the app answered, and by the contract tests to check it.
 */
import type { ServerResponse } from "node:http";

/** Calls `onEnd` with the full body a response sent, once it ends (used by the response cache). */
export function captureBody(res: ServerResponse, onEnd: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk == null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
  };
  (res as { write: unknown }).write = (chunk: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0]);
    return write(chunk, ...rest);
  };
  (res as { end: unknown }).end = (chunk?: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0]);
    onEnd(Buffer.concat(chunks));
    return end(chunk, ...rest);
  };
}
