// /app/concepts/{slug} — a concept: summary, related concepts with their reasons, the
// lessons that teach it, references, and the concept graph picture around it.
import { html } from "../html.js";
import { graphql } from "../api.js";
import { ApiPicture, Pending, useLoad } from "../components.js";
import { useTitle } from "../router.js";

const CONCEPT = `query Concept($slug: String!) {
  concept(slug: $slug) {
    slug name aliases summary category docsUrl
    related(first: 12) { concept { slug name } kind reason }
    days(first: 100) { number title kind }
    references { url title domain }
  }
}`;

export function ConceptPage({ slug }) {
  const loaded = useLoad(() => graphql(CONCEPT, { slug }), [slug]);
  const c = loaded.data?.concept;
  useTitle(c ? c.name : slug);
  if (loaded.data === undefined) return html`<${Pending} error=${loaded.error} />`;
  if (!c) return html`<h1>${slug}</h1><p>No such concept. <a href=${`/app/search?q=${encodeURIComponent(slug)}`}>Search for “${slug}”</a></p>`;
  return html`
    <article class="concept-page">
      <p class="crumbs"><a href="/app/search">Concepts</a> › ${c.category}</p>
      <h1>${c.name}</h1>
      ${c.aliases.length ? html`<p class="muted">Also: ${c.aliases.join(", ")}</p>` : null}
      <p class="lead">${c.summary}</p>
      ${c.docsUrl ? html`<p><a href=${c.docsUrl} rel="noopener noreferrer">Kubernetes documentation</a></p>` : null}
      <${ApiPicture} className="graph" path=${`/concepts/graph.svg?focus=${encodeURIComponent(c.slug)}&depth=1`} alt=${`Graph of the concepts around ${c.name}; they are listed under Related concepts`} />
      <section aria-labelledby="related"><h2 id="related">Related concepts</h2>
        ${
          c.related.length
            ? html`<ul class="related">
          ${c.related.map((r) => html`<li><a class="chip" href=${`/app/concepts/${encodeURIComponent(r.concept.slug)}`}>${r.concept.name}</a> <span class="reason">${r.reason}</span></li>`)}
        </ul>`
            : html`<p class="muted">None yet.</p>`
        }
      </section>
      <section aria-labelledby="taught"><h2 id="taught">Lessons that teach it</h2>
        ${
          c.days.length
            ? html`<ul class="taught">
          ${c.days.map((d) => html`<li><a href=${`/app/days/${d.number}`}>Day ${d.number}: ${d.title}</a> <span class=${`kind kind-${d.kind.toLowerCase()}`}>${d.kind.toLowerCase()}</span></li>`)}
        </ul>`
            : html`<p class="muted">No lesson mentions it yet.</p>`
        }
      </section>
      ${
        c.references.length
          ? html`<section aria-labelledby="crefs"><h2 id="crefs">References</h2>
        <ul class="refs">${c.references.map((r) => html`<li><a href=${r.url} rel="noopener noreferrer">${r.title}</a> <span class="muted">${r.domain}</span></li>`)}</ul>
      </section>`
          : null
      }
    </article>`;
}
