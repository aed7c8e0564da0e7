/**
 * The challenge this API serves when nobody names one: learners enrol in it, content
 * reads without a challenge argument read it, the importer writes lessons into it.
 * The one place its slug and name are written in code (seeds/challenge.yaml has its facts).
 */

/** Slug of the default challenge. */
export const DEFAULT_CHALLENGE = "66daysofk8s";

/** Its name and hashtag until the seeds or the repository's README say otherwise. */
export const DEFAULT_CHALLENGE_NAME = "#66DaysOfK8s";
