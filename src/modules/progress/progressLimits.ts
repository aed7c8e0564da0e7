/**
 * Limits of a learner's input and the concept-slug rule, in one place for the service
 * checks, the REST zod bodies and the MCP tool arguments.
 */

/** Size limits of learner input. */
export const limits = {
  noteChars: 4000,
  learnedChars: 1000,
  maxMinutes: 1440,
  listItems: 20,
  conceptSlugChars: 64,
} as const;

/** A concept slug as a log entry stores it: a-z, 0-9 and '-', starting with a letter or digit, at most 64 characters. */
export const CONCEPT_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What the rule says, for error messages. */
export const conceptSlugRule = "a concept slug (a-z, 0-9, '-'; at most 64 characters)";

/** The stored form of a concept a learner names ("  Ingress " → "ingress"). */
export const normalizeConceptSlug = (s: string) => s.trim().toLowerCase();

/** Whether `s`, once normalized, is a concept slug. */
export const isConceptSlug = (s: string) => CONCEPT_SLUG.test(normalizeConceptSlug(s));
