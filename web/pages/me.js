// /app/me — the learner's zone. Signed out: register, sign in with a recovery code,
// link this device with a short code, or paste a token. Signed in: today's log,
// streaks, heatmap, streak explanation, share text, review queue, exports, tokens and
// devices. Panels whose endpoint this server does not have yet (404) are not shown.
import { useEffect, useState } from "../vendor/preact-hooks.mjs";
import { html } from "../html.js";
import { ApiError, hasRoute, rest, restBlob, restIfAvailable, session } from "../api.js";
import { ApiPicture, CopyButton, Pending, useLoad } from "../components.js";
import { useTitle } from "../router.js";

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const messageOf = (err) => (err instanceof ApiError ? err.message : "Something went wrong; try again.");

/** A form's submit handler with a busy flag and a message line. */
function useSubmit(action) {
  const [state, setState] = useState({ busy: false, message: "", error: false });
  const onSubmit = async (event) => {
    event.preventDefault();
    setState({ busy: true, message: "", error: false });
    try {
      const message = await action(new FormData(event.currentTarget), event.currentTarget);
      setState({ busy: false, message: message ?? "", error: false });
    } catch (err) {
      setState({ busy: false, message: messageOf(err), error: true });
    }
  };
  return [state, onSubmit];
}

function FormMessage({ state }) {
  return html`<p class=${state.error ? "error" : "status"} role=${state.error ? "alert" : "status"}>${state.message}</p>`;
}

// ————— signed out —————

function Register({ onRecoveryCode }) {
  const [state, onSubmit] = useSubmit(async (form) => {
    const displayName = String(form.get("displayName") ?? "").trim();
    const created = await rest("POST", "/learners", {
      handle: String(form.get("handle") ?? "").trim(),
      ...(displayName ? { displayName } : {}),
      timezone: String(form.get("timezone") || "UTC"),
    });
    if (created.recoveryCode) onRecoveryCode(created.recoveryCode);
    session.signIn(created.token);
  });
  return html`
    <form class="card" onSubmit=${onSubmit} aria-labelledby="register">
      <h2 id="register">Start the challenge</h2>
      <label for="handle">Handle</label>
      <input id="handle" name="handle" data-testid="register-handle" required minlength="3" maxlength="30"
        pattern="[a-z0-9_\\-]+" autocapitalize="none" autocomplete="username" aria-describedby="handle-hint" />
      <p id="handle-hint" class="hint">3–30 lowercase letters, digits, - and _.</p>
      <label for="display-name">Display name <span class="muted">(optional)</span></label>
      <input id="display-name" name="displayName" maxlength="80" autocomplete="nickname" />
      <label for="timezone">Time zone</label>
      <input id="timezone" name="timezone" defaultValue=${zone()} required aria-describedby="tz-hint" />
      <p id="tz-hint" class="hint">Your days start at midnight here.</p>
      <button type="submit" data-testid="register-submit" disabled=${state.busy}>Register</button>
      <${FormMessage} state=${state} />
    </form>`;
}

function Recover({ onRecoveryCode }) {
  const [state, onSubmit] = useSubmit(async (form) => {
    const signedIn = await rest("POST", "/sessions", { handle: String(form.get("handle")).trim(), recoveryCode: String(form.get("code")).trim() });
    if (signedIn.recoveryCode) onRecoveryCode(signedIn.recoveryCode);
    session.signIn(signedIn.token);
  });
  return html`
    <form class="card" onSubmit=${onSubmit} aria-labelledby="recover">
      <h2 id="recover">Sign in with your recovery code</h2>
      <label for="recover-handle">Handle</label>
      <input id="recover-handle" name="handle" required autocomplete="username" />
      <label for="recover-code">Recovery code</label>
      <input id="recover-code" name="code" required autocomplete="off" />
      <button type="submit" disabled=${state.busy}>Sign in</button>
      <${FormMessage} state=${state} />
    </form>`;
}

function LinkDevice() {
  const [state, onSubmit] = useSubmit(async (form) => {
    const linked = await rest("POST", "/device-codes/exchange", {
      code: String(form.get("code")).trim(),
      client: `web app (${navigator.platform || "browser"})`,
    });
    session.signIn(linked.token);
  });
  return html`
    <form class="card" onSubmit=${onSubmit} aria-labelledby="link">
      <h2 id="link">Link this device</h2>
      <p class="hint">On a device where you are signed in, open My challenge › Devices and create a code.</p>
      <label for="device-code">Device code</label>
      <input id="device-code" name="code" required maxlength="32" autocomplete="one-time-code" />
      <button type="submit" disabled=${state.busy}>Link</button>
      <${FormMessage} state=${state} />
    </form>`;
}

function PasteToken() {
  const [state, onSubmit] = useSubmit(async (form) => {
    const token = String(form.get("token")).trim();
    const res = await fetch("/api/v1/me", { headers: { accept: "application/json", authorization: `Bearer ${token}` } });
    if (!res.ok) throw new ApiError(res.status, { detail: "That token is not valid." });
    session.signIn(token);
  });
  return html`
    <form class="card" onSubmit=${onSubmit} aria-labelledby="paste">
      <h2 id="paste">Use a token you already have</h2>
      <label for="paste-token">Token</label>
      <input id="paste-token" name="token" type="password" required autocomplete="off" />
      <button type="submit" disabled=${state.busy}>Sign in</button>
      <${FormMessage} state=${state} />
    </form>`;
}

function SignedOut({ onRecoveryCode }) {
  const routes = useLoad(
    async () => ({
      recover: await hasRoute("POST", "/sessions"),
      link: await hasRoute("POST", "/device-codes/exchange"),
    }),
    [],
  );
  return html`
    <h1>My challenge</h1>
    <p class="lead">Register to log a few minutes every day, keep your streak and share your progress. Your token stays in this browser.</p>
    <div class="grid">
      <${Register} onRecoveryCode=${onRecoveryCode} />
      ${routes.data?.recover ? html`<${Recover} onRecoveryCode=${onRecoveryCode} />` : null}
      ${routes.data?.link ? html`<${LinkDevice} />` : null}
      <${PasteToken} />
    </div>`;
}

// ————— signed in —————

function LogForm({ today, onLogged }) {
  const entry = useLoad(() => restIfAvailable("GET", `/me/log/${today}`), [today]);
  const [state, onSubmit] = useSubmit(async (form) => {
    const days = String(form.get("days") ?? "")
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    const saved = await rest("PUT", `/me/log/${today}`, { minutes: Number(form.get("minutes")), learned: String(form.get("learned") ?? ""), days });
    onLogged();
    entry.reload();
    return saved.counted ? `Logged ${saved.minutes} minutes for ${today}.` : `Saved, but under the daily minimum: it does not count yet.`;
  });
  if (entry.data === undefined && !entry.error) return html`<${Pending} />`;
  const e = entry.data;
  return html`
    <form class="card log" onSubmit=${onSubmit} aria-labelledby="log" key=${e?.updatedAt ?? "new"}>
      <h2 id="log">Today, <time datetime=${today}>${today}</time></h2>
      <label for="log-minutes">Minutes</label>
      <input id="log-minutes" name="minutes" type="number" inputmode="numeric" min="0" max="1440" required data-testid="log-minutes" defaultValue=${e?.minutes ?? ""} />
      <label for="log-learned">What I learned</label>
      <textarea id="log-learned" name="learned" rows="3" maxlength="2000" data-testid="log-learned" defaultValue=${e?.learned ?? ""}></textarea>
      <label for="log-days">Lessons touched <span class="muted">(day numbers)</span></label>
      <input id="log-days" name="days" inputmode="numeric" placeholder="e.g. 8, 9" defaultValue=${e?.days?.join(", ") ?? ""} />
      <button type="submit" data-testid="log-submit" disabled=${state.busy}>${e ? "Update today's log" : "Log today"}</button>
      <${FormMessage} state=${state} />
    </form>`;
}

function Streak({ stats }) {
  return html`
    <section class="card" aria-labelledby="streak">
      <h2 id="streak">Streak</h2>
      <dl class="numbers">
        <div><dt>Current</dt><dd data-testid="streak-current">${stats.currentStreak}</dd></div>
        <div><dt>Longest</dt><dd data-testid="streak-longest">${stats.longestStreak}</dd></div>
        <div><dt>Days logged</dt><dd>${stats.daysLogged} / ${stats.goalDays}</dd></div>
      </dl>
      <p>Status: <strong>${stats.status.toLowerCase().replace(/_/g, " ")}</strong> · ${stats.percentComplete}% complete · at least ${stats.minMinutesPerDay} minutes a day count.</p>
      ${stats.nextLesson ? html`<p>Next lesson: <a href=${`/app/days/${stats.nextLesson.day}`}>Day ${stats.nextLesson.day}${stats.nextLesson.title ? `: ${stats.nextLesson.title}` : ""}</a></p>` : null}
    </section>`;
}

/**
 * The heatmap: the server's picture (GET /me/heatmap.svg) when it has one, and always
 * the logged dates as a plain list — the picture's text alternative, not a second drawing.
 */
function Heatmap({ stats, version }) {
  const cells = [...stats.heatmap].sort((a, b) => (a.date < b.date ? 1 : -1));
  return html`
    <section class="card" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">Heatmap</h2>
      <${ApiPicture} key=${version} className="heatmap" path="/me/heatmap.svg" alt="Minutes logged per day; the dates are listed below" />
      <ol class="cells" data-testid="heatmap" aria-label="Days logged, newest first">
        ${cells.map(
          (c) => html`<li class=${c.counted ? "cell filled" : "cell"} data-date=${c.date} data-counted=${String(c.counted)}>
          <time datetime=${c.date}>${c.date}</time> · ${c.minutes} min${c.counted ? "" : " (under the minimum)"}</li>`,
        )}
      </ol>
      ${cells.length ? null : html`<p class="muted">Nothing logged yet.</p>`}
    </section>`;
}

/** GET /me/streak, shown as the server words it (a text field, or its scalar fields). */
function StreakExplanation({ version }) {
  const loaded = useLoad(() => restIfAvailable("GET", "/me/streak"), [version]);
  const s = loaded.data;
  if (!s) return null;
  const text = s.explanation ?? s.text ?? s.summary;
  const facts = Object.entries(s).filter(([, v]) => ["string", "number", "boolean"].includes(typeof v) && v !== text);
  return html`
    <section class="card" aria-labelledby="why">
      <h2 id="why">Why this streak</h2>
      ${typeof text === "string" ? html`<p>${text}</p>` : null}
      ${Array.isArray(s.reasons) ? html`<ul>${s.reasons.map((r) => html`<li>${typeof r === "string" ? r : (r.text ?? JSON.stringify(r))}</li>`)}</ul>` : null}
      ${facts.length && typeof text !== "string" ? html`<dl class="facts">${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd>${String(v)}</dd></div>`)}</dl>` : null}
    </section>`;
}

function Share({ today, version }) {
  const loaded = useLoad(() => restIfAvailable("GET", `/me/share/${today}`), [today, version]);
  if (!loaded.data) return null;
  return html`
    <section class="card" aria-labelledby="share">
      <h2 id="share">Share today</h2>
      <label for="share-text" class="offscreen">Text to share</label>
      <textarea id="share-text" readonly rows="3" value=${loaded.data.short}></textarea>
      <${CopyButton} text=${loaded.data.short} label="Copy the text" />
    </section>`;
}

/** GET /me/review (due cards) and POST /me/review/{cardId} {rating}. */
function Review() {
  const queue = useLoad(() => restIfAvailable("GET", "/me/review"), []);
  const [message, setMessage] = useState("");
  if (!queue.data) return null;
  const cards = queue.data.items;
  const rate = async (card, rating) => {
    try {
      await rest("POST", `/me/review/${encodeURIComponent(card.id)}`, { rating });
      setMessage("Rated.");
      queue.reload();
    } catch (err) {
      setMessage(messageOf(err));
    }
  };
  return html`
    <section class="card" aria-labelledby="review">
      <h2 id="review">Review</h2>
      ${
        cards.length
          ? html`<ol class="cards">${cards.map(
              (card) => html`<li>
        <p><strong>${card.question}</strong></p>
        ${card.answer ? html`<details><summary>Answer</summary><p>${card.answer}</p></details>` : null}
        <div class="buttons" role="group" aria-label="How well did you remember?">
          ${["again", "hard", "good", "easy"].map((rating) => html`<button type="button" class="secondary" onClick=${() => rate(card, rating)}>${rating}</button>`)}
        </div></li>`,
            )}</ol>`
          : html`<p class="muted">Nothing due. Come back tomorrow.</p>`
      }
      <p class="status" role="status">${message}</p>
    </section>`;
}

/** GET /me/export?format=csv|md|ics, downloaded through a blob (the token never goes in a URL). */
function Exports() {
  const available = useLoad(async () => {
    try {
      await rest("HEAD", "/me/export?format=csv", undefined, { accept: "*/*" });
      return true;
    } catch {
      return false;
    }
  }, []);
  if (!available.data) return null;
  const download = async (format, name) => {
    const blob = await restBlob(`/me/export?format=${format}`);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = Object.assign(document.createElement("a"), { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return html`
    <section class="card" aria-labelledby="exports">
      <h2 id="exports">Export</h2>
      <div class="buttons">
        <button type="button" class="secondary" onClick=${() => download("csv", "k8s-days-log.csv")}>CSV</button>
        <button type="button" class="secondary" onClick=${() => download("md", "k8s-days-log.md")}>Markdown</button>
        <button type="button" class="secondary" onClick=${() => download("ics", "k8s-days.ics")}>Calendar (ICS)</button>
      </div>
    </section>`;
}

function Tokens() {
  const tokens = useLoad(() => rest("GET", "/me/tokens"), []);
  const devices = useLoad(() => hasRoute("POST", "/me/device-codes"), []);
  const [created, setCreated] = useState(null);
  const [deviceCode, setDeviceCode] = useState(null);
  const [state, onSubmit] = useSubmit(async (form, el) => {
    const token = await rest("POST", "/me/tokens", { name: String(form.get("name")).trim() });
    setCreated(token);
    el.reset();
    tokens.reload();
  });
  const mine = session.token() ?? "";
  const revoke = async (t) => {
    if (!confirm(`Revoke the token “${t.name}”?`)) return;
    await rest("DELETE", `/me/tokens/${encodeURIComponent(t.id)}`);
    if (mine?.startsWith(t.prefix)) return session.signOut();
    tokens.reload();
  };
  const newDeviceCode = async () => setDeviceCode(await rest("POST", "/me/device-codes", {}));
  return html`
    <section class="card" aria-labelledby="tokens">
      <h2 id="tokens">Tokens and devices</h2>
      ${
        tokens.data === undefined
          ? html`<${Pending} error=${tokens.error} />`
          : html`
        <ul class="tokens">${tokens.data.items.map(
          (t) => html`<li>
          <span><strong>${t.name}</strong> <code>${t.prefix}…</code>${mine.startsWith(t.prefix) ? " (this browser)" : ""}
          <span class="muted"> · last used ${t.lastUsedAt ? t.lastUsedAt.slice(0, 10) : "never"}</span></span>
          <button type="button" class="secondary" onClick=${() => revoke(t)} aria-label=${`Revoke ${t.name}`}>Revoke</button></li>`,
        )}</ul>`
      }
      <form onSubmit=${onSubmit} class="inline">
        <label for="token-name">New token for</label>
        <input id="token-name" name="name" required maxlength="100" placeholder="e.g. laptop CLI" />
        <button type="submit" disabled=${state.busy}>Create</button>
      </form>
      <${FormMessage} state=${state} />
      ${created ? html`<div class="secret" role="status"><p>Copy it now — it is shown only once:</p><code>${created.token}</code> <${CopyButton} text=${created.token} /></div>` : null}
      ${
        devices.data
          ? html`<p><button type="button" class="secondary" onClick=${newDeviceCode}>Link another device</button></p>
        ${deviceCode ? html`<p role="status">Type <strong class="code-big">${deviceCode.code}</strong> on the other device before ${new Date(deviceCode.expiresAt).toLocaleTimeString()}.</p>` : null}`
          : null
      }
    </section>`;
}

function SignedIn({ recoveryCode, onDismissRecovery }) {
  const me = useLoad(() => rest("GET", "/me"), []);
  const stats = useLoad(() => rest("GET", "/me/stats"), []);
  const [version, setVersion] = useState(0);
  const refresh = () => {
    stats.reload();
    setVersion((v) => v + 1);
  };
  return html`
    <h1>My challenge</h1>
    ${me.data ? html`<p class="lead">Hello, <strong>${me.data.displayName}</strong> (@${me.data.handle}). <button type="button" class="link" onClick=${() => session.signOut()}>Sign out</button></p>` : null}
    ${
      recoveryCode
        ? html`<div class="card secret" role="status">
      <h2>Your recovery code</h2>
      <p>Write it down and keep it offline: with your handle it signs you in again if this browser forgets you. It is shown only now.</p>
      <p><code class="code-big">${recoveryCode}</code> <${CopyButton} text=${recoveryCode} /></p>
      <button type="button" class="secondary" onClick=${onDismissRecovery}>I have saved it</button></div>`
        : null
    }
    ${
      stats.data === undefined
        ? html`<${Pending} error=${stats.error} />`
        : html`
      <div class="grid">
        <${LogForm} today=${stats.data.today} onLogged=${refresh} />
        <${Streak} stats=${stats.data} />
        <${Heatmap} stats=${stats.data} version=${version} />
        <${StreakExplanation} version=${version} />
        <${Share} today=${stats.data.today} version=${version} />
        <${Review} />
        <${Exports} />
        <${Tokens} />
      </div>`
    }`;
}

export function MePage({ signedIn }) {
  useTitle("My challenge");
  const [recoveryCode, setRecoveryCode] = useState(null);
  useEffect(() => {
    if (!signedIn) setRecoveryCode(null);
  }, [signedIn]);
  return signedIn
    ? html`<${SignedIn} recoveryCode=${recoveryCode} onDismissRecovery=${() => setRecoveryCode(null)} />`
    : html`<${SignedOut} onRecoveryCode=${setRecoveryCode} />`;
}
