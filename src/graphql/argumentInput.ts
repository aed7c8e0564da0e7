/**
 * A resolver's arguments read by a domain rule: when the rule refuses one (a BAD_REQUEST
 * naming the argument), GraphQL clients get what they expect for a bad argument,
 * BAD_USER_INPUT with the same message and issues. The rule itself stays in its module.
 */
import { GraphQLError } from "graphql";
import { AppError } from "../errors.ts";

/**
 * Runs `read`; a BAD_REQUEST it throws becomes a BAD_USER_INPUT GraphQL error.
 * @example const release = readArgument(() => kubernetesRelease(args.kubernetesVersion))
 */
export function readArgument<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof AppError && err.code === "BAD_REQUEST") {
      throw new GraphQLError(err.message, { extensions: { code: "BAD_USER_INPUT", ...err.details } });
    }
    throw err;
  }
}
