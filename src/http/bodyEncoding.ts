/**
 * Request bodies sent with a `Content-Encoding`: body-parser inflates gzip,
 * deflate and br (and answers 415 `encoding.unsupported` for anything else). A
 * body that claims one of them but does not decode is the client's mistake: 400
 * naming the encoding — not a 500 from a zlib error nobody recognised.
 */
import { AppError } from "../errors.ts";

/** Error codes of Node's zlib (Z_DATA_ERROR, Z_BUF_ERROR, …) and brotli (ERR__ERROR_FORMAT_…) decoders. */
const DECODER_CODE = /^(Z_|ERR__ERROR_)/;

/**
 * The 400 for an error raised while decoding a request body, or undefined when
 * `err` is something else.
 *
 * @example
 * bodyDecodingError(Object.assign(new Error("incorrect header check"), { code: "Z_DATA_ERROR" }), "gzip")
 * // → AppError BAD_REQUEST "The request body is not valid gzip data (incorrect header check)"
 */
export function bodyDecodingError(err: unknown, contentEncoding: string | undefined): AppError | undefined {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (typeof e?.code !== "string" || !DECODER_CODE.test(e.code)) return undefined;
  const encoding = (contentEncoding ?? "").trim().toLowerCase() || "compressed";
  return new AppError("BAD_REQUEST", `The request body is not valid ${encoding} data (${String(e.message ?? e.code)}), as its Content-Encoding claims`);
}

/** True when the request's body is sent with a content coding other than identity (the response cache leaves those to body-parser). */
export function hasContentCoding(contentEncoding: string | undefined): boolean {
  const v = (contentEncoding ?? "").trim().toLowerCase();
  return v !== "" && v !== "identity";
}
