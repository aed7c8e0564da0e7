// /app/ — the 66 days by week, with kind, title and the learner's status marks.
import { html } from "../html.js";
import { rest } from "../api.js";
import { Pending, STATUS, useLoad } from "../components.js";
import { useTitle } from "../router.js";

/** Every page of a paged REST list (following `next`), up to `max` pages. */
export async function allPages(path, max = 5) {
  const items = [];
  let cursor = null;
  for (let i = 0; i < max; i++) {
    const sep = path.includes("?") ? "&" : "?";
    const page = await rest("GET", `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    items.push(...page.items);
    if (!page.next) break;
    cursor = page.next;
  }
  return items;
}

export function LessonsPage({ signedIn }) {
  useTitle("Lessons");
  const days = useLoad(() => allPages("/days"), []);
  const progress = useLoad(() => (signedIn ? allPages("/me/progress") : Promise.resolve([])), [signedIn]);
  const status = new Map((progress.data ?? []).map((p) => [p.day, p.status]));
  const weeks = new Map();
  for (const d of days.data ?? []) {
    const week = d.week ?? 0;
    if (!weeks.has(week)) weeks.set(week, []);
    weeks.get(week).push(d);
  }
  const done = [...status.values()].filter((s) => s === "DONE").length;
  return html`
    <h1>#66DaysOfK8s lessons</h1>
    <p class="lead">One short Kubernetes lesson a day, 66 days in a row.
      ${signedIn ? html` You have done <strong>${done}</strong> of ${days.data?.length ?? 66}.` : html` <a href="/app/me">Sign in</a> to track your progress.`}</p>
    ${
      days.data === undefined
        ? html`<${Pending} error=${days.error} />`
        : [...weeks].map(
            ([week, list]) => html`
      <section class="week" aria-labelledby=${`week-${week}`}>
        <h2 id=${`week-${week}`}>${week ? `Week ${week}` : "Other days"}</h2>
        <ol class="days">
          ${list.map((d) => {
            const s = STATUS[status.get(d.number) ?? "NOT_STARTED"];
            return html`<li data-day=${d.number} data-status=${status.get(d.number) ?? "NOT_STARTED"}>
              <a href=${`/app/days/${d.number}`}>
                <span class="num">Day ${d.number}</span>
                <span class="title">${d.title}</span>
              </a>
              <span class=${`kind kind-${d.kind.toLowerCase()}`}>${d.kind.toLowerCase()}</span>
              ${s.mark ? html`<span class="mark" title=${s.label}><span aria-hidden="true">${s.mark}</span><span class="offscreen">${s.label}</span></span>` : null}
            </li>`;
          })}
        </ol>
      </section>`,
          )
    }`;
}
