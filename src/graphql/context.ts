/**
 * What every GraphQL resolver receives, and the two guards resolvers use to read
 * the learner from it. In a file of its own so resolvers never import the Apollo
 * setup (server.ts) that assembles them.
 */
import { forbidden, unauthenticated } from "../errors.ts";
import type { LearnerView, Viewer } from "../modules/learners/learners.types.ts";
import type { Services } from "../services.ts";
import type { Loaders } from "./loaders.ts";

/** What every resolver receives. */
export interface GraphQLContext {
  services: Services;
  /** DataLoaders of this request only. */
  loaders: Loaders;
  /** The learner of the bearer token, or null when anonymous. */
  learner: Viewer | null;
  /** Base URL of this API for the client (PUBLIC_URL or the request's origin): stored lesson URLs are made absolute on it. */
  base: string;
  /** The client's address (after TRUST_PROXY), whose budget sign-ups spend. */
  clientAddress: string;
}

/** The authenticated learner of a GraphQL request; UNAUTHENTICATED when anonymous. */
export function viewerOf(ctx: GraphQLContext): Viewer {
  if (!ctx.learner) throw unauthenticated();
  return ctx.learner;
}

/**
 * The viewer, checked to be the parent Learner: nested fields never read anyone
 * else's data, even if a Learner object of someone else were ever returned.
 */
export function ownerOf(parent: LearnerView, ctx: GraphQLContext): Viewer {
  const viewer = viewerOf(ctx);
  if (parent.id !== viewer.id) throw forbidden("Only your own data is visible");
  return viewer;
}
