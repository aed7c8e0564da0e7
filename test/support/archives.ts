/**
 * Archives and a local HTTP server for the remote-source tests (never the internet):
 * hand-written .tar.gz and .zip writers, so a test can build exactly the hostile entries
 * it needs (`../` paths, links pointing outside), and the fixture repository packed the way
 * GitHub packs a repository (one top folder).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readdirSync, readFileSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { crc32, gzipSync } from "node:zlib";
import { fixturesDir } from "./databases.ts";

/** One entry of a hand-made archive. */
export interface ArchiveEntry {
  path: string;
  type?: "file" | "dir" | "symlink" | "hardlink";
  body?: string | Buffer;
  /** Target of a link. */
  linkpath?: string;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

/** A gzip-compressed ustar archive of `entries`, written as given (no path checks). */
export function tarGz(entries: ArchiveEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? "");
    const type = entry.type ?? "file";
    const header = Buffer.alloc(512);
    header.write(entry.path, 0, 100, "utf8");
    header.write(octal(type === "dir" ? 0o755 : 0o644, 8), 100, "ascii");
    header.write(octal(0, 8), 108, "ascii");
    header.write(octal(0, 8), 116, "ascii");
    header.write(octal(type === "file" ? body.length : 0, 12), 124, "ascii");
    header.write(octal(1_700_000_000, 12), 136, "ascii");
    header.write("        ", 148, "ascii");
    header.write({ file: "0", dir: "5", symlink: "2", hardlink: "1" }[type], 156, "ascii");
    header.write(entry.linkpath ?? "", 157, 100, "utf8");
    header.write("ustar\u000000", 257, "ascii");
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
    blocks.push(header);
    if (type === "file" && body.length) blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** A .zip of `entries` (stored, not compressed), made by a Unix zipper so modes mark folders and links. */
export function zipOf(entries: ArchiveEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const type = entry.type ?? "file";
    const name = Buffer.from(type === "dir" && !entry.path.endsWith("/") ? `${entry.path}/` : entry.path);
    const data = Buffer.from(type === "symlink" ? (entry.linkpath ?? "") : (entry.body ?? ""));
    const crc = crc32(data);
    const mode = type === "dir" ? 0o040755 : type === "symlink" ? 0o120777 : 0o100644;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Every file of the fixture repository as archive entries under `top/` (GitHub's `REPO-BRANCH/`). */
export function fixtureEntries(top = "66DaysOfK8s-main"): ArchiveEntry[] {
  const root = fixturesDir();
  const out: ArchiveEntry[] = [{ path: `${top}/`, type: "dir" }];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(root, path)).isDirectory()) {
        out.push({ path: `${top}/${path}/`, type: "dir" });
        walk(path);
      } else out.push({ path: `${top}/${path}`, body: readFileSync(join(root, path)) });
    }
  };
  walk("");
  return out;
}

/** A route of the archive server: bytes to send, or a handler of its own. */
export type Route = Buffer | ((req: IncomingMessage, res: ServerResponse) => void);

/** A local HTTP server answering fixed paths; `requests` lists the paths asked for. */
export async function serveArchives(routes: Record<string, Route>): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const route = routes[(req.url ?? "").split("?")[0]!];
    if (!route) {
      res.writeHead(404).end("not found");
      return;
    }
    if (typeof route === "function") return route(req, res);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": route.length }).end(route);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
