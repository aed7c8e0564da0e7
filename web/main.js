// The k8s-days web app: a tiny client-side router over the History API, the layout
// (skip link, header navigation, main landmark) and the pages. Links to /app/… are
// ordinary <a href> (keyboard, middle-click and deep links all work); a click on one
// is handled here instead of reloading the page.
import { useEffect, useRef, useState } from "./vendor/preact-hooks.mjs";
import { html, render } from "./html.js";
import { session } from "./api.js";
import { navigate, routeOf } from "./router.js";
import { LessonsPage } from "./pages/lessons.js";
import { LessonPage } from "./pages/lesson.js";
import { ConceptPage } from "./pages/concept.js";
import { SearchPage } from "./pages/search.js";
import { MePage } from "./pages/me.js";

function useLocationRoute() {
  const [route, setRoute] = useState(() => routeOf(location));
  useEffect(() => {
    const update = () => setRoute(routeOf(location));
    const onClick = (event) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const a = event.target.closest?.("a[href]");
      if (!a || a.target || a.hasAttribute("download")) return;
      const url = new URL(a.href, location.href);
      if (url.origin !== location.origin || !/^\/app(\/|$)/.test(url.pathname) || url.pathname.startsWith("/app/assets/")) return;
      event.preventDefault();
      if (url.pathname === location.pathname && url.search === location.search && url.hash) {
        location.hash = url.hash;
        return;
      }
      navigate(url.pathname + url.search + url.hash);
      scrollTo(0, 0);
    };
    addEventListener("popstate", update);
    addEventListener("app:navigate", update);
    document.addEventListener("click", onClick);
    return () => {
      removeEventListener("popstate", update);
      removeEventListener("app:navigate", update);
      document.removeEventListener("click", onClick);
    };
  }, []);
  return route;
}

function useSignedIn() {
  const [token, setToken] = useState(session.token());
  useEffect(() => session.subscribe(() => setToken(session.token())), []);
  return Boolean(token);
}

const NAV = [
  { href: "/app/", label: "Lessons", page: ["lessons", "lesson"] },
  { href: "/app/search", label: "Search", page: ["search"] },
  { href: "/app/me", label: "My challenge", page: ["me"] },
];

function App() {
  const route = useLocationRoute();
  const signedIn = useSignedIn();
  const main = useRef(null);
  const first = useRef(true);
  // After a navigation, move focus to the new page's heading (or its search box) so screen
  // readers announce it; pages that load first get it as soon as their heading appears.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = main.current;
    if (!root) return;
    const leftFrom = document.activeElement;
    const focusHeading = () => {
      const target = root.querySelector("[data-autofocus]") ?? root.querySelector("h1");
      if (!target) return false;
      // Only while nothing else has focus: never pull it away from where the user went meanwhile.
      const now = document.activeElement;
      if (now && now !== leftFrom && now !== document.body && now !== root) return true;
      if (!target.matches("input, select, textarea, button, a[href]")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 10000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [route.page, route.day, route.slug]);

  let page;
  switch (route.page) {
    case "lessons":
      page = html`<${LessonsPage} signedIn=${signedIn} />`;
      break;
    case "lesson":
      page = html`<${LessonPage} key=${route.day} day=${route.day} signedIn=${signedIn} />`;
      break;
    case "concept":
      page = html`<${ConceptPage} key=${route.slug} slug=${route.slug} />`;
      break;
    case "search":
      page = html`<${SearchPage} q=${route.q} />`;
      break;
    case "me":
      page = html`<${MePage} signedIn=${signedIn} />`;
      break;
    default:
      page = html`<h1>Page not found</h1><p><a href="/app/">Back to the lessons</a></p>`;
  }
  return html`
    <a class="skip" href="#main">Skip to content</a>
    <header class="top">
      <a class="brand" href="/app/"><span aria-hidden="true">☸</span> k8s-days</a>
      <nav aria-label="Main">
        <ul>
          ${NAV.map((n) => html`<li><a href=${n.href} aria-current=${n.page.includes(route.page) ? "page" : undefined}>${n.label}</a></li>`)}
        </ul>
      </nav>
      <span class="who">${signedIn ? "Signed in" : html`<a href="/app/me">Sign in</a>`}</span>
    </header>
    <main id="main" ref=${main}>${page}</main>
    <footer class="bottom"><p>#66DaysOfK8s · <a href="/api/v1/docs">REST API</a> · <a href="/graphql">GraphQL</a></p></footer>`;
}

render(html`<${App} />`, document.getElementById("app"));
