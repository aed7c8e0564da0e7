/**
 * `npm run check:cycles` (also in .ci/run): no import cycle in src/.
 * Type-only imports count (tsPreCompilationDeps): a type-only cycle still ties two
 * files together (neither can be read, moved or split alone), and it turns into a
 * runtime cycle the day one of its imports starts importing a value.
 * Not (yet) a rule: "modules import each other only through a module's public file".
 * No module has an index.ts, and such a rule finds 100 imports between src/modules/*
 * today, 40 of them into content/ (shared helpers rather than a domain); it wants its own
 * change (public files, content/ moved out of modules/), not one beside parallel work.
 */
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles make load order matter and modules impossible to read alone; break them with a file of shared types (see src/deps.ts, src/graphql/context.ts).",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".mjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
