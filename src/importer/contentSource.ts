/**
 * Where lessons come from: a path on disk, a GitHub repository URL, an archive URL or a git
 * URL. Pure: this file only reads the string; fetching is importer/fetchSource.ts.
 *
 * - `https://github.com/OWNER/REPO` (optionally `/tree/REF`) → GitHub's tar.gz archive of that
 *   ref, from codeload.github.com (no git needed, one download);
 * - an `http(s)` URL ending in `.tar.gz`, `.tgz` or `.zip`, or a codeload.github.com URL →
 *   that archive (its single top folder holds the repository, as GitHub's archives do);
 * - a git URL (`git@host:path`, `ssh://`, `git://`, `git+https://`, `file://`, or an
 *   `http(s)` URL ending in `.git`) → a shallow clone with the system's `git`;
 * - anything else that is not a URL → a path.
 */

/** A content source, read from a string. */
export type ContentSource = { kind: "path"; path: string } | { kind: "archive"; url: string } | { kind: "git"; url: string };

/** A source that cannot be used, said in one line for a person (the CLI prints it as it is). */
export class ContentSourceError extends Error {
  override name = "ContentSourceError";
}

const GITHUB_REPO = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]+?)(?:\/tree\/(.+?))?\/?$/i;

/**
 * The codeload archive URL of a GitHub repository URL, or null when `url` is not one.
 * Without `/tree/REF` the default branch (HEAD); the ref may contain slashes
 * (`feature/x`), so a `/tree/` URL names a ref, never a subfolder.
 * @example githubArchiveUrl("https://github.com/jp-chl/66DaysOfK8s") // "https://codeload.github.com/jp-chl/66DaysOfK8s/tar.gz/HEAD"
 */
export function githubArchiveUrl(url: string): string | null {
  const match = GITHUB_REPO.exec(url.split(/[?#]/)[0]!);
  if (!match) return null;
  const [, owner, repo, ref] = match as unknown as [string, string, string, string | undefined];
  if (repo.endsWith(".git") || repo === "." || repo === "..") return null;
  const encodedRef = ref ? ref.split("/").map(encodeURIComponent).join("/") : "HEAD";
  return `https://codeload.github.com/${owner}/${repo}/tar.gz/${encodedRef}`;
}

/** True for `none` (any case): CONTENT_SOURCE turned off. */
export function isNoSource(value: string): boolean {
  return value.trim().toLowerCase() === "none";
}

/**
 * Reads a source string: a GitHub repository, an archive URL, a git URL or a path.
 * Throws ContentSourceError for a URL that is none of these (e.g. a web page).
 */
export function parseContentSource(input: string): ContentSource {
  const value = input.trim();
  const github = githubArchiveUrl(value);
  if (github) return { kind: "archive", url: github };
  if (/^git@[^:/]+:.+/.test(value) || /^(ssh|git|file):\/\//i.test(value)) return { kind: "git", url: value };
  if (/^git\+(https?|ssh):\/\//i.test(value)) return { kind: "git", url: value.slice(4) };
  if (/^https?:\/\//i.test(value)) {
    let path: string;
    let host: string;
    try {
      ({ pathname: path, hostname: host } = new URL(value));
    } catch {
      throw new ContentSourceError(`not a valid URL: ${value}`);
    }
    if (/\.(tar\.gz|tgz|zip)$/i.test(path) || host === "codeload.github.com") return { kind: "archive", url: value };
    if (/\.git\/?$/i.test(path)) return { kind: "git", url: value };
    throw new ContentSourceError(
      `cannot import ${value}: expected a GitHub repository URL (https://github.com/OWNER/REPO[/tree/BRANCH]), a .tar.gz/.tgz/.zip URL, a git URL (ending in .git) or a path`,
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new ContentSourceError(`cannot import ${value}: unsupported URL scheme`);
  return { kind: "path", path: value };
}

/** The source as shown in logs and messages: URLs without credentials or query. */
export function describeSource(source: ContentSource): string {
  if (source.kind === "path") return source.path;
  if (/^git@/.test(source.url)) return source.url;
  try {
    const url = new URL(source.url);
    url.username = "";
    url.password = "";
    url.search = "";
    return url.toString();
  } catch {
    return source.url;
  }
}
