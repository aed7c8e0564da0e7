/**
 * GraphQL resolvers of learners and tokens: parse, call the learners service, shape.
 */
import { invalid } from "../../errors.ts";
import { viewerOf, ownerOf, type GraphQLContext } from "../../graphql/context.ts";
import type { LearnerView } from "./learners.types.ts";
import type {
  LearnerTokensConnectionArgs,
  MutationCreateTokenArgs,
  MutationDeleteMeArgs,
  MutationExchangeDeviceCodeArgs,
  MutationRecoverAccountArgs,
  MutationRegisterArgs,
  MutationRevokeTokenArgs,
  MutationUpdateMeArgs,
  Resolvers,
} from "../../graphql/resolvers.generated.ts";
import { toGraphQLConnection } from "../../graphql/connection.ts";
import { MAX_PAGE_SIZE } from "../content/pagination.ts";

type Ctx = GraphQLContext;

/** Resolvers of learners.graphql: registration, sign-in codes, tokens and the viewer's profile. */
export const learnersResolvers: Resolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Ctx) => ctx.services.learners.me(viewerOf(ctx)),
  },
  Learner: {
    tokens: async (parent: LearnerView, _: unknown, ctx: Ctx) => (await ctx.services.learners.listTokens(ownerOf(parent, ctx), { first: MAX_PAGE_SIZE })).items,
    tokensConnection: async (parent: LearnerView, a: LearnerTokensConnectionArgs, ctx: Ctx) =>
      toGraphQLConnection(await ctx.services.learners.listTokens(ownerOf(parent, ctx), a)),
  },
  CreatedToken: {
    /** The secret under the name that says what it is; `token` stays as a deprecated alias. */
    secret: (created: { token: string }) => created.token,
  },
  Mutation: {
    register: (_: unknown, { input }: MutationRegisterArgs, ctx: Ctx) =>
      ctx.services.learners.register({ handle: input.handle, displayName: input.displayName ?? undefined, timezone: input.timezone ?? undefined }),
    createToken: async (_: unknown, { input }: MutationCreateTokenArgs, ctx: Ctx) => ({
      token: await ctx.services.learners.createToken(viewerOf(ctx), input.name),
    }),
    revokeToken: async (_: unknown, { input }: MutationRevokeTokenArgs, ctx: Ctx) => {
      await ctx.services.learners.revokeToken(viewerOf(ctx), input.id);
      return { id: input.id };
    },
    updateMe: async (_: unknown, { input }: MutationUpdateMeArgs, ctx: Ctx) => ({
      learner: await ctx.services.learners.updateMe(viewerOf(ctx), {
        displayName: input.displayName ?? undefined,
        timezone: input.timezone ?? undefined,
        public: input.public ?? undefined,
      }),
    }),
    recoverAccount: (_: unknown, { input }: MutationRecoverAccountArgs, ctx: Ctx) => ctx.services.learners.recover(input),
    newRecoveryCode: async (_: unknown, __: unknown, ctx: Ctx) => ({ recoveryCode: await ctx.services.learners.newRecoveryCode(viewerOf(ctx)) }),
    createDeviceCode: (_: unknown, __: unknown, ctx: Ctx) => ctx.services.learners.createDeviceCode(viewerOf(ctx)),
    exchangeDeviceCode: (_: unknown, { input }: MutationExchangeDeviceCodeArgs, ctx: Ctx) =>
      ctx.services.learners.exchangeDeviceCode({ code: input.code, client: input.client ?? undefined }),
    deleteMe: async (_: unknown, { input }: MutationDeleteMeArgs, ctx: Ctx) => {
      const viewer = viewerOf(ctx);
      if (input.handle !== viewer.handle) throw invalid("Confirm with your own handle", [{ path: ["input", "handle"], message: "must be your handle" }]);
      await ctx.services.learners.deleteMe(viewer);
      return { deleted: true };
    },
  },
};
