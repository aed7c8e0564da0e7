/** GraphQL resolvers of manifest checks: a loader for the objects, the service for the check, URLs on the request's base. */
import { readArgument } from "../../graphql/argumentInput.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import { DEFAULT_KUBERNETES_VERSION, kubernetesRelease } from "./apiStatus.ts";
import type { Day } from "../days/days.mappers.ts";
import type { DayManifestChecksArgs, Resolvers } from "../../graphql/resolvers.generated.ts";
import { manifestObjectPath, type ManifestCheckParent } from "./manifests.service.ts";

/** Resolvers of manifests.graphql. */
export const manifestsResolvers: Resolvers = {
  Day: {
    manifestChecks: async (day: Day, args: DayManifestChecksArgs, ctx: GraphQLContext): Promise<ManifestCheckParent[]> => {
      const release = readArgument(() => kubernetesRelease(args.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION));
      const objects = await ctx.loaders.manifestObjectsByDayId.load(day.id);
      const { checks } = ctx.services.manifests.check(objects, release);
      const snippets = checks.some((c) => c.snippet !== null) ? await ctx.loaders.snippetsByDayId.load(day.id) : [];
      return checks.map((c) => ({ ...c, path: manifestObjectPath(day.number, c, snippets) }));
    },
  },
  ManifestCheck: {
    url: (c: ManifestCheckParent, _: unknown, ctx: GraphQLContext) => `${ctx.base}${c.path}`,
  },
};
