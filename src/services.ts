/**
 * The domain services, built once per process and shared by every transport
 * (GraphQL, REST, MCP, CLI). Transports parse input, call a service, shape output;
 * business rules live only in src/modules/.
 */
import type { Deps } from "./deps.ts";
import { createContentImporter, type ContentImporter } from "./importer/importer.service.ts";
import { createChallengesService, type ChallengesService } from "./modules/challenges/challenges.service.ts";
import { createChallengeResolver, type ChallengeResolver } from "./modules/content/challenges.ts";
import { createContentCache, type ContentCache } from "./modules/content/contentCache.ts";
import { createConceptsService, type ConceptsService } from "./modules/concepts/concepts.service.ts";
import { createDaysService, type DaysService } from "./modules/days/days.service.ts";
import { createManifestsService, type ManifestsService } from "./modules/manifests/manifests.service.ts";
import { createSnippetsService, type SnippetsService } from "./modules/snippets/snippets.service.ts";
import { createFilesService, type FilesService } from "./modules/files/files.service.ts";
import { createPathsService, type PathsService } from "./modules/paths/paths.service.ts";
import { createReferencesService, type ReferencesService } from "./modules/references/references.service.ts";
import { createSearchService, type SearchService } from "./modules/search/search.service.ts";
import { createLearnersService } from "./modules/learners/learners.service.ts";
import type { LearnersService } from "./modules/learners/learners.types.ts";
import { cachedContentFacts, prismaContentFacts } from "./modules/progress/contentFacts.ts";
import { createProgressService, type ProgressService } from "./modules/progress/progress.service.ts";
import { createProfilesService, type ProfilesService } from "./modules/profiles/profiles.service.ts";
import { createExportService, type ExportService } from "./modules/progress/export/export.service.ts";
import { createReviewService, type ReviewService } from "./modules/review/review.service.ts";

/** All domain services. Modules add theirs here. */
export interface Services {
  deps: Deps;
  /** Lesson content: import, seeds, counts. */
  content: { importer: ContentImporter };
  /** Read caches of public content, keyed by ContentState.version. */
  contentCache: ContentCache;
  challenges: ChallengeResolver;
  /** The challenges themselves (list, by slug). */
  challengeList: ChallengesService;
  days: DaysService;
  /** Kubernetes objects of the lessons' manifests and YAML snippets, checked against a release. */
  manifests: ManifestsService;
  /** The lessons' code blocks as a list of their own. */
  snippets: SnippetsService;
  /** Imported files (attachments and repository files) by path, with their bytes. */
  files: FilesService;
  concepts: ConceptsService;
  references: ReferencesService;
  paths: PathsService;
  search: SearchService;
  /** Learners, tokens, authentication. */
  learners: LearnersService;
  /** Private progress, daily log, enrolments, stats, share posts. */
  progress: ProgressService;
  /** Public profiles of learners who opted in: card, calendar for the heatmap and badge. */
  profiles: ProfilesService;
  /** The learner's data as CSV, a Markdown journal or an ICS calendar. */
  exports: ExportService;
  /** Spaced review of finished lessons (FSRS). */
  review: ReviewService;
}

/** Builds every service on the given dependencies. */
export function createServices(deps: Deps): Services {
  const contentCache = createContentCache(deps.contentVersion);
  const challenges = createChallengeResolver(deps.db, contentCache);
  const days = createDaysService(deps.db, contentCache, challenges);
  const facts = cachedContentFacts(prismaContentFacts(deps.db), contentCache);
  const learners = createLearnersService(deps, facts);
  const progress = createProgressService(deps, facts);
  return {
    deps,
    content: { importer: createContentImporter(deps) },
    contentCache,
    challenges,
    challengeList: createChallengesService(deps.db, contentCache),
    days,
    manifests: createManifestsService(deps.db, contentCache, days),
    snippets: createSnippetsService(deps.db, contentCache, challenges),
    files: createFilesService(deps.db, challenges, days),
    concepts: createConceptsService(deps.db, contentCache),
    references: createReferencesService(deps.db, contentCache, challenges),
    paths: createPathsService(deps.db, contentCache, challenges, days),
    search: createSearchService(deps.db, contentCache, challenges),
    learners,
    progress,
    profiles: createProfilesService(learners, progress),
    exports: createExportService(deps, facts, progress),
    review: createReviewService(deps),
  };
}
