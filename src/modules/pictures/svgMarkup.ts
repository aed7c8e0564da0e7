/**
 * Writing SVG markup as text, safely: every attribute value and text node is
 * escaped here, attribute names are checked against a fixed pattern, and no
 * element or attribute that can run code or fetch anything (script,
 * foreignObject, on* handlers) can be written at all. The picture writers
 * (heatmap, badge, concept graph) build their markup only through `svg()`,
 * `el()` and `text()`.
 */

/** A piece of markup already escaped (built by `el`, `text` or `svg`). */
export interface Markup {
  readonly markup: string;
}

/** Attribute values; undefined and false leave the attribute out. */
export type Attributes = Record<string, string | number | boolean | undefined>;

const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;
/** Elements that can run code or embed another document: never written. */
const FORBIDDEN_ELEMENTS = new Set(["script", "foreignobject", "iframe", "object", "embed", "image", "use", "animate", "set", "handler", "listener"]);

/** Text escaped for XML content and attribute values (quotes included); characters XML 1.0 forbids are dropped. */
export function escapeXml(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters XML 1.0 forbids, dropped on purpose
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/[\ud800-\udfff]/g, (ch, i: number, s: string) => {
        const code = ch.charCodeAt(0);
        // Keep well-formed surrogate pairs, drop lone halves (not representable in XML).
        if (code < 0xdc00) return s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff ? ch : "";
        return i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) < 0xdc00 ? ch : "";
      })
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

/** A text node. */
export const text = (value: string | number): Markup => ({ markup: escapeXml(String(value)) });

const number = (n: number) => String(Math.round(n * 100) / 100);

/**
 * One element with attributes and children (strings become escaped text).
 * @example el("rect", { x: 1, width: 10 }) // <rect x="1" width="10"/>
 */
export function el(name: string, attributes: Attributes = {}, ...children: (Markup | string | null | undefined | false)[]): Markup {
  if (!NAME.test(name) || FORBIDDEN_ELEMENTS.has(name.toLowerCase())) throw new Error(`element <${name}> is not written`);
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (!NAME.test(key) || /^on/i.test(key)) throw new Error(`attribute ${key} is not written`);
    out += ` ${key}="${value === true ? key : typeof value === "number" ? number(value) : escapeXml(value)}"`;
  }
  const inner = children
    .filter((c): c is Markup | string => Boolean(c))
    .map((c) => (typeof c === "string" ? escapeXml(c) : c.markup))
    .join("");
  return { markup: inner ? `${out}>${inner}</${name}>` : `${out}/>` };
}

/** Several pieces as one. */
export const fragment = (...parts: (Markup | null | undefined | false)[]): Markup => ({
  markup: parts
    .filter((p): p is Markup => Boolean(p))
    .map((p) => p.markup)
    .join(""),
});

/** Input of `svg`: the size, the accessible name and description, the body. */
export interface SvgDocument {
  width: number;
  height: number;
  /** Accessible name (the root's `<title>`). */
  title: string;
  /** Accessible description (the root's `<desc>`). */
  description: string;
  /** Prefix of element ids, so two pictures inlined in one page keep distinct ids. */
  idPrefix: string;
  body: Markup;
}

/**
 * A standalone SVG document: XML declaration, `role="img"`, `aria-labelledby` naming its
 * `<title>` and `<desc>`, a viewBox equal to its size.
 */
export function svg(doc: SvgDocument): string {
  const titleId = `${doc.idPrefix}-title`;
  const descId = `${doc.idPrefix}-desc`;
  const root = el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: doc.width,
      height: doc.height,
      viewBox: `0 0 ${number(doc.width)} ${number(doc.height)}`,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
    },
    el("title", { id: titleId }, doc.title),
    el("desc", { id: descId }, doc.description),
    doc.body,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.markup}\n`;
}
