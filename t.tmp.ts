import { startTestApp } from "./test/support/testApp.ts";
import { callTool, listen, loadMcpContent, mcpClient } from "./test/support/mcp.ts";
const t = await startTestApp({ label: "dbg", prepare: loadMcpContent, contract: false });
const http = await listen(t);
const c = await mcpClient(http.base);
try {
  for (const q of ["pod", "Pods"]) {
    const s = Date.now();
    const r = await callTool(c, "get_concept", { concept: q });
    console.log(q, Date.now() - s, r.isError, r.text.slice(0, 200), JSON.stringify(r.data?.lessons));
  }
} finally { await c.close(); await http.close(); await t.close(); }
