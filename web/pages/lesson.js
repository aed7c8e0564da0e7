// /app/days/{number} — one lesson: the server's sanitized HTML (screenshots and
// manifests are absolute URLs of this API), copy buttons on code blocks, concepts as
// chips, references, attached files, previous/next, and the learner's progress.
import { useEffect, useRef, useState } from "../vendor/preact-hooks.mjs";
import { html } from "../html.js";
import { ApiError, graphql, rest } from "../api.js";
import { Pending, STATUS, copyText, useLoad } from "../components.js";
import { useTitle } from "../router.js";

const LESSON = `query Lesson($n: Int!) {
  day(number: $n) {
    number title week kind date summary hasLesson html
    concepts { concept { slug name } focus }
    references { url title domain }
    attachments { name url mediaType size }
    previous { number title }
    next { number title }
  }
}`;

/** Adds a copy button to every code block, makes them reachable by keyboard, and keeps links to other days in the app. */
function enhanceLesson(root) {
  for (const pre of root.querySelectorAll("pre")) {
    if (pre.parentElement?.classList.contains("code")) continue;
    const wrap = document.createElement("div");
    wrap.className = "code";
    pre.replaceWith(wrap);
    wrap.append(pre);
    // A scrolling block must be focusable so keyboard users can scroll it.
    pre.tabIndex = 0;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy this code");
    button.addEventListener("click", async () => {
      const ok = await copyText(pre.innerText.replace(/\n$/, ""));
      button.textContent = ok ? "Copied" : "Copy failed";
      setTimeout(() => {
        button.textContent = "Copy";
      }, 1500);
    });
    wrap.append(button);
  }
  for (const a of root.querySelectorAll("a[href]")) {
    const url = new URL(a.href, location.href);
    const day = url.origin === location.origin && /^\/api\/v1\/days\/(\d+)$/.exec(url.pathname);
    if (day) a.setAttribute("href", `/app/days/${day[1]}${url.hash}`);
  }
}

function LessonBody({ markup }) {
  const ref = useRef(null);
  useEffect(() => {
    if (ref.current) enhanceLesson(ref.current);
  }, [markup]);
  return html`<div class="lesson" data-testid="lesson-body" ref=${ref} dangerouslySetInnerHTML=${{ __html: markup }}></div>`;
}

/** Mark done / in progress, with a note and a confidence (1–5). */
function ProgressForm({ day }) {
  const current = useLoad(() => rest("GET", `/me/progress/${day}`), [day]);
  const [note, setNote] = useState("");
  const [confidence, setConfidence] = useState("");
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (!current.data) return;
    setNote(current.data.note ?? "");
    setConfidence(current.data.confidence ? String(current.data.confidence) : "");
  }, [current.data]);
  const save = async (status) => {
    setMessage("");
    try {
      const body = { status, note: note.trim() ? note : null, confidence: confidence ? Number(confidence) : null };
      await rest("PUT", `/me/progress/${day}`, body);
      current.reload();
      setMessage(`Saved: ${STATUS[status].label}.`);
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : "Could not save.");
    }
  };
  if (current.data === undefined) return html`<${Pending} error=${current.error} />`;
  const status = current.data.status;
  return html`
    <form class="progress" onSubmit=${(e) => {
      e.preventDefault();
      save("DONE");
    }}>
      <p>Status: <strong data-testid="lesson-status" data-status=${status}>${STATUS[status].label}</strong></p>
      <label for="progress-note">Note</label>
      <textarea id="progress-note" rows="3" maxlength="2000" value=${note} onInput=${(e) => setNote(e.currentTarget.value)}></textarea>
      <label for="progress-confidence">Confidence</label>
      <select id="progress-confidence" value=${confidence} onChange=${(e) => setConfidence(e.currentTarget.value)}>
        <option value="">—</option>
        ${[1, 2, 3, 4, 5].map((n) => html`<option value=${n}>${n} of 5</option>`)}
      </select>
      <div class="buttons">
        <button type="submit" data-testid="mark-done" aria-pressed=${status === "DONE"}>Mark done</button>
        <button type="button" class="secondary" onClick=${() => save("IN_PROGRESS")} aria-pressed=${status === "IN_PROGRESS"}>Mark in progress</button>
      </div>
      <p class="status" role="status">${message}</p>
    </form>`;
}

export function LessonPage({ day, signedIn }) {
  const lesson = useLoad(() => graphql(LESSON, { n: day }), [day]);
  const d = lesson.data?.day;
  useTitle(d ? `Day ${d.number}: ${d.title}` : `Day ${day}`);
  if (lesson.data === undefined) return html`<${Pending} error=${lesson.error} />`;
  if (!d) return html`<h1>Day ${day}</h1><p>There is no such day. <a href="/app/">All lessons</a></p>`;
  const files = d.attachments.filter((a) => !a.mediaType.startsWith("image/"));
  return html`
    <article class="lesson-page">
      <p class="crumbs"><a href="/app/">Lessons</a> › Week ${d.week}</p>
      <h1>Day ${d.number}: ${d.title}</h1>
      <p class="meta"><span class=${`kind kind-${d.kind.toLowerCase()}`}>${d.kind.toLowerCase()}</span>${d.date ? html` · <time datetime=${d.date}>${d.date}</time>` : null}</p>
      <p class="lead">${d.summary}</p>
      ${
        d.concepts.length
          ? html`
        <ul class="chips" aria-label="Concepts">
          ${d.concepts.map((c) => html`<li><a class=${c.focus ? "chip focus" : "chip"} href=${`/app/concepts/${encodeURIComponent(c.concept.slug)}`}>${c.concept.name}</a></li>`)}
        </ul>`
          : null
      }
      ${d.hasLesson ? html`<${LessonBody} markup=${d.html} />` : html`<p class="muted" data-testid="lesson-body">The full lesson has not been imported yet.</p>`}
      ${
        files.length
          ? html`
        <section aria-labelledby="files"><h2 id="files">Attached files</h2>
          <ul>${files.map((f) => html`<li><a href=${f.url}>${f.name}</a> <span class="muted">(${Math.ceil(f.size / 1024)} kB)</span></li>`)}</ul>
        </section>`
          : null
      }
      ${
        d.references.length
          ? html`
        <section aria-labelledby="refs"><h2 id="refs">References</h2>
          <ul class="refs">${d.references.map((r) => html`<li><a href=${r.url} rel="noopener noreferrer">${r.title}</a> <span class="muted">${r.domain}</span></li>`)}</ul>
        </section>`
          : null
      }
      <section aria-labelledby="mine"><h2 id="mine">My progress</h2>
        ${signedIn ? html`<${ProgressForm} day=${d.number} />` : html`<p><a href="/app/me">Sign in</a> to mark this lesson done.</p>`}
      </section>
      <nav class="prevnext" aria-label="Previous and next lessons">
        ${d.previous ? html`<a rel="prev" href=${`/app/days/${d.previous.number}`}>← Day ${d.previous.number}: ${d.previous.title}</a>` : html`<span></span>`}
        ${d.next ? html`<a rel="next" href=${`/app/days/${d.next.number}`}>Day ${d.next.number}: ${d.next.title} →</a>` : null}
      </nav>
    </article>`;
}
