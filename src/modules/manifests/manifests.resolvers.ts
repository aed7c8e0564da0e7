/** GraphQL resolvers of manifest checks: a loader for the objects, the service for the check, URLs on the request's base. */
import { readArgument } from "../../graphql/argumentInput.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import { DEFAULT_KUBERNETES_VERSION, kubernetesRelease } from "./apiStatus.ts";
import type { Day } from "../days/days.mappers.ts";
import { manifestObjectPath, type ManifestCheck } from "./manifests.service.ts";

type CheckParent = ManifestCheck & { path: string };

/** Resolvers of manifests.graphql. */
export const manifestsResolvers = {
  Day: {
    manifestChecks: async (day: Day, args: { kubernetesVersion?: string | null }, ctx: GraphQLContext): Promise<CheckParent[]> => {
      const release = readArgument(() => kubernetesRelease(args.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION));
      const objects = await ctx.loaders.manifestObjectsByDayId.load(day.id);
      const { checks } = ctx.services.manifests.check(objects, release);
      const snippets = checks.some((c) => c.snippet !== null) ? await ctx.loaders.snippetsByDayId.load(day.id) : [];
      return checks.map((c) => ({ ...c, path: manifestObjectPath(day.number, c, snippets) }));
    },
  },
  ManifestCheck: {
    url: (c: CheckParent, _: unknown, ctx: GraphQLContext) => `${ctx.base}${c.path}`,
  },
};
