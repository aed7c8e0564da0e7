// Where the app is: the route of a location, moving to another, the page title.
import { useEffect } from "./vendor/preact-hooks.mjs";

/** Which page a location shows, and with which parameters. */
export function routeOf(location) {
  const path = location.pathname.replace(/\/+$/, "") || "/";
  if (path === "/app") return { page: "lessons" };
  const day = /^\/app\/days\/(\d+)$/.exec(path);
  if (day) return { page: "lesson", day: Number(day[1]) };
  const concept = /^\/app\/concepts\/([^/]+)$/.exec(path);
  if (concept) return { page: "concept", slug: decodeURIComponent(concept[1]) };
  if (path === "/app/me") return { page: "me" };
  if (path === "/app/search") return { page: "search", q: new URLSearchParams(location.search).get("q") ?? "" };
  return { page: "missing" };
}

/** Moves to an app URL without reloading (pushState), or replaces the current entry. */
export function navigate(url, { replace = false } = {}) {
  history[replace ? "replaceState" : "pushState"](null, "", url);
  dispatchEvent(new Event("app:navigate"));
}

/** Sets the document title of a page. */
export function useTitle(title) {
  useEffect(() => {
    document.title = title ? `${title} · k8s-days` : "k8s-days";
  }, [title]);
}
