/**
 * Personal access tokens: `k8sd_` + 43 base64url characters (32 random bytes).
 * Only the sha256 of a token is stored; the secret is shown once.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Prefix of every token, so secret scanners and people recognise one. */
export const TOKEN_PREFIX = "k8sd_";
const shape = /^k8sd_[A-Za-z0-9_-]{43}$/;

/** A new secret, its hash and the prefix kept for display. */
export function newToken(): { secret: string; hash: string; prefix: string } {
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { secret, hash: hashToken(secret), prefix: secret.slice(0, TOKEN_PREFIX.length + 6) };
}

/** sha256 of a token, hex. */
export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** True when `secret` has the shape of one of our tokens (no database needed). */
export function isWellFormedToken(secret: string): boolean {
  return shape.test(secret);
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
