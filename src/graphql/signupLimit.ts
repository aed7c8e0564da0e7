/**
 * The sign-up limit on GraphQL: every `register` field of a mutation counts against the
 * client address's sign-up budget, the one `POST /api/v1/learners` spends too (see
 * src/http/rateLimit.ts). Checked once the operation is known and before it runs; over
 * the limit the whole operation is refused with HTTP 429, `Retry-After` and code
 * RATE_LIMITED.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import { tooManyMessage, type RateLimits } from "../http/rateLimit.ts";

/** The Mutation fields that create a learner or trade a recovery or device code for a token. */
const SIGNUP_FIELDS = new Set(["register", "recoverAccount", "exchangeDeviceCode"]);

/** How many sign-up fields a mutation's root selection holds (through fragments; aliases count each). */
export function countSignups(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let count = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) count += SIGNUP_FIELDS.has(sel.name.value) ? 1 : 0;
    else if (sel.kind === Kind.INLINE_FRAGMENT) count += countSignups(sel.selectionSet, fragments, seen);
    else if (!seen.has(sel.name.value) && fragments[sel.name.value]) {
      count += countSignups(fragments[sel.name.value]!.selectionSet, fragments, new Set([...seen, sel.name.value]));
    }
  }
  return count;
}

/** An Apollo plugin spending the sign-up budget of the context's `clientAddress`. */
export function signupLimitPlugin(signup: RateLimits["signup"]): ApolloServerPlugin<{ clientAddress: string }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue, response }) {
          if (operation?.operation !== "mutation") return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const count = countSignups(operation.selectionSet, fragments);
          if (!count) return;
          const verdict = await signup(contextValue.clientAddress, count);
          if (verdict.allowed) return;
          response.http.headers.set("retry-after", String(verdict.retryAfter));
          response.http.headers.set("cache-control", "no-store");
          throw new GraphQLError(tooManyMessage(verdict.limit, verdict.windowMs, verdict.retryAfter), {
            extensions: { code: "RATE_LIMITED", retryAfter: verdict.retryAfter, http: { status: 429 } },
          });
        },
      };
    },
  };
}
