/**
 * API types of the learners module, mapped explicitly from database rows.
 */

/** LEARNER or ADMIN (admins may manage content later). */
export type Role = "LEARNER" | "ADMIN";
export const roles: readonly Role[] = ["LEARNER", "ADMIN"];

/** A learner as the API shows them to themselves. */
export interface LearnerView {
  id: string;
  handle: string;
  displayName: string;
  timezone: string;
  role: Role;
  /** Opted in to a public profile (card, heatmap, badge under /api/v1/learners/{handle}). */
  public: boolean;
  createdAt: string;
}

/** A token as listed: never its secret or hash. */
export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The authenticated caller that every private service call is scoped to. */
export interface Viewer {
  id: string;
  handle: string;
  timezone: string;
  role: Role;
  /** The profile as read with the token in this request (so `me` costs no second statement), when known. */
  profile?: LearnerView | undefined;
}

/** Maps a Learner row to its API view. */
export function learnerView(row: { id: string; handle: string; displayName: string; timezone: string; role: string; public: boolean; createdAt: Date }): LearnerView {
  return {
    id: row.id,
    handle: row.handle,
    displayName: row.displayName,
    timezone: row.timezone,
    role: row.role === "ADMIN" ? "ADMIN" : "LEARNER",
    public: row.public,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Maps an AccessToken row to its listed view. */
export function tokenView(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }): TokenView {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
}
