/**
 * GraphQL resolvers of private progress: nested fields of `me` and the progress
 * mutations. All go through the progress service with the authenticated viewer.
 */
import { ownerOf, viewerOf, type GraphQLContext } from "../../graphql/context.ts";
import type { LearnerView } from "../learners/learners.types.ts";
import type {
  LearnerLessonArgs,
  LearnerLogArgs,
  LearnerLogConnectionArgs,
  LearnerLogEntryArgs,
  LearnerMasteryArgs,
  LearnerProgressArgs,
  LearnerProgressConnectionArgs,
  LearnerShareArgs,
  LearnerStatsArgs,
  MutationEnrolArgs,
  MutationLogDayArgs,
  MutationSetProgressArgs,
  Resolvers,
} from "../../graphql/resolvers.generated.ts";
import { toGraphQLConnection } from "../../graphql/connection.ts";
import type { Connection } from "../content/pagination.ts";

/** The deprecated `{ items, next }` page of a connection (`next` is its end cursor when there is a next page). */
const itemsAndNext = <T>(page: Connection<T>) => ({ items: page.items, next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null });

type Ctx = GraphQLContext;
const opt = <T>(v: T | null | undefined): T | undefined => v ?? undefined;

/** Resolvers of progress.graphql: lesson progress, the daily log, enrolments, stats, mastery and share posts. */
export const progressResolvers: Resolvers = {
  Learner: {
    progress: async (l: LearnerView, a: LearnerProgressArgs, ctx: Ctx) => itemsAndNext(await ctx.services.progress.listProgress(ownerOf(l, ctx), a)),
    progressConnection: async (l: LearnerView, a: LearnerProgressConnectionArgs, ctx: Ctx) =>
      toGraphQLConnection(await ctx.services.progress.listProgress(ownerOf(l, ctx), a)),
    lesson: (l: LearnerView, a: LearnerLessonArgs, ctx: Ctx) => ctx.services.progress.getProgress(ownerOf(l, ctx), a.day),
    log: async (l: LearnerView, a: LearnerLogArgs, ctx: Ctx) => itemsAndNext(await ctx.services.progress.listLog(ownerOf(l, ctx), a)),
    logConnection: async (l: LearnerView, a: LearnerLogConnectionArgs, ctx: Ctx) =>
      toGraphQLConnection(await ctx.services.progress.listLog(ownerOf(l, ctx), a)),
    logEntry: async (l: LearnerView, a: LearnerLogEntryArgs, ctx: Ctx) => {
      const page = await ctx.services.progress.listLog(ownerOf(l, ctx), { from: a.date, to: a.date, first: 1 });
      return page.items[0] ?? null;
    },
    stats: (l: LearnerView, a: LearnerStatsArgs, ctx: Ctx) => ctx.services.progress.stats(ownerOf(l, ctx), { path: opt(a.path) }),
    enrollments: (l: LearnerView, _: unknown, ctx: Ctx) => ctx.services.progress.enrollments(ownerOf(l, ctx)),
    mastery: (l: LearnerView, a: LearnerMasteryArgs, ctx: Ctx) => ctx.services.progress.mastery(ownerOf(l, ctx), { limit: opt(a.first) }),
    share: (l: LearnerView, a: LearnerShareArgs, ctx: Ctx) => ctx.services.progress.share(ownerOf(l, ctx), a.date, { maxLength: opt(a.maxLength) }),
  },
  Mutation: {
    logDay: async (_: unknown, { input }: MutationLogDayArgs, ctx: Ctx) => ({
      entry: await ctx.services.progress.logDay(viewerOf(ctx), input.date, {
        minutes: input.minutes,
        learned: input.learned ?? "",
        days: opt(input.days),
        concepts: opt(input.concepts),
      }),
    }),
    setProgress: async (_: unknown, { input }: MutationSetProgressArgs, ctx: Ctx) => ({
      progress: await ctx.services.progress.setProgress(viewerOf(ctx), input.day, {
        status: opt(input.status),
        ...("note" in input ? { note: input.note } : {}),
        ...("confidence" in input ? { confidence: input.confidence } : {}),
      }),
    }),
    enrol: async (_: unknown, { input }: MutationEnrolArgs, ctx: Ctx) => ({
      enrollment: await ctx.services.progress.enrol(viewerOf(ctx), { challengeSlug: opt(input.challengeSlug), goalDays: opt(input.goalDays) }),
    }),
  },
};
