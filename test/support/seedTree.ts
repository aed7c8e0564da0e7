/**
 * Small seed trees written into a temp dir for importer tests (our own one-line summaries),
 * so tests do not depend on the full glossary in seeds/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./tempDir.ts";

/** A concept line of a test glossary: [slug, name, aliases, relations]. */
type ConceptSpec = [string, string, string[], Record<string, string[]>?];

/** Concepts the fixture lessons mention, enough to test detection and relations. */
export const testConcepts: Record<string, ConceptSpec[]> = {
  workloads: [
    ["pod", "Pod", ["po"], { uses: ["container"] }],
    ["container", "Container", []],
    ["init-container", "Init container", ["initContainers"], { "part-of": ["pod"] }],
    ["ephemeral-container", "Ephemeral container", [], { "part-of": ["pod"] }],
    ["deployment", "Deployment", ["deploy"], { manages: ["replicaset"] }],
    ["replicaset", "ReplicaSet", ["rs", "Replica Sets"], { manages: ["pod"] }],
    ["job", "Job", [], { manages: ["pod"] }],
    ["statefulset", "StatefulSet", ["sts"], { manages: ["pod"] }],
    ["daemonset", "DaemonSet", ["ds"], { manages: ["pod"] }],
    ["static-pod", "Static Pod", [], { related: ["pod", "kubelet"] }],
    ["sidecar-pattern", "Sidecar pattern", ["sidecar"], { related: ["pod"] }],
  ],
  storage: [
    ["persistentvolume", "PersistentVolume", ["PV", "persistent volume"]],
    ["persistentvolumeclaim", "PersistentVolumeClaim", ["PVC", "persistent volume claim"], { uses: ["persistentvolume"] }],
    ["volume", "Volume", []],
  ],
  node: [
    ["kubelet", "kubelet", []],
    ["container-runtime", "Container runtime", []],
    ["docker", "Docker", [], { "alternative-to": ["containerd"] }],
    ["containerd", "containerd", []],
    ["cri", "CRI", ["Container Runtime Interface"]],
    ["oci", "OCI", ["Open Container Initiative"]],
    ["dockershim", "Dockershim", []],
  ],
  networking: [
    ["service", "Service", ["svc"], { exposes: ["pod"] }],
    ["network-plugin", "Network plugin", ["CNI"]],
  ],
  tooling: [
    ["kubectl", "kubectl", []],
    ["minikube", "minikube", []],
    ["k0s", "k0s", []],
  ],
};

function yamlList(value: string[]): string {
  return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
}

/** A seeded day: its number, or full facts (as the seeds copy them from the challenge table). */
export type SeedDaySpec = number | { number: number; week: number | null; title: string; series: string | null; part: number | null; kind: string };

/** Writes a valid seed tree (challenge, a few days, a path, the test glossary) in a folder removed at exit; returns the folder. */

export function writeSeedTree(options: { days?: SeedDaySpec[]; suggested?: number[]; extra?: Record<string, string> } = {}): string {
  const dir = tempDir("seeds");
  mkdirSync(join(dir, "concepts"));
  writeFileSync(
    join(dir, "challenge.yaml"),
    [
      "slug: 66daysofk8s",
      'name: "#66DaysOfK8s"',
      'hashtag: "#66DaysOfK8s"',
      'hashtags: ["#kubernetes"]',
      "description: Learn Kubernetes a little every day.",
      "totalDays: 66",
      "minMinutesPerDay: 5",
      "",
    ].join("\n"),
  );
  const specs = options.days ?? [12, 13];
  const days = specs.map((d) => (typeof d === "number" ? d : d.number));
  writeFileSync(
    join(dir, "days.yaml"),
    `${specs
      .map((d) => {
        const f = typeof d === "number" ? { number: d, week: 2, title: `Seeded day ${d}`, series: null, part: null, kind: "THEORY" } : d;
        return [
          `- number: ${f.number}`,
          ...(f.week ? [`  week: ${f.week}`] : []),
          `  title: ${JSON.stringify(f.title)}`,
          ...(f.series ? [`  series: ${JSON.stringify(f.series)}`, `  part: ${f.part}`] : []),
          `  kind: ${f.kind}`,
          `  summary: Our own summary of day ${f.number}.`,
        ].join("\n");
      })
      .join("\n\n")}\n`,
  );
  writeFileSync(
    join(dir, "paths.yaml"),
    `- name: suggested\n  title: Suggested order\n  description: Our order.\n  days: [${(options.suggested ?? days).join(", ")}]\n`,
  );
  for (const [category, concepts] of Object.entries(testConcepts)) {
    writeFileSync(
      join(dir, "concepts", `${category}.yaml`),
      `${concepts
        .map(([slug, name, aliases, relations]) =>
          [
            `- slug: ${slug}`,
            `  name: ${JSON.stringify(name)}`,
            `  aliases: ${yamlList(aliases)}`,
            `  summary: Test summary of ${name}.`,
            `  docsUrl: https://kubernetes.io/docs/${slug}/`,
            ...(relations ? ["  relations:", ...Object.entries(relations).map(([k, v]) => `    ${k}: ${yamlList(v)}`)] : []),
          ].join("\n"),
        )
        .join("\n\n")}\n`,
    );
  }
  for (const [file, text] of Object.entries(options.extra ?? {})) writeFileSync(join(dir, file), text);
  return dir;
}
