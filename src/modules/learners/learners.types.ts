/**
 * API types of the learners module, mapped explicitly from database rows, and the
 * learners service's interface.
 */
import type { Connection, PageArgs } from "../content/pagination.ts";

/** LEARNER or ADMIN (admins may manage content later). */
export type Role = "LEARNER" | "ADMIN";
/** Every role, in the order the API documents them. */
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
export function learnerView(row: {
  id: string;
  handle: string;
  displayName: string;
  timezone: string;
  role: string;
  public: boolean;
  createdAt: Date;
}): LearnerView {
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

/** Input of a registration. */
export interface RegisterInput {
  handle: string;
  displayName?: string | undefined;
  timezone?: string | undefined;
  role?: Role | undefined;
}

/** A token as returned once, at creation: with its secret. */
export interface CreatedToken {
  id: string;
  name: string;
  prefix: string;
  token: string;
}

/** A learner with a fresh token and recovery code (registration and recovery answer this). */
export interface SignedInLearner {
  learner: LearnerView;
  token: CreatedToken;
  recoveryCode: string;
}

/** Learners, their tokens and codes; every private call is scoped to the `Viewer`. */
export interface LearnersService {
  /** Registers a learner enrolled in the default challenge from today, with a first token; `trusted` (the CLI) may register while registration is closed. */
  register(input: RegisterInput, options?: { trusted?: boolean }): Promise<SignedInLearner>;
  /** The learner a bearer token belongs to; malformed, unknown and revoked tokens are the same UNAUTHENTICATED. */
  authenticate(secret: string): Promise<Viewer>;
  /** The viewer's own profile. */
  me(viewer: Viewer): Promise<LearnerView>;
  /** Changes display name, time zone (from now on) or whether the profile is public. */
  updateMe(viewer: Viewer, input: { displayName?: string | undefined; timezone?: string | undefined; public?: boolean | undefined }): Promise<LearnerView>;
  /** The learner behind a public profile, as a Viewer with their display name; null alike for unknown and private. */
  publicLearner(handle: string): Promise<{ viewer: Viewer; displayName: string } | null>;
  /** Deletes the viewer and everything of theirs (tokens, enrolments, progress, log). */
  deleteMe(viewer: Viewer): Promise<void>;
  /** A new token for the viewer; the secret is in the result and nowhere else. */
  createToken(viewer: Viewer, name: string): Promise<CreatedToken>;
  /** The viewer's live tokens, newest first, without secrets, one page (opaque `token` cursors). */
  listTokens(viewer: Viewer, args?: PageArgs): Promise<Connection<TokenView>>;
  /** A new token and recovery code for whoever holds the learner's current recovery code (which then stops working). */
  recover(input: { handle: string; recoveryCode: string }): Promise<SignedInLearner>;
  /** Replaces the viewer's recovery code; returns the new one. */
  newRecoveryCode(viewer: Viewer): Promise<string>;
  /** A short single-use code that links a new device to the viewer within DEVICE_CODE_TTL_MS. */
  createDeviceCode(viewer: Viewer): Promise<{ code: string; expiresAt: string }>;
  /** Trades a device code, once and before it expires, for a new token named after `client`. */
  exchangeDeviceCode(input: { code: string; client?: string | undefined }): Promise<{ learner: LearnerView; token: CreatedToken }>;
  /** Revokes one of the viewer's tokens; someone else's or an unknown id is NOT_FOUND alike. */
  revokeToken(viewer: Viewer, id: string): Promise<void>;
}
