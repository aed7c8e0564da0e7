/**
 * The GraphQL scalars `Date` (a calendar date, ISO 8601 `yyyy-mm-dd`) and `DateTime`
 * (an instant, ISO 8601 / RFC 3339 with `Z` or an offset). On the wire both are JSON
 * strings exactly as before they had their own type; they only make the schema say
 * what the strings are, so codegen can type them.
 *
 * Parsing is strict: an argument or variable that is not such a string — a month 13,
 * `2026-2-3`, a number — is refused with code BAD_USER_INPUT and a message naming the
 * value, before any resolver runs. Serializing is as strict: a stored value that is not
 * valid fails loudly (masked INTERNAL_SERVER_ERROR) instead of reaching a client.
 */
import { GraphQLScalarType, Kind, print, type ValueNode } from "graphql";
import { invalid } from "../errors.ts";
import { isIsoDate } from "../modules/progress/calendar.ts";

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** True for an ISO 8601 date-time with seconds and a zone (`Z` or `±hh:mm`) on a real calendar date. */
export function isIsoDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  return m !== null && isIsoDate(m[1]!);
}

/** The value as the error message shows it: JSON for inputs, GraphQL syntax for literals. */
const shown = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value)));

/** The error for a bad input: BAD_USER_INPUT on GraphQL (via VALIDATION_FAILED), naming the value. */
const badInput = (type: string, expected: string, got: string) =>
  invalid(`${type} must be ${expected}, got ${got}`, [{ path: [], message: `expected ${expected}` }]);

/** A string scalar checked by `isValid`, serialized unchanged. */
function isoScalar(
  name: string,
  description: string,
  specifiedByURL: string,
  expected: string,
  isValid: (s: string) => boolean,
  fromDate?: (d: Date) => string,
) {
  const check = (value: unknown, got: string): string => {
    if (typeof value === "string" && isValid(value)) return value;
    throw badInput(name, expected, got);
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    specifiedByURL,
    serialize(value) {
      if (value instanceof Date && fromDate) {
        if (Number.isNaN(value.getTime())) throw new TypeError(`${name} cannot serialize an invalid Date`);
        return fromDate(value);
      }
      if (typeof value === "string" && isValid(value)) return value;
      throw new TypeError(`${name} cannot serialize ${shown(value)}`);
    },
    parseValue: (value) => check(value, shown(value)),
    parseLiteral: (ast: ValueNode) => check(ast.kind === Kind.STRING ? ast.value : undefined, print(ast)),
  });
}

/** `Date`: a calendar date, `yyyy-mm-dd`. */
export const DateScalar = isoScalar(
  "Date",
  'A calendar date, ISO 8601 `yyyy-mm-dd` (e.g. "2026-03-01"), sent as a JSON string. Dates of a learner\'s log are in the zone the entry names.',
  "https://www.rfc-editor.org/rfc/rfc3339#section-5.6",
  "an ISO date yyyy-mm-dd",
  isIsoDate,
  (d) => d.toISOString().slice(0, 10),
);

/** `DateTime`: an instant with its zone, ISO 8601 / RFC 3339. */
export const DateTimeScalar = isoScalar(
  "DateTime",
  'An instant, ISO 8601 / RFC 3339 with seconds and `Z` or an offset (e.g. "2026-03-01T09:30:00.000Z", "2026-03-11T00:00:00-07:00"), sent as a JSON string.',
  "https://www.rfc-editor.org/rfc/rfc3339#section-5.6",
  "an ISO date-time such as 2026-03-01T09:30:00Z",
  isIsoDateTime,
  (d) => d.toISOString(),
);
