/**
 * The two short secrets that keep a learner in their account, both in Crockford's
 * base32 (no I, L, O, U; read back case-insensitively, I/L as 1 and O as 0, dashes and
 * spaces ignored), and stored only as sha256:
 *
 * - a recovery code, 20 characters (100 bits) shown as five groups of four
 *   (`7KQ2-M9XD-…`), given at registration and replaced at each use;
 * - a device code, 8 characters (40 bits), valid for minutes and once: enough, since
 *   guessing one means hitting a live code among 2^40 within its lifetime, one
 *   rate-limited request at a time.
 *
 * @example
 *   const { code, hash } = newDeviceCode();      // "K3M9XD2Q"
 *   hashCode(normalizeCode("k3m9-xd2q")) === hash  // true
 */
import { createHash, randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Characters of a recovery code (without dashes). */
export const RECOVERY_CODE_LENGTH = 20;
/** Characters of a device code. */
export const DEVICE_CODE_LENGTH = 8;

function randomCode(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** A code as typed by a person, in canonical form (upper case, no separators, I/L → 1, O → 0). */
export function normalizeCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
}

/** True when a normalized code has `length` characters of the alphabet. */
export function isWellFormedCode(normalized: string, length: number): boolean {
  return normalized.length === length && [...normalized].every((c) => ALPHABET.includes(c));
}

/** sha256 of a normalized code, hex. */
export function hashCode(normalized: string): string {
  return createHash("sha256").update(normalized, "utf8").digest("hex");
}

/** A new recovery code for display (groups of four) and the hash to store. */
export function newRecoveryCode(): { code: string; hash: string } {
  const raw = randomCode(RECOVERY_CODE_LENGTH);
  return { code: raw.match(/.{4}/g)!.join("-"), hash: hashCode(raw) };
}

/** A new device code and the hash to store. */
export function newDeviceCode(): { code: string; hash: string } {
  const code = randomCode(DEVICE_CODE_LENGTH);
  return { code, hash: hashCode(code) };
}
