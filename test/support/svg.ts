/**
 * SVG checks for tests: parse a picture with a real XML parser (jsdom's XML mode,
 * saxes underneath: malformed markup throws) and list anything in it that could run
 * code or reach another origin.
 */
import { JSDOM } from "jsdom";

/** The SVG document `text` parses to; throws when it is not well-formed XML or not an SVG. */
export function parseSvg(text: string): Document {
  const doc = new JSDOM(text, { contentType: "image/svg+xml" }).window.document;
  if (doc.documentElement.localName !== "svg" || doc.documentElement.namespaceURI !== "http://www.w3.org/2000/svg") {
    throw new Error(`not an SVG document: <${doc.documentElement.localName}>`);
  }
  return doc;
}

const ACTIVE_ELEMENTS = new Set(["script", "foreignobject", "iframe", "object", "embed", "image", "use", "animate", "set", "handler", "listener", "style"]);

/**
 * What in `doc` could run code or fetch from elsewhere: script-like elements, `on*`
 * handlers, `javascript:` anywhere, links and `url(…)` references other than in-document
 * fragments (`#id`) — except links starting with one of `allowedLinks`.
 */
export function unsafeParts(doc: Document, allowedLinks: string[] = []): string[] {
  const found: string[] = [];
  for (const node of Array.from(doc.childNodes)) {
    if (node.nodeType === node.PROCESSING_INSTRUCTION_NODE) found.push(`processing instruction <?${(node as ProcessingInstruction).target}?>`);
    if (node.nodeType === node.DOCUMENT_TYPE_NODE) found.push("a DOCTYPE");
  }
  for (const element of Array.from(doc.getElementsByTagName("*"))) {
    const name = element.localName.toLowerCase();
    if (ACTIVE_ELEMENTS.has(name)) found.push(`<${element.localName}>`);
    for (const attr of Array.from(element.attributes)) {
      const where = `<${element.localName} ${attr.name}="${attr.value.slice(0, 60)}">`;
      if (/^on/i.test(attr.localName)) found.push(`event handler ${where}`);
      if (/javascript:|data:|vbscript:/i.test(attr.value)) found.push(`script or data URL ${where}`);
      if (attr.localName === "href" || attr.localName === "src") {
        if (!attr.value.startsWith("#") && !allowedLinks.some((a) => attr.value.startsWith(a))) found.push(`link ${where}`);
      }
      for (const m of attr.value.matchAll(/url\(\s*['"]?([^'")\s]*)/gi)) {
        if (!m[1]!.startsWith("#")) found.push(`external url() ${where}`);
      }
    }
  }
  return found;
}
