// Renders the OpenAPI 3.1 document of this server as a browsable page: no network
// beyond this server, no framework. Schemas are shown as JSON with $refs resolved one level.

(async function main() {
  const root = document.getElementById("operations");
  const specUrl = root.dataset.spec;
  let doc;
  try {
    const res = await fetch(specUrl, { headers: { accept: "application/json" } });
    doc = await res.json();
  } catch (err) {
    document.getElementById("description").textContent = `Could not load ${specUrl}: ${err}`;
    return;
  }
  document.title = doc.info.title;
  document.getElementById("title").textContent = `${doc.info.title} ${doc.info.version}`;
  document.getElementById("description").textContent = doc.info.description || "";

  const schemas = doc.components?.schemas || {};
  const refName = (ref) => ref.replace("#/components/schemas/", "");
  const expand = (schema) => (schema?.$ref ? Object.assign({ title: refName(schema.$ref) }, schemas[refName(schema.$ref)]) : schema);

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  };
  const pre = (value) => el("pre", {}, JSON.stringify(value, null, 2));

  const byTag = new Map();
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags?.[0] || "other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, op });
    }
  }

  for (const [tag, ops] of byTag) {
    const section = el("section", { "data-tag": tag }, el("h2", {}, tag));
    for (const { path, method, op } of ops) {
      const summary = el(
        "summary",
        {},
        el("span", { class: `method ${method}` }, method),
        el("span", { class: "path" }, path),
        el("span", { class: "summary" }, op.summary || ""),
        op.security ? el("span", { class: "lock", title: "Needs a bearer token" }, "🔒 token") : null,
      );
      const body = el("div", { class: "body" });
      if (op.description) body.append(el("p", {}, op.description));
      const params = op.parameters || [];
      if (params.length) {
        const rows = params.map((p) =>
          el(
            "tr",
            {},
            el("td", {}, el("code", {}, p.name)),
            el("td", {}, p.in),
            el("td", {}, p.required ? "required" : "optional"),
            el("td", {}, el("code", {}, JSON.stringify(expand(p.schema) || {}))),
            el("td", {}, p.description || p.schema?.description || ""),
          ),
        );
        body.append(
          el("h4", {}, "Parameters"),
          el(
            "table",
            {},
            el("tr", {}, el("th", {}, "name"), el("th", {}, "in"), el("th", {}, ""), el("th", {}, "schema"), el("th", {}, "description")),
            ...rows,
          ),
        );
      }
      const reqBody = op.requestBody?.content;
      if (reqBody) {
        for (const [type, media] of Object.entries(reqBody)) body.append(el("h4", {}, `Request body (${type})`), pre(expand(media.schema)));
      }
      body.append(el("h4", {}, "Responses"));
      for (const [status, response] of Object.entries(op.responses || {})) {
        const block = el("div", {}, el("p", {}, el("span", { class: "status" }, status), ` — ${response.description || ""}`));
        for (const [type, media] of Object.entries(response.content || {})) {
          if (status.startsWith("2")) block.append(el("p", {}, el("code", {}, type)), pre(expand(media.schema)));
          else block.firstChild.append(" (", el("code", {}, type), ")");
        }
        if (response.headers) block.append(el("p", {}, "Headers: ", ...Object.keys(response.headers).map((h) => el("code", {}, `${h} `))));
        body.append(block);
      }
      if (method === "get" && !op.security && !path.includes("{")) {
        const out = el("pre", { class: "hidden" });
        const button = el("button", { type: "button" }, `Try it: GET ${path}`);
        button.addEventListener("click", async () => {
          const res = await fetch(path);
          out.textContent = `${res.status} ${res.headers.get("content-type")}\n\n${(await res.text()).slice(0, 20000)}`;
          out.classList.remove("hidden");
        });
        body.append(button, out);
      }
      section.append(el("details", { class: "op", "data-search": `${method} ${path} ${op.summary || ""} ${tag}`.toLowerCase() }, summary, body));
    }
    root.append(section);
  }

  document.getElementById("filter").addEventListener("input", (event) => {
    const q = event.target.value.trim().toLowerCase();
    for (const op of root.querySelectorAll("details.op")) op.classList.toggle("hidden", q !== "" && !op.dataset.search.includes(q));
  });
})();
