/**
 * PURE: what the importer keeps of one file of the repository — UTF-8 text (kept
 * byte for byte, BOM included, so serving it back gives the original file) or an
 * image (its bytes, dimensions read from the header) — with its size and sha256.
 * Anything else is refused with the reason, never thrown.
 */
import { createHash } from "node:crypto";
import { extname } from "node:path";
import { imageSize } from "image-size";
import { mediaTypeOf } from "./manifests.ts";

/** A file as the store keeps it. Text files have `data: null`; images have `text: ""`. */
export interface StoredFile {
  mediaType: string;
  text: string;
  data: Uint8Array<ArrayBuffer> | null;
  size: number;
  /** sha256 (hex) of the file's bytes. */
  sha256: string;
  width: number | null;
  height: number | null;
}

/**
 * Why a file is not kept: `warning` is a problem worth reporting (a corrupt image);
 * `binary` is a non-image binary file (a PDF, an archive), skipped without a warning.
 */
export type FileRefusal = { warning: string } | { binary: true };

/** Image formats the importer keeps, by extension (the format read from the bytes decides the media type). */
const IMAGE_EXTENSIONS: Record<string, string> = { ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".svg": "SVG", ".webp": "WebP" };

/** Media types of the image formats image-size reports. */
const IMAGE_MEDIA_TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", gif: "image/gif", svg: "image/svg+xml", webp: "image/webp" };

/** True for a file name with an image extension the importer keeps (png, jpg/jpeg, gif, svg, webp). */
export function isImageName(name: string): boolean {
  return extname(name).toLowerCase() in IMAGE_EXTENSIONS;
}

/** sha256 (hex) of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The stored form of a file's bytes, or why it is refused.
 * @example storedFile("readme-images/01.png", png)  // { mediaType: "image/png", text: "", data: png, width: 1214, height: 291, … }
 * @example storedFile("pod.yaml", yaml)             // { mediaType: "application/yaml", text: "apiVersion: v1\n…", data: null, … }
 * @example storedFile("broken.png", junk)           // { warning: "not a valid PNG image" }
 */
export function storedFile(name: string, bytes: Uint8Array<ArrayBuffer>): StoredFile | FileRefusal {
  const sha256 = sha256Hex(bytes);
  if (isImageName(name)) {
    const image = readImage(name, bytes);
    if ("warning" in image) return image;
    return { mediaType: image.mediaType, text: "", data: bytes, size: bytes.length, sha256, width: image.width, height: image.height };
  }
  const text = exactText(bytes);
  if (text === null) return { binary: true };
  return { mediaType: mediaTypeOf(name), text, data: null, size: bytes.length, sha256, width: null, height: null };
}

/** True when `storedFile` refused the file. */
export function isRefusal(file: StoredFile | FileRefusal): file is FileRefusal {
  return "warning" in file || "binary" in file;
}

/**
 * Format and size of an image. The bytes decide the format (a JPEG named .png is
 * served as image/jpeg); an SVG needs an <svg> element but no size (browsers pick one).
 */
function readImage(name: string, bytes: Uint8Array): { mediaType: string; width: number | null; height: number | null } | { warning: string } {
  const expected = IMAGE_EXTENSIONS[extname(name).toLowerCase()]!;
  const invalid = { warning: `not a valid ${expected} image` };
  let size: { type?: string; width: number; height: number } | null = null;
  try {
    size = imageSize(bytes);
  } catch {
    size = null;
  }
  if (expected === "SVG") {
    const text = exactText(bytes);
    if (text === null || !/<svg[\s>]/i.test(text)) return invalid;
    return {
      mediaType: IMAGE_MEDIA_TYPES.svg!,
      width: size?.type === "svg" ? size.width || null : null,
      height: size?.type === "svg" ? size.height || null : null,
    };
  }
  const mediaType = size?.type ? IMAGE_MEDIA_TYPES[size.type] : undefined;
  if (!size || !mediaType || mediaType === IMAGE_MEDIA_TYPES.svg || !(size.width > 0) || !(size.height > 0)) return invalid;
  return { mediaType, width: size.width, height: size.height };
}

/**
 * UTF-8 text whose encoding gives back exactly these bytes (a BOM is kept), or null for
 * binary content (NUL bytes or invalid UTF-8).
 */
export function exactText(bytes: Uint8Array): string | null {
  if (bytes.subarray(0, 8192).includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
