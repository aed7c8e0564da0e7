/**
 * Learners and their personal access tokens: registration (with the first
 * enrolment), authentication by token hash, token management, profile changes
 * and deletion, account recovery and device links. Every call that touches private
 * data takes the authenticated `Viewer` and is scoped to it; there is no way to name
 * another learner.
 *
 * Keeping the account: registration also returns a one-time recovery code; `recover`
 * trades handle + code for a new token and a new code (the old code stops working).
 * `createDeviceCode` gives a signed-in learner a short code that a new device or a
 * chatbot trades once, within DEVICE_CODE_TTL_MS, for a token of its own
 * (`exchangeDeviceCode`). Wrong, expired and used codes all fail alike, and a wrong
 * recovery code reads exactly like an unknown handle.
 */
import { badRequest, conflict, forbidden, invalid, notFound, unauthenticated, type FieldIssue } from "../../errors.ts";
import type { Deps } from "../../deps.ts";
import { decodeCursor, encodeCursor, pageSize, toConnection } from "../content/pagination.ts";
import { dateIn, isValidTimeZone, timeZoneIssue } from "../progress/calendar.ts";
import { DEFAULT_CHALLENGE } from "../content/defaultChallenge.ts";
import type { ContentFacts } from "../progress/contentFacts.ts";
import { hashToken, isWellFormedToken, newToken, sameHash } from "./tokens.ts";
import { DEVICE_CODE_LENGTH, RECOVERY_CODE_LENGTH, hashCode, isWellFormedCode, newDeviceCode, newRecoveryCode, normalizeCode } from "./codes.ts";
import {
  learnerView,
  tokenView,
  type CreatedToken,
  type LearnersService,
  type LearnerView,
  type RegisterInput,
  type SignedInLearner,
  type Viewer,
} from "./learners.types.ts";

/** The columns the token lookup reads (dates come back as Date or ISO text depending on the driver). */
interface TokenRow {
  id: string;
  tokenHash: string;
  revokedAt: Date | string | null;
  lastUsedAt: Date | string | null;
  learnerId: string;
  handle: string;
  displayName: string;
  timezone: string;
  role: string;
  public: boolean | number;
  createdAt: Date | string;
}

/** Field issues in words: "timezone must be an IANA time zone (e.g. Europe/Madrid), got Mars/Olympus". */
export const describeProfileIssues = (issues: FieldIssue[]) => issues.map((i) => `${i.path.join(".")} must be ${i.message}`).join("; ");
const describe = describeProfileIssues;
const HANDLE = /^[a-z0-9_-]{3,30}$/;
const TOKEN_NAME_MAX = 100;
/** How long a device code may be exchanged. */
export const DEVICE_CODE_TTL_MS = 10 * 60_000;
const WRONG_RECOVERY = "Unknown handle or wrong recovery code";
const WRONG_DEVICE_CODE = "The device code is wrong, expired or already used; ask for a new one";
/** Compared against when the handle is unknown, so both cases take the same path. */
const NO_HASH = "0".repeat(64);
/** lastUsedAt is written at most this often per token, so reads do not each cost a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

const TOKEN_CURSOR = "token";

/** The position a `token` cursor names: the creation instant and id of the last token of a page. */
function tokenCursorKey(after: string | null | undefined): { createdAt: Date; id: string } | undefined {
  const key = decodeCursor(TOKEN_CURSOR, after);
  if (key === undefined) return undefined;
  const cut = key.indexOf("_");
  const createdAt = new Date(key.slice(0, cut));
  if (cut < 1 || Number.isNaN(createdAt.getTime()) || cut === key.length - 1) {
    throw badRequest(`"after" is not a valid ${TOKEN_CURSOR} cursor`, [{ path: ["after"], message: "invalid cursor" }]);
  }
  return { createdAt, id: key.slice(cut + 1) };
}

/** Checks handle, display name and time zone; returns the failing fields (empty when all are valid). */
export function validateProfile(input: { handle?: string; displayName?: string | undefined; timezone?: string | undefined }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.handle !== undefined && !HANDLE.test(input.handle)) {
    issues.push({ path: ["handle"], message: "3–30 characters of a-z, 0-9, '-' and '_'" });
  }
  if (input.displayName !== undefined && (input.displayName.trim().length === 0 || input.displayName.length > 80)) {
    issues.push({ path: ["displayName"], message: "1–80 characters" });
  }
  if (input.timezone !== undefined && !isValidTimeZone(input.timezone)) {
    issues.push(timeZoneIssue(input.timezone));
  }
  return issues;
}

/** Creates the learners service. */
export function createLearnersService(deps: Deps, content: ContentFacts): LearnersService {
  const { db, clock, config, log } = deps;
  const p = db.prisma;

  async function issueToken(learnerId: string, name: string, tx: Pick<typeof p, "accessToken"> = p): Promise<CreatedToken> {
    const clean = name.trim().slice(0, TOKEN_NAME_MAX) || "token";
    const t = newToken();
    const row = await tx.accessToken.create({ data: { learnerId, name: clean, tokenHash: t.hash, prefix: t.prefix, createdAt: clock.now() } });
    return { id: row.id, name: row.name, prefix: row.prefix, token: t.secret };
  }

  return {
    /**
     * Registers a learner, enrols them in the default challenge starting today in
     * their zone, and issues a first token (its secret is returned only here).
     * `trusted` callers (the CLI) may register while open registration is off.
     */
    async register(input: RegisterInput, options: { trusted?: boolean } = {}): Promise<SignedInLearner> {
      if (!options.trusted && !config.OPEN_REGISTRATION) throw forbidden("Registration is closed on this server");
      const handle = input.handle.trim().toLowerCase();
      const timezone = input.timezone ?? "UTC";
      const displayName = (input.displayName ?? handle).trim();
      const issues = validateProfile({ handle, displayName, timezone });
      if (issues.length) throw invalid(`Invalid learner: ${describe(issues)}`, issues);
      const challenge = await content.challenge(DEFAULT_CHALLENGE);
      const now = clock.now();
      const recovery = newRecoveryCode();
      try {
        const row = await p.learner.create({
          data: {
            handle,
            displayName,
            timezone,
            role: input.role ?? "LEARNER",
            createdAt: now,
            recoveryCodeHash: recovery.hash,
            enrollments: {
              create: { challengeSlug: DEFAULT_CHALLENGE, startDate: dateIn(now, timezone), goalDays: challenge?.totalDays ?? 66, createdAt: now },
            },
          },
        });
        const token = await issueToken(row.id, "default");
        log.info("learner registered", { learnerId: row.id });
        return { learner: learnerView(row), token, recoveryCode: recovery.code };
      } catch (err) {
        if ((err as { code?: string }).code === "P2002") throw conflict(`The handle ${handle} is taken`);
        throw err;
      }
    },

    /**
     * The learner a bearer token belongs to. Malformed, unknown and revoked tokens
     * all answer UNAUTHENTICATED with the same message.
     */
    async authenticate(secret: string): Promise<Viewer> {
      if (!isWellFormedToken(secret)) throw unauthenticated("The bearer token is malformed, unknown or revoked");
      const hash = hashToken(secret);
      // Looked up by its hash: the secret never reaches the database, and timing
      // of the index lookup reveals nothing about any stored secret.
      // Every authenticated request runs this, so it is one portable join run as a hot
      // statement (db/hotSql.ts), not findUnique + include, which Prisma 6 plans anew each time.
      const [row] = await db.sql.rows<TokenRow>`
        SELECT t."id", t."tokenHash", t."revokedAt", t."lastUsedAt", l."id" AS "learnerId", l."handle", l."displayName", l."timezone", l."role", l."public", l."createdAt"
        FROM "AccessToken" t JOIN "Learner" l ON l."id" = t."learnerId"
        WHERE t."tokenHash" = ${hash}`;
      if (!row || row.revokedAt || !sameHash(row.tokenHash, hash)) throw unauthenticated("The bearer token is malformed, unknown or revoked");
      const now = clock.now();
      const lastUsed = row.lastUsedAt === null ? null : new Date(row.lastUsedAt);
      if (!lastUsed || now.getTime() - lastUsed.getTime() > LAST_USED_RESOLUTION_MS) {
        await p.accessToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
      }
      const profile = learnerView({ ...row, id: row.learnerId, public: Boolean(row.public), createdAt: new Date(row.createdAt) });
      return { id: row.learnerId, handle: row.handle, timezone: row.timezone, role: profile.role, profile };
    },

    /** The viewer's own profile. */
    async me(viewer: Viewer): Promise<LearnerView> {
      if (viewer.profile) return viewer.profile;
      const row = await p.learner.findUnique({ where: { id: viewer.id } });
      if (!row) throw unauthenticated();
      return learnerView(row);
    },

    /**
     * Changes display name, time zone (a new zone applies from now on; logged dates keep
     * theirs) or whether the profile is public.
     */
    async updateMe(
      viewer: Viewer,
      input: { displayName?: string | undefined; timezone?: string | undefined; public?: boolean | undefined },
    ): Promise<LearnerView> {
      const issues = validateProfile(input);
      if (input.public !== undefined && typeof input.public !== "boolean") issues.push({ path: ["public"], message: "true or false" });
      if (issues.length) throw invalid(`Invalid learner: ${describe(issues)}`, issues);
      const row = await p.learner.update({
        where: { id: viewer.id },
        data: {
          ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
          ...(input.timezone ? { timezone: input.timezone } : {}),
          ...(input.public !== undefined ? { public: input.public } : {}),
        },
      });
      return learnerView(row);
    },

    /**
     * The learner behind a public profile, as a Viewer for the progress service, with
     * their display name. An unknown handle and a private profile are the same null, so
     * nobody can tell whether a handle exists.
     */
    async publicLearner(handle: string): Promise<{ viewer: Viewer; displayName: string } | null> {
      const h = handle.trim().toLowerCase();
      const row = HANDLE.test(h) ? await p.learner.findFirst({ where: { handle: h, public: true } }) : null;
      if (!row) return null;
      return {
        viewer: { id: row.id, handle: row.handle, timezone: row.timezone, role: row.role === "ADMIN" ? "ADMIN" : "LEARNER" },
        displayName: row.displayName,
      };
    },

    /** Deletes the viewer and everything of theirs (tokens, enrolments, progress, log). */
    async deleteMe(viewer: Viewer): Promise<void> {
      await p.learner.deleteMany({ where: { id: viewer.id } });
      log.info("learner deleted", { learnerId: viewer.id });
    },

    /** A new token for the viewer; the secret is in the result and nowhere else. */
    async createToken(viewer: Viewer, name: string): Promise<CreatedToken> {
      if (!name.trim()) throw invalid("Invalid token", [{ path: ["name"], message: "must not be empty" }]);
      return issueToken(viewer.id, name);
    },

    /** The viewer's live tokens, newest first, without secrets, one page (opaque `token` cursors). */
    async listTokens(viewer, args = {}) {
      const size = pageSize(args.first);
      const after = tokenCursorKey(args.after);
      const live = { learnerId: viewer.id, revokedAt: null };
      const [rows, total] = await Promise.all([
        p.accessToken.findMany({
          where: after ? { ...live, OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : live,
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          take: size + 1,
        }),
        p.accessToken.count({ where: live }),
      ]);
      return toConnection(rows.map(tokenView), size, total, after !== undefined, (t) => encodeCursor(TOKEN_CURSOR, `${t.createdAt}_${t.id}`));
    },

    /**
     * A new token (named "recovery") and a new recovery code for whoever holds the
     * learner's current recovery code; that code stops working. An unknown handle and
     * a wrong code answer the same UNAUTHENTICATED.
     */
    async recover(input: { handle: string; recoveryCode: string }): Promise<SignedInLearner> {
      const handle = input.handle.trim().toLowerCase();
      const code = normalizeCode(input.recoveryCode);
      const row = HANDLE.test(handle) ? await p.learner.findUnique({ where: { handle } }) : null;
      const stored = row?.recoveryCodeHash ?? null;
      const matches = sameHash(stored ?? NO_HASH, hashCode(code));
      if (!row || !stored || !matches || !isWellFormedCode(code, RECOVERY_CODE_LENGTH)) throw unauthenticated(WRONG_RECOVERY);
      const next = newRecoveryCode();
      const token = await p.$transaction(async (tx) => {
        // Only the holder of the code still stored wins: two concurrent uses cannot both succeed.
        const swapped = await tx.learner.updateMany({ where: { id: row.id, recoveryCodeHash: stored }, data: { recoveryCodeHash: next.hash } });
        if (swapped.count !== 1) throw unauthenticated(WRONG_RECOVERY);
        return issueToken(row.id, "recovery", tx);
      });
      log.info("learner recovered", { learnerId: row.id });
      return { learner: learnerView(row), token, recoveryCode: next.code };
    },

    /** Replaces the viewer's recovery code (e.g. an account from before recovery codes, or a leaked code). */
    async newRecoveryCode(viewer: Viewer): Promise<string> {
      const next = newRecoveryCode();
      await p.learner.update({ where: { id: viewer.id }, data: { recoveryCodeHash: next.hash } });
      return next.code;
    },

    /** A short single-use code that links a new device to the viewer within DEVICE_CODE_TTL_MS. */
    async createDeviceCode(viewer: Viewer): Promise<{ code: string; expiresAt: string }> {
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + DEVICE_CODE_TTL_MS);
      // Spent and expired codes of this learner are of no use to anyone.
      await p.deviceCode.deleteMany({ where: { learnerId: viewer.id, OR: [{ usedAt: { not: null } }, { expiresAt: { lte: now } }] } });
      for (let attempt = 0; ; attempt++) {
        const { code, hash } = newDeviceCode();
        try {
          await p.deviceCode.create({ data: { learnerId: viewer.id, codeHash: hash, expiresAt, createdAt: now } });
          return { code, expiresAt: expiresAt.toISOString() };
        } catch (err) {
          // Two live codes collided (one in 2^40 per pair): draw again.
          if ((err as { code?: string }).code !== "P2002" || attempt >= 3) throw err;
        }
      }
    },

    /**
     * Trades a device code, once and before it expires, for a new token of the learner
     * who asked for it, named after `client`. Wrong, expired and used codes fail alike.
     */
    async exchangeDeviceCode(input: { code: string; client?: string | undefined }): Promise<{ learner: LearnerView; token: CreatedToken }> {
      const code = normalizeCode(input.code);
      if (!isWellFormedCode(code, DEVICE_CODE_LENGTH)) throw unauthenticated(WRONG_DEVICE_CODE);
      const hash = hashCode(code);
      const now = clock.now();
      const result = await p.$transaction(async (tx) => {
        const claimed = await tx.deviceCode.updateMany({ where: { codeHash: hash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
        if (claimed.count !== 1) throw unauthenticated(WRONG_DEVICE_CODE);
        const row = await tx.deviceCode.findUniqueOrThrow({ where: { codeHash: hash }, include: { learner: true } });
        const token = await issueToken(row.learnerId, input.client?.trim() || "linked device", tx);
        return { learner: learnerView(row.learner), token };
      });
      log.info("device linked", { learnerId: result.learner.id, tokenId: result.token.id });
      return result;
    },

    /** Revokes one of the viewer's tokens. Someone else's or an unknown id is NOT_FOUND alike. */
    async revokeToken(viewer: Viewer, id: string): Promise<void> {
      const r = await p.accessToken.updateMany({ where: { id, learnerId: viewer.id, revokedAt: null }, data: { revokedAt: clock.now() } });
      if (r.count === 0) throw notFound("Token");
    },
  };
}
