// The app's only door to the server: the public REST API (/api/v1) and GraphQL
// (/graphql), used exactly as a third-party frontend would. The bearer token lives in
// localStorage and travels only in the Authorization header, never in a URL.

const TOKEN_KEY = "k8s-days.token";

/** An answer that was not 2xx: its status and the problem+json body, when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

const listeners = new Set();

/** The signed-in learner's token, kept across reloads. */
export const session = {
  token: () => localStorage.getItem(TOKEN_KEY),
  signIn(token) {
    localStorage.setItem(TOKEN_KEY, token);
    listeners.forEach((l) => l());
  },
  signOut() {
    localStorage.removeItem(TOKEN_KEY);
    listeners.forEach((l) => l());
  },
  /** Calls `listener` whenever the token changes; returns the unsubscribe function. */
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function headersFor(accept, body) {
  const headers = { accept };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return headers;
}

async function send(method, url, { body, accept = "application/json", signal } = {}) {
  const res = await fetch(url, {
    method,
    signal,
    headers: headersFor(accept, body),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // A token the server no longer knows (revoked, deleted learner): sign out rather than browse with it.
  if (res.status === 401 && session.token()) session.signOut();
  return res;
}

async function json(res) {
  if (res.status === 204 || res.status === 304) return null;
  const type = res.headers.get("content-type") || "";
  return /json/.test(type) ? res.json() : null;
}

/** REST: `await rest("GET", "/days?limit=100")` → the JSON body, or throws ApiError. */
export async function rest(method, path, body, options = {}) {
  const res = await send(method, `/api/v1${path}`, { body, ...options });
  const data = method === "HEAD" ? null : await json(res);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** Statuses meaning "this server has no such thing (yet)": no route, an unknown parameter, method or representation. */
const UNAVAILABLE = [400, 404, 405, 406];

/** REST, for endpoints that may not exist yet on this server: null when it answers 404 (or 400/405/406 to a newer parameter, method or type). */
export async function restIfAvailable(method, path, body) {
  try {
    return await rest(method, path, body);
  } catch (err) {
    if (err instanceof ApiError && UNAVAILABLE.includes(err.status)) return null;
    throw err;
  }
}

/** True when the server has a route for `method path` (asked with OPTIONS, which lists the allowed methods). */
export async function hasRoute(method, path) {
  const res = await fetch(`/api/v1${path}`, { method: "OPTIONS" });
  return res.ok && (res.headers.get("allow") || "").split(/\s*,\s*/).includes(method);
}

/** A file from the API as a Blob (pictures, exports), fetched with the token; null when the server has none (see UNAVAILABLE). */
export async function restBlob(path, accept = "*/*") {
  const res = await send("GET", `/api/v1${path}`, { accept });
  if (UNAVAILABLE.includes(res.status)) return null;
  if (!res.ok) throw new ApiError(res.status, await json(res));
  return res.blob();
}

/** GraphQL: `await graphql(query, variables)` → `data`, or throws ApiError with the first error's message. */
export async function graphql(query, variables = {}) {
  const res = await send("POST", "/graphql", { body: { query, variables } });
  const body = await json(res);
  if (!res.ok || body?.errors?.length) {
    const first = body?.errors?.[0];
    throw new ApiError(res.status, { title: first?.message || `HTTP ${res.status}`, code: first?.extensions?.code });
  }
  return body.data;
}
