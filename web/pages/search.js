// /app/search?q= — search as you type over /api/v1/search; results grouped by type
// (the group of the best hit first), matches highlighted from the API's «» markers.
import { useEffect, useRef, useState } from "../vendor/preact-hooks.mjs";
import { html } from "../html.js";
import { rest } from "../api.js";
import { Highlighted } from "../components.js";
import { useTitle } from "../router.js";

const GROUPS = { CONCEPT: "Concepts", DAY: "Lessons", REFERENCE: "References" };
const DELAY_MS = 150;

/** Where a hit leads: a page of the app, or the reference's own URL. */
function hitLink(hit) {
  const n = hit.node;
  if (hit.type === "DAY") return { href: `/app/days/${n.number}`, label: `Day ${n.number}: ${n.title}` };
  if (hit.type === "CONCEPT") return { href: `/app/concepts/${encodeURIComponent(n.slug)}`, label: n.name };
  return { href: n.url, label: n.title ?? n.url, external: true };
}

/** Hits grouped by type, groups in the order of their best hit. */
export function groupHits(items) {
  const groups = new Map();
  for (const hit of items) {
    if (!groups.has(hit.type)) groups.set(hit.type, []);
    groups.get(hit.type).push(hit);
  }
  return [...groups];
}

export function SearchPage({ q }) {
  useTitle(q ? `Search: ${q}` : "Search");
  const [query, setQuery] = useState(q);
  const [result, setResult] = useState({ query: "", items: [], error: null, busy: false });
  const input = useRef(null);
  useEffect(() => {
    input.current?.focus();
  }, []);
  useEffect(() => {
    const text = query.trim();
    history.replaceState(null, "", text ? `/app/search?q=${encodeURIComponent(text)}` : "/app/search");
    if (!text) return void setResult({ query: "", items: [], error: null, busy: false });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setResult((r) => ({ ...r, busy: true }));
      rest("GET", `/search?q=${encodeURIComponent(text)}&limit=30`, undefined, { signal: controller.signal }).then(
        (page) => setResult({ query: text, items: page.items, error: null, busy: false }),
        (error) => error.name !== "AbortError" && setResult({ query: text, items: [], error, busy: false }),
      );
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return html`
    <h1>Search</h1>
    <form role="search" onSubmit=${(e) => e.preventDefault()}>
      <label for="search">Lessons, concepts and references</label>
      <input id="search" type="search" data-testid="search-input" data-autofocus autocomplete="off" spellcheck="false"
        placeholder="e.g. statefulset, init container, day 13" value=${query} ref=${input}
        onInput=${(e) => setQuery(e.currentTarget.value)} />
    </form>
    <p class="muted" role="status" aria-live="polite">${
      result.error ? result.error.message : result.query ? `${result.items.length} result${result.items.length === 1 ? "" : "s"} for “${result.query}”` : ""
    }</p>
    <div data-testid="search-results" aria-busy=${result.busy}>
      ${groupHits(result.items).map(
        ([type, hits]) => html`
        <section class="hits" aria-labelledby=${`group-${type}`}>
          <h2 id=${`group-${type}`}>${GROUPS[type] ?? type}</h2>
          <ol>
            ${hits.map((hit) => {
              const link = hitLink(hit);
              return html`<li class="hit" data-type=${hit.type}>
                <a href=${link.href} rel=${link.external ? "noopener noreferrer" : undefined}>${link.label}</a>
                <p class="snippet"><${Highlighted} text=${hit.snippet} /></p>
              </li>`;
            })}
          </ol>
        </section>`,
      )}
    </div>`;
}
