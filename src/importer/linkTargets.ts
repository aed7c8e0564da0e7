/**
 * PURE: where a link written in a lesson points, once the lesson is served by this API.
 *
 * A lesson links with paths relative to its own file (`readme-images/01.png`,
 * `./myDeployment.yaml`, `../../week01/day5/README.md`, `../day12/init-containers.yaml`)
 * or with GitHub URLs of the challenge's own repository. Rules, in order:
 *
 * 1. An anchor alone (`#tasks`), `mailto:` and any other scheme but http(s) → left as written.
 * 2. A GitHub URL (`github.com/OWNER/66DaysOfK8s/blob|tree|raw/BRANCH/PATH`,
 *    `raw.githubusercontent.com/OWNER/66DaysOfK8s/BRANCH/PATH`) is read as PATH from the
 *    repository root; any other absolute URL is external → left as written.
 * 3. A path naming a day folder or its README.md (`challenge/weekNN/dayN[/README.md]`, any `dayN`) → that
 *    day's URL (`#anchor` kept), whether or not the folder is in this import: days come from
 *    the challenge's table too.
 * 4. A path naming a file of the repository → its file URL: inside a day folder
 *    `/api/v1/days/N/files/<path in the folder>`, elsewhere `/api/v1/files/<path>`.
 * 5. Anything else is a dead link: left as written, and the one kind of link warning.
 *    A GitHub URL of a file we do not have stays external (it still works on GitHub).
 */
import { posix } from "node:path";
import { CONTENT_BASE, challengeFilePath, dayFilePath, dayPath } from "../modules/content/contentBase.ts";

/** What a link of a lesson points at. */
export type LinkTarget =
  /** Another (or the same) day of the challenge. */
  | { kind: "day"; number: number; url: string }
  /** A file of the repository served by this API. */
  | { kind: "file"; url: string }
  /** A relative path that names nothing in the repository. */
  | { kind: "dead" }
  /** External, an anchor, mailto: — left as written. */
  | { kind: "keep" };

/** Resolves the links of one lesson file. */
export type LinkResolver = (href: string) => LinkTarget;

const DAY_FOLDER = /(?:^|\/)day0*(\d{1,3})$/i;
const IN_DAY_FOLDER = /^((?:.*\/)?day0*(\d{1,3}))\/(.+)$/i;
const GITHUB = /^https?:\/\/(?:www\.)?github\.com\/[^/]+\/66daysofk8s(?:\.git)?(?:\/(?:blob|tree|raw)\/[^/]+(?:\/(.*))?)?\/?$/i;
const GITHUB_RAW = /^https?:\/\/raw\.githubusercontent\.com\/[^/]+\/66daysofk8s\/[^/]+\/(.*)$/i;

/**
 * A resolver for the links of the lesson at `sourcePath` (repository-relative, e.g.
 * "challenge/week02/day8/README.md"), given every file path of the repository.
 * @example
 * const resolve = linkResolver("challenge/week02/day8/README.md", new Set(["challenge/week02/day8/myDeployment.yaml"]));
 * resolve("./myDeployment.yaml") // { kind: "file", url: "https://k8s-days.invalid/api/v1/days/8/files/myDeployment.yaml" }
 * resolve("../../week01/day5/README.md") // { kind: "day", number: 5, url: "https://k8s-days.invalid/api/v1/days/5" }
 */
export function linkResolver(sourcePath: string, files: ReadonlySet<string>): LinkResolver {
  const dir = posix.dirname(sourcePath);
  return (raw) => {
    const href = raw.trim();
    if (!href || href.startsWith("#")) return { kind: "keep" };
    const github = GITHUB.exec(href) ?? GITHUB_RAW.exec(href);
    if (github) {
      const { path, hash } = splitHash(decodePath(github[1] ?? ""));
      return targetOf(posix.normalize(path || "."), hash, files, true);
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return { kind: "keep" };
    const { path, hash } = splitHash(decodePath(href.split("?")[0]!));
    const joined = path.startsWith("/") ? path.slice(1) : posix.join(dir, path);
    const normalized = posix.normalize(joined);
    if (normalized.startsWith("..")) return { kind: "dead" };
    return targetOf(normalized, hash, files, false);
  };
}

function targetOf(path: string, hash: string, files: ReadonlySet<string>, fromGithub: boolean): LinkTarget {
  const clean = path.replace(/\/+$/, "").replace(/^\.\/?/, "");
  const folder = DAY_FOLDER.exec(clean) ?? DAY_FOLDER.exec(clean.replace(/\/readme\.md$/i, ""));
  if (folder) {
    const number = Number(folder[1]);
    return { kind: "day", number, url: `${CONTENT_BASE}${dayPath(number)}${hash}` };
  }
  if (files.has(clean)) {
    const inDay = IN_DAY_FOLDER.exec(clean);
    const url = inDay ? dayFilePath(Number(inDay[2]), inDay[3]!) : challengeFilePath(clean);
    return { kind: "file", url: `${CONTENT_BASE}${url}${hash}` };
  }
  return fromGithub ? { kind: "keep" } : { kind: "dead" };
}

function splitHash(href: string): { path: string; hash: string } {
  const at = href.indexOf("#");
  return at < 0 ? { path: href, hash: "" } : { path: href.slice(0, at), hash: href.slice(at) };
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
