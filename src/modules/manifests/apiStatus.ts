/**
 * PURE: the status of a Kubernetes object's (apiVersion, kind) in a Kubernetes release,
 * from the table of removals (apiRemovals.ts):
 * - REMOVED: the release no longer serves that apiVersion of the kind (removedIn ≤ release);
 * - DEPRECATED: still served, but deprecated (deprecatedIn ≤ release < removedIn);
 * - OK: anything else — current APIs, and apiVersions the table does not list (custom
 *   resources included), which the guide never removed.
 * Releases are "major.minor" ("1.29"); "v1.29" and a patch ("1.29.3") are accepted.
 */
import { badRequest } from "../../errors.ts";
import { API_REMOVALS, type ApiRemoval } from "./apiRemovals.ts";

/** The release checked when none is named: a recent one. The one place this fact lives. */
export const DEFAULT_KUBERNETES_VERSION = "1.33";

/** Status of an object's API in a release. */
export type ApiStatus = "OK" | "DEPRECATED" | "REMOVED";

/** Every status, in the order the API documents them. */
export const apiStatuses: readonly ApiStatus[] = ["OK", "DEPRECATED", "REMOVED"];

/** An object's API checked against a release. */
export interface ApiCheck {
  status: ApiStatus;
  /** From the table, whatever the release: when the apiVersion was deprecated and removed; null when not listed. */
  deprecatedIn: string | null;
  removedIn: string | null;
  /** The apiVersion to use instead (same kind); null when the API is current or has no successor. */
  replacement: string | null;
  /** One sentence for a learner. */
  message: string;
}

const VERSION = /^v?(\d{1,2})\.(\d{1,3})(?:\.\d{1,4})?$/;

/**
 * Normalizes a Kubernetes release ("1.29", "v1.29", "1.29.3" → "1.29"); anything else is a
 * BAD_REQUEST naming `param`.
 * @example kubernetesRelease("v1.25.4") // "1.25"
 */
export function kubernetesRelease(input: string, param = "kubernetesVersion"): string {
  const m = VERSION.exec(input.trim());
  if (!m || Number(m[1]) !== 1) {
    const shown = input.length > 40 ? `${input.slice(0, 40)}…` : input;
    throw badRequest(`${param} "${shown}" is not a Kubernetes release such as "1.29"`, [
      { path: [param], message: 'must be a Kubernetes release such as "1.29"' },
    ]);
  }
  return `1.${Number(m[2])}`;
}

/** Orders two normalized releases ("1.9" < "1.16"). */
export function compareReleases(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number) as [number, number];
  const [bm, bn] = b.split(".").map(Number) as [number, number];
  return am - bm || an - bn;
}

const byApi = new Map(API_REMOVALS.map((r) => [`${r.apiVersion} ${r.kind}`, r]));

/**
 * Checks an object's (apiVersion, kind) against a normalized release.
 * @example checkApi("batch/v1beta1", "CronJob", "1.29").status // "REMOVED" (replacement "batch/v1")
 */
export function checkApi(apiVersion: string, kind: string, release: string): ApiCheck {
  const row = byApi.get(`${apiVersion} ${kind}`);
  if (!row)
    return { status: "OK", deprecatedIn: null, removedIn: null, replacement: null, message: `${apiVersion} ${kind} is served by Kubernetes ${release}.` };
  const use = row.replacement ? `use ${row.replacement}` : "it has no replacement";
  const base = { deprecatedIn: row.deprecatedIn, removedIn: row.removedIn };
  if (compareReleases(row.removedIn, release) <= 0) {
    return { status: "REMOVED", ...base, replacement: row.replacement, message: `${apiVersion} ${kind} was removed in Kubernetes ${row.removedIn}; ${use}.` };
  }
  if (compareReleases(row.deprecatedIn, release) <= 0) {
    return {
      status: "DEPRECATED",
      ...base,
      replacement: row.replacement,
      message: `${apiVersion} ${kind} is deprecated since Kubernetes ${row.deprecatedIn} and removed in ${row.removedIn}; ${use}.`,
    };
  }
  return {
    status: "OK",
    ...base,
    replacement: null,
    message: `${apiVersion} ${kind} is served by Kubernetes ${release} (deprecated in ${row.deprecatedIn}, removed in ${row.removedIn}).`,
  };
}

/** The APIs removed in exactly that normalized release ("1.25": CronJob batch/v1beta1, …). */
export function removedInRelease(release: string): ApiRemoval[] {
  return API_REMOVALS.filter((r) => r.removedIn === release);
}
