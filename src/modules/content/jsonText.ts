/**
 * Small lists are stored as JSON text (portable across SQLite and PostgreSQL).
 * The row mappers decode them here, once, tolerating bad data rather than failing a read.
 */

/** Decodes a JSON array of strings; anything else gives []. */
export function decodeStringList(text: string | null | undefined): string[] {
  const value = decodeJson(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Decodes a JSON array of integers; anything else gives []. */
export function decodeIntList(text: string | null | undefined): number[] {
  const value = decodeJson(text);
  return Array.isArray(value) ? value.filter((v): v is number => Number.isInteger(v)) : [];
}

/** Decodes a JSON array of objects with the given string keys; malformed entries are dropped. */
export function decodeObjectList<K extends string>(text: string | null | undefined, keys: readonly K[]): Record<K, string>[] {
  const value = decodeJson(text);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is Record<K, string> => typeof v === "object" && v !== null && keys.every((k) => typeof (v as Record<string, unknown>)[k] === "string"),
  );
}

function decodeJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
