/**
 * Imported files by their repository path: the files beside a lesson (Attachment, by
 * day and path inside the day's folder) and the repository's other files
 * (ChallengeFile, by path from the repository root). Everything comes from the
 * database — never from the filesystem — so a path is only ever compared with stored
 * names, and every replica on one PostgreSQL serves the same bytes.
 */
import type { Database } from "../../db/client.ts";
import type { ChallengeResolver } from "../content/challenges.ts";
import type { DaysService } from "../days/days.service.ts";

/** A stored file: what it is, and its bytes on demand. */
export interface ServedFile {
  /** As imported: image/png, application/yaml, text/markdown, … */
  mediaType: string;
  size: number;
  /** sha256 (hex) of the bytes. */
  sha256: string;
  width: number | null;
  height: number | null;
  /**
   * Reads the bytes (one query); callers skip it for a 304 or a HEAD. Null when an import
   * replaced the file since it was looked up: look it up again.
   */
  bytes(): Promise<Uint8Array | null>;
}

/** The files service. */
export interface FilesService {
  /** A file of day `day`'s folder by its path there ("readme-images/01.png"), or null. */
  dayFile(day: number, path: string, challenge?: string | null): Promise<ServedFile | null>;
  /** A repository file outside the day folders by its path from the root ("readme-images/x.jpg"), or null. */
  challengeFile(path: string, challenge?: string | null): Promise<ServedFile | null>;
}

/** Columns describing a file, without its bytes. */
const fileFacts = { id: true, mediaType: true, size: true, sha256: true, width: true, height: true } as const;

/**
 * True for a path as the importer stores it: "/"-separated, relative, no empty, "." or
 * ".." segment, no backslash or NUL. Anything else cannot name a stored file.
 * @example isRepositoryPath("readme-images/01.png") // true
 * @example isRepositoryPath("../day12/init-containers.yaml") // false
 */
export function isRepositoryPath(path: string): boolean {
  return path.length > 0 && path.length <= 1024 && !/[\\\0]/.test(path) && path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

/** The bytes of a stored row: `data` for images, the UTF-8 text (exactly the file's bytes) otherwise; null for no row. */
function bytesOf(row: { data: Uint8Array | null; text: string } | null): Uint8Array | null {
  if (!row) return null;
  return row.data ?? Buffer.from(row.text, "utf8");
}

/** Columns of a file's bytes. */
const fileBytes = { data: true, text: true } as const;

/** Creates the files service. */
export function createFilesService(db: Database, challenges: ChallengeResolver, days: Pick<DaysService, "skeleton">): FilesService {
  const prisma = db.prisma;
  return {
    async dayFile(day, path, challenge) {
      if (!isRepositoryPath(path)) return null;
      const challengeId = await challenges.idOf(challenge);
      if (challengeId === null) return null;
      const dayId = (await days.skeleton(challengeId)).find((d) => d.number === day)?.id;
      if (dayId === undefined) return null;
      const row = await prisma.attachment.findUnique({ where: { dayId_name: { dayId, name: path } }, select: fileFacts });
      if (!row) return null;
      const { id, ...facts } = row;
      return { ...facts, bytes: async () => bytesOf(await prisma.attachment.findFirst({ where: { id, sha256: facts.sha256 }, select: fileBytes })) };
    },

    async challengeFile(path, challenge) {
      if (!isRepositoryPath(path)) return null;
      const challengeId = await challenges.idOf(challenge);
      if (challengeId === null) return null;
      const row = await prisma.challengeFile.findUnique({ where: { challengeId_path: { challengeId, path } }, select: fileFacts });
      if (!row) return null;
      const { id, ...facts } = row;
      return { ...facts, bytes: async () => bytesOf(await prisma.challengeFile.findFirst({ where: { id, sha256: facts.sha256 }, select: fileBytes })) };
    },
  };
}
