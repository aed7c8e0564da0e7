/**
 * The contract check: every /api/v1 response a test receives is checked against the
 * OpenAPI document the app serves — its status is declared for the operation, its
 * Content-Type is one the document lists (with a charset for text), and its body
 * validates against the declared JSON Schema (Ajv, draft 2020-12 as in OpenAPI 3.1).
 * Error responses anywhere under /api/v1 must be problem+json.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { captureBody } from "../../src/http/captureBody.ts";
import Ajv2020Module from "ajv/dist/2020.js";

/** One response as the client saw it. */
export interface RecordedResponse {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
}

/** Wraps a request listener so every response under /api/v1 is recorded into `into`. */
export function recordResponses(handler: RequestListener, into: RecordedResponse[]): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith("/api/v1")) return handler(req, res);
    const url = req.url;
    let headType: string | undefined;
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
    (res as { writeHead: unknown }).writeHead = (status: number, ...rest: unknown[]) => {
      // Headers handed to writeHead (the response cache does so) are not visible to getHeader.
      const headers = rest.find((r) => typeof r === "object" && r !== null) as Record<string, unknown> | undefined;
      const type = headers && Object.entries(headers).find(([k]) => k.toLowerCase() === "content-type")?.[1];
      if (type) headType = String(type);
      return writeHead(status, ...rest);
    };
    captureBody(res, (body) => {
      into.push({ method: req.method ?? "GET", url, status: res.statusCode, contentType: String(res.getHeader("content-type") ?? headType ?? ""), body });
    });
    handler(req, res);
  };
}

type Json = Record<string, any>;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as new (
  o: object,
) => {
  addSchema(s: object): void;
  getSchema(ref: string): (((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null }) | undefined;
};

/** Checks responses against an OpenAPI 3.1 document; returns one message per violation. */
export function contractChecker(document: Json): (r: RecordedResponse) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...document, $id: "urn:k8s-days:openapi" });
  const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
  const templates = Object.keys(document.paths ?? {})
    .map((t) => ({
      template: t,
      regex: new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{\w+\\?\}|\{\w+\}/g, "[^/]+")}$`),
      params: (t.match(/\{/g) ?? []).length,
      literal: t.replace(/\{\w+\}/g, "").length,
    }))
    .sort((a, b) => a.params - b.params || b.literal - a.literal);

  return (r) => {
    const where = `${r.method} ${r.url} → ${r.status}`;
    const raw = r.url.split("?")[0]!;
    let path = raw;
    try {
      path = decodeURI(raw);
    } catch {
      /* a malformed path (answered 400) matches no template as is */
    }
    const mediaType = r.contentType.split(";")[0]!.trim().toLowerCase();
    const problems: string[] = [];
    if (r.status >= 400 && mediaType !== "application/problem+json")
      problems.push(`${where}: error answered as ${r.contentType || "no content type"}, not problem+json`);
    if (/^(text\/|application\/(problem\+)?json)/.test(mediaType) && !/charset=utf-8/i.test(r.contentType))
      problems.push(`${where}: ${r.contentType} without charset=utf-8`);
    const match = templates.find((t) => t.regex.test(path));
    const method = r.method === "HEAD" ? "get" : r.method.toLowerCase();
    const operation: Json | undefined = match ? document.paths[match.template]?.[method] : undefined;
    if (!match || !operation) {
      // Not an operation of the document (OPTIONS, 405, unknown path, docs page): only the generic rules.
      return problems;
    }
    if (r.status === 304) return method === "get" ? problems : [...problems, `${where}: 304 on a non-GET`];
    const declared: Json | undefined = operation.responses?.[String(r.status)] ?? operation.responses?.default;
    if (!declared)
      return [
        ...problems,
        `${where}: status not declared for ${method.toUpperCase()} ${match.template} (declared: ${Object.keys(operation.responses ?? {}).join(", ")})`,
      ];
    if (!declared.content) {
      if (r.body.length) problems.push(`${where}: body sent where none is declared`);
      return problems;
    }
    const content = declared.content[mediaType] ? mediaType : undefined;
    if (!content) return [...problems, `${where}: content type ${r.contentType} not among ${Object.keys(declared.content).join(", ")}`];
    if (r.method === "HEAD") return problems;
    let body: unknown;
    if (/json$/.test(content)) {
      try {
        body = JSON.parse(r.body.toString("utf8"));
      } catch {
        return [...problems, `${where}: body is not JSON`];
      }
    } else {
      body = r.body.toString("utf8");
    }
    const ref = `urn:k8s-days:openapi#/${pointer("paths", match.template, method, "responses", String(r.status) in operation.responses ? String(r.status) : "default", "content", content, "schema")}`;
    const validate = ajv.getSchema(ref);
    if (!validate) return [...problems, `${where}: no schema at ${ref}`];
    if (!validate(body)) {
      const errs = (validate.errors ?? [])
        .slice(0, 5)
        .map((e) => `${e.instancePath || "/"} ${e.message}`)
        .join("; ");
      problems.push(`${where}: body does not match ${match.template}: ${errs}`);
    }
    return problems;
  };
}
