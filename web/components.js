// Small pieces shared by the pages: links, status marks, highlighted snippets, copy
// buttons, pictures fetched with the token, loading and error states.
import { useEffect, useRef, useState } from "./vendor/preact-hooks.mjs";
import { html } from "./html.js";
import { restBlob } from "./api.js";

/** Lesson status as a word and a mark that does not rely on colour alone. */
export const STATUS = {
  DONE: { mark: "✓", label: "done" },
  IN_PROGRESS: { mark: "◐", label: "in progress" },
  NOT_STARTED: { mark: "", label: "not started" },
};

/** A search snippet with the API's «match» markers shown as <mark>. */
export function Highlighted({ text }) {
  const parts = String(text).split(/«([^»]*)»/);
  return html`${parts.map((part, i) => (i % 2 ? html`<mark>${part}</mark>` : part))}`;
}

/** Writes `text` to the clipboard (falls back to a selected textarea and execCommand). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/** A button that copies `text` and says so for a moment (also to screen readers). */
export function CopyButton({ text, label = "Copy" }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    setCopied(await copyText(text));
    setTimeout(() => setCopied(false), 1500);
  };
  return html`<button type="button" class="copy" onClick=${copy}>${copied ? "Copied" : label}</button>
    <span class="offscreen" aria-live="polite">${copied ? "Copied to the clipboard" : ""}</span>`;
}

/**
 * An SVG picture from the API (heatmap, concept graph) fetched with the bearer header
 * and shown from an object URL; renders nothing while the server has no such picture (404).
 */
export function ApiPicture({ path, alt, className }) {
  const [url, setUrl] = useState(null);
  useEffect(() => {
    let objectUrl = null;
    let live = true;
    setUrl(null);
    restBlob(path, "image/svg+xml").then(
      (blob) => {
        if (!live || !blob || !/^image\//.test(blob.type)) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => {},
    );
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [path]);
  return url ? html`<img class=${className} src=${url} alt=${alt} />` : null;
}

/** What a page shows while loading, after an error, or when the thing does not exist. */
export function Pending({ error, what = "Loading…" }) {
  if (error) return html`<p class="error" role="alert">${error.status === 404 ? "Not found." : error.message}</p>`;
  return html`<p class="muted" aria-busy="true">${what}</p>`;
}

/** Loads `load()` whenever `deps` change: { data, error, reload } (reload keeps the data shown meanwhile). */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: undefined, error: null });
  const latest = useRef(0);
  const run = (clear) => {
    const id = ++latest.current;
    if (clear) setState({ data: undefined, error: null });
    load().then(
      (data) => id === latest.current && setState({ data, error: null }),
      (error) => id === latest.current && setState({ data: undefined, error }),
    );
  };
  useEffect(() => {
    run(true);
    return () => {
      latest.current++;
    };
  }, deps);
  return { ...state, reload: () => run(false) };
}
