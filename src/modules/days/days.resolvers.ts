/** GraphQL resolvers of lessons: parse arguments, call the days service or a loader, shape output. */
import type { GraphQLContext } from "../../graphql/context.ts";
import { toGraphQLConnection } from "../../graphql/connection.ts";
import { readArgument } from "../../graphql/argumentInput.ts";
import { kubernetesRelease } from "../manifests/apiStatus.ts";
import { dayFilePath, dayHtmlPath, withBase } from "../content/contentBase.ts";
import type { LessonSnippet } from "../snippets/snippets.service.ts";
import type { Attachment, Day, LessonItem, Section, ToolVersion } from "./days.mappers.ts";
import type { DayFilter } from "./days.service.ts";

type SeriesParent = { name: string; part: number | null; dayIds: number[] };
/** An attachment with the number of its day, for its URL. */
type DayAttachment = Attachment & { day: number };

const loadDay = async (id: number | null | undefined, ctx: GraphQLContext) => (id === null || id === undefined ? null : ctx.loaders.dayById.load(id));

/** Resolvers of days.graphql. */
export const daysResolvers = {
  Query: {
    day: (_: unknown, args: { number: number; challenge?: string | null }, ctx: GraphQLContext) => ctx.services.days.get(args.number, args.challenge),
    days: async (_: unknown, args: { filter?: DayFilter | null; first?: number | null; after?: string | null }, ctx: GraphQLContext) => {
      const removedIn = args.filter?.removedIn;
      if (removedIn !== undefined && removedIn !== null) readArgument(() => kubernetesRelease(removedIn, "removedIn"));
      return toGraphQLConnection(await ctx.services.days.list(args.filter ?? {}, { first: args.first, after: args.after }));
    },
  },
  Day: {
    body: (day: Day, _: unknown, ctx: GraphQLContext) => withBase(day.body, ctx.base),
    intro: (day: Day, _: unknown, ctx: GraphQLContext) => withBase(day.intro, ctx.base),
    tldr: (day: Day, _: unknown, ctx: GraphQLContext) => withBase(day.tldr, ctx.base),
    html: (day: Day, _: unknown, ctx: GraphQLContext) => withBase(day.html, ctx.base),
    tasks: async (day: Day, _: unknown, ctx: GraphQLContext) => (await ctx.loaders.listsByDayId.load(day.id)).tasks.map((i) => i.text),
    setup: async (day: Day, _: unknown, ctx: GraphQLContext) => (await ctx.loaders.listsByDayId.load(day.id)).setup.map((i) => i.text),
    takeaways: async (day: Day, _: unknown, ctx: GraphQLContext) => (await ctx.loaders.listsByDayId.load(day.id)).takeaways.map((i) => i.text),
    taskItems: async (day: Day, _: unknown, ctx: GraphQLContext) => (await ctx.loaders.listsByDayId.load(day.id)).tasks,
    setupItems: async (day: Day, _: unknown, ctx: GraphQLContext) => (await ctx.loaders.listsByDayId.load(day.id)).setup,
    takeawayItems: async (day: Day, _: unknown, ctx: GraphQLContext) => (await ctx.loaders.listsByDayId.load(day.id)).takeaways,
    versionNotes: async (day: Day, _: unknown, ctx: GraphQLContext) => (await ctx.loaders.listsByDayId.load(day.id)).versionNotes,
    links: (day: Day, _: unknown, ctx: GraphQLContext) => ctx.loaders.linksByDayId.load(day.id),
    linkedFrom: (day: Day, _: unknown, ctx: GraphQLContext) => ctx.loaders.linkedFromByDayId.load(day.id),
    toolVersions: (day: Day, _: unknown, ctx: GraphQLContext) => ctx.loaders.toolVersionsByDayId.load(day.id),
    sections: (day: Day, _: unknown, ctx: GraphQLContext) => ctx.loaders.sectionsByDayId.load(day.id),
    snippets: async (day: Day, _: unknown, ctx: GraphQLContext): Promise<LessonSnippet[]> =>
      (await ctx.loaders.snippetsByDayId.load(day.id)).map((s) => ({ ...s, dayNumber: day.number })),
    attachments: async (day: Day, _: unknown, ctx: GraphQLContext): Promise<DayAttachment[]> =>
      (await ctx.loaders.attachmentsByDayId.load(day.id)).map((a) => ({ ...a, day: day.number })),
    references: (day: Day, _: unknown, ctx: GraphQLContext) => ctx.loaders.referencesByDayId.load(day.id),
    concepts: (day: Day, _: unknown, ctx: GraphQLContext) => ctx.loaders.conceptsByDayId.load(day.id),
    previous: async (day: Day, _: unknown, ctx: GraphQLContext) => loadDay((await ctx.services.days.previousIdsOf([day]))[0], ctx),
    next: async (day: Day, _: unknown, ctx: GraphQLContext) => loadDay((await ctx.services.days.nextIdsOf([day]))[0], ctx),
    series: (day: Day, _: unknown, ctx: GraphQLContext) => ctx.services.days.seriesOf(day),
  },
  Attachment: {
    url: (a: DayAttachment, _: unknown, ctx: GraphQLContext) => `${ctx.base}${dayFilePath(a.day, a.name)}`,
  },
  Snippet: {
    url: (s: LessonSnippet, _: unknown, ctx: GraphQLContext) => `${ctx.base}${dayHtmlPath(s.dayNumber, s.anchor)}`,
  },
  LessonItem: {
    markdown: (item: LessonItem, _: unknown, ctx: GraphQLContext) => withBase(item.markdown, ctx.base),
  },
  Section: {
    markdown: (section: Section, _: unknown, ctx: GraphQLContext) => withBase(section.markdown, ctx.base),
    html: (section: Section, _: unknown, ctx: GraphQLContext) => withBase(section.html, ctx.base),
  },
  ToolVersion: {
    markdown: (version: ToolVersion, _: unknown, ctx: GraphQLContext) => withBase(version.markdown, ctx.base),
  },
  Series: {
    days: async (series: SeriesParent, _: unknown, ctx: GraphQLContext) =>
      (await ctx.loaders.dayById.loadMany(series.dayIds)).filter((d): d is Day => d !== null && !(d instanceof Error)),
  },
};
