import { test } from "node:test";
import assert from "node:assert/strict";
import { isAllowedHost } from "../../src/mcp/hostCheck.ts";

const allowed = ["localhost", "127.0.0.1", "[::1]", "mcp.example.org:8443"];

test("an allowed host name matches on any port", () => {
  assert.ok(isAllowedHost("localhost", allowed));
  assert.ok(isAllowedHost("localhost:4000", allowed));
  assert.ok(isAllowedHost("127.0.0.1:53111", allowed));
  assert.ok(isAllowedHost("[::1]:4000", allowed));
  assert.ok(isAllowedHost("LOCALHOST:4000", allowed));
});

test("a host:port entry allows only that port", () => {
  assert.ok(isAllowedHost("mcp.example.org:8443", allowed));
  assert.ok(!isAllowedHost("mcp.example.org", allowed));
  assert.ok(!isAllowedHost("mcp.example.org:443", allowed));
});

test("other hosts, missing and malformed headers are rejected", () => {
  assert.ok(!isAllowedHost("evil.example", allowed));
  assert.ok(!isAllowedHost("localhost.evil.example:4000", allowed));
  assert.ok(!isAllowedHost(undefined, allowed));
  assert.ok(!isAllowedHost("", allowed));
  assert.ok(!isAllowedHost("user@localhost", allowed));
  assert.ok(!isAllowedHost("localhost/path", allowed));
});
