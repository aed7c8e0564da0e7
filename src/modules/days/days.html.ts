/**
 * A lesson as a standalone HTML page (`GET /api/v1/days/{n}.html`): the sanitized HTML
 * the importer rendered, inside a minimal document with no script and no external
 * style. Frontends that embed lessons use `Day.html` (GraphQL) or `sections[].html`.
 */
import { withBase } from "../content/contentBase.ts";
import type { Day } from "./days.mappers.ts";

/** Content-Security-Policy of the page: no scripts, images from anywhere (lessons cite external diagrams). */
export const LESSON_PAGE_CSP = "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page of one lesson; stored URLs become absolute on `base`. */
export function dayHtmlDocument(day: Day, base: string): string {
  const title = `Day ${day.number}: ${day.title}`;
  const body = day.html ? withBase(day.html, base) : `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(day.summary)}</p>`;
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} · #66DaysOfK8s</title>`,
    "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}img{max-width:100%;height:auto}pre{overflow:auto;padding:1rem;background:#8881}</style>",
    "</head>",
    "<body>",
    `<main data-day="${day.number}">`,
    body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
