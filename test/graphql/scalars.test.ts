/** The Date and DateTime scalars: strict both ways, values unchanged on the wire. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Kind } from "graphql";
import { AppError } from "../../src/errors.ts";
import { DateScalar, DateTimeScalar, isIsoDateTime } from "../../src/graphql/scalars.ts";

const refused = (f: () => unknown, shown: string) =>
  assert.throws(f, (e: unknown) => e instanceof AppError && e.code === "VALIDATION_FAILED" && e.message.endsWith(`got ${shown}`));

describe("Date", () => {
  it("passes real dates through unchanged and serializes a Date object as its UTC day", () => {
    assert.equal(DateScalar.parseValue("2024-02-29"), "2024-02-29");
    assert.equal(DateScalar.serialize("2026-03-01"), "2026-03-01");
    assert.equal(DateScalar.serialize(new Date("2026-03-01T23:00:00Z")), "2026-03-01");
  });
  for (const bad of ["2026-02-29", "2026-13-01", "2026-3-1", "2026-03-01T00:00:00Z", " 2026-03-01", ""]) {
    it(`refuses ${JSON.stringify(bad)} as input and as output`, () => {
      refused(() => DateScalar.parseValue(bad), JSON.stringify(bad));
      refused(() => DateScalar.parseLiteral({ kind: Kind.STRING, value: bad }), JSON.stringify(bad));
      assert.throws(() => DateScalar.serialize(bad), TypeError);
    });
  }
  it("refuses non-string literals, naming them as written", () => {
    refused(() => DateScalar.parseLiteral({ kind: Kind.INT, value: "20260301" }), "20260301");
    refused(() => DateScalar.parseValue(20260301), "20260301");
  });
});

describe("DateTime", () => {
  const good = ["2026-03-01T09:30:00Z", "2026-03-01T09:30:00.123Z", "2026-03-11T00:00:00-07:00", "2026-03-11T00:00:00+05:45"];
  for (const v of good)
    it(`keeps ${v} as it is`, () => {
      assert.equal(DateTimeScalar.serialize(v), v);
      assert.equal(DateTimeScalar.parseValue(v), v);
    });
  it("serializes a Date object as toISOString", () =>
    assert.equal(DateTimeScalar.serialize(new Date(Date.UTC(2026, 2, 1, 9, 30))), "2026-03-01T09:30:00.000Z"));
  for (const bad of ["2026-03-01", "2026-03-01T09:30Z", "2026-03-01T09:30:00", "2026-02-30T09:30:00Z", "2026-03-01T24:00:00Z"]) {
    it(`refuses ${bad}`, () => {
      assert.equal(isIsoDateTime(bad), false);
      refused(() => DateTimeScalar.parseValue(bad), JSON.stringify(bad));
      assert.throws(() => DateTimeScalar.serialize(bad), TypeError);
    });
  }
});
