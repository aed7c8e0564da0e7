/**
 * A small, hand-written content store for service tests, inserted through
 * Prisma (no importer needed): 6 days (a 3-part series among them), 7 concepts
 * with curated and derived relations, references and a "suggested" path.
 * The prose is ours.
 */
import type { Services } from "../../src/services.ts";

/** Inserts the sample content and bumps ContentState.version. */
export async function insertSampleContent(services: Services): Promise<void> {
  const prisma = services.deps.db.prisma;
  const challenge = await prisma.challenge.create({ data: { slug: "66daysofk8s", name: "#66DaysOfK8s", hashtag: "#66DaysOfK8s" } });
  const day = (number: number, title: string, extra: Record<string, unknown> = {}) =>
    prisma.day.create({
      data: { challengeId: challenge.id, number, title, kind: "THEORY", week: Math.ceil(number / 3), summary: `Summary of lesson ${number}.`, ...extra },
    });
  const d1 = await day(1, "Run a local cluster", {
    kind: "EXERCISE",
    tags: JSON.stringify(["kubernetes", "k0s"]),
    body: "Start a cluster with two nodes and list the pods.",
  });
  const d2 = await day(2, "Pods", {
    series: "Architecture",
    part: 1,
    tldr: "A pod wraps containers that share a network namespace.",
    body: "Pods are the smallest unit. Init containers run first.",
  });
  const d3 = await day(3, "Init containers", { series: "Architecture", part: 2, body: "An init container runs before the app containers of a pod." });
  const d4 = await day(4, "StatefulSets", {
    body: "A StatefulSet gives pods stable names and a PersistentVolumeClaim each.",
    tags: JSON.stringify(["storage"]),
  });
  const d5 = await day(5, "Deployments", { series: "Architecture", part: 3, body: "A Deployment manages ReplicaSets which manage pods." });
  const d6 = await day(6, "Volumes", { kind: "EXERCISE", body: "Claim storage with a PVC." });

  await prisma.dayItem.createMany({
    data: [
      { dayId: d2.id, list: "TASK", position: 0, text: "Read about pods" },
      { dayId: d2.id, list: "TASK", position: 1, text: "Run a pod" },
      { dayId: d2.id, list: "TAKEAWAY", position: 0, text: "Pods are ephemeral" },
      { dayId: d2.id, list: "SETUP", position: 0, text: "minikube" },
    ],
  });
  await prisma.toolVersion.createMany({ data: [{ dayId: d2.id, position: 0, tool: "kubectl", version: "v1.20.0", raw: "kubectl: v1.20.0" }] });
  await prisma.section.createMany({ data: [{ dayId: d2.id, position: 0, depth: 2, heading: "Tasks", anchor: "tasks", markdown: "- Read about pods" }] });
  await prisma.snippet.createMany({ data: [{ dayId: d2.id, position: 0, language: "bash", code: "kubectl get pods", section: "Tasks" }] });
  await prisma.attachment.createMany({
    data: [
      {
        dayId: d2.id,
        name: "yaml/pod.yaml",
        mediaType: "application/yaml",
        text: "kind: Pod",
        size: 9,
        kinds: JSON.stringify(["Pod"]),
        apiVersions: JSON.stringify(["v1"]),
      },
    ],
  });

  const concept = (slug: string, name: string, category: string, aliases: string[] = [], summary = `${name} in a few words.`) =>
    prisma.concept.create({ data: { slug, name, category, aliases: JSON.stringify(aliases), summary, docsUrl: `https://kubernetes.io/docs/${slug}/` } });
  const pod = await concept("pod", "Pod", "workloads", ["po"], "The smallest deployable unit: one or more containers sharing network and storage.");
  const container = await concept("container", "Container", "workloads");
  const init = await concept(
    "init-container",
    "Init container",
    "workloads",
    ["initContainers"],
    "Runs to completion before the app containers of a pod start.",
  );
  const sts = await concept("statefulset", "StatefulSet", "workloads", ["sts", "stateful set"], "Runs pods with stable identities and storage.");
  const pvc = await concept("persistentvolumeclaim", "PersistentVolumeClaim", "storage", ["PVC", "persistent volume claim"], "A request for storage by a pod.");
  const deploy = await concept("deployment", "Deployment", "workloads", ["deploy"], "Declares replicated pods and rolls out changes.");
  const rs = await concept("replicaset", "ReplicaSet", "workloads", ["rs", "replica set"], "Keeps a number of identical pods running.");

  const rel = (from: { id: number }, to: { id: number }, kind: string, source = "CURATED", weight = 1, evidence: number[] = []) => ({
    fromId: from.id,
    toId: to.id,
    kind,
    source,
    weight,
    evidence: JSON.stringify(evidence),
  });
  await prisma.conceptRelation.createMany({
    data: [
      rel(init, pod, "PART_OF"),
      rel(container, pod, "PART_OF"),
      rel(pod, container, "PREREQUISITE"),
      rel(sts, pod, "MANAGES"),
      rel(sts, pvc, "USES"),
      rel(deploy, rs, "MANAGES"),
      rel(rs, pod, "MANAGES"),
      rel(pod, deploy, "RELATED", "DERIVED", 2, [2, 5]),
      rel(pod, sts, "RELATED", "DERIVED", 1, [4]),
    ],
  });

  const dc = (d: { id: number }, c: { id: number }, weight: number, focus = false) => ({
    dayId: d.id,
    conceptId: c.id,
    mentions: Math.ceil(weight),
    weight,
    focus,
  });
  await prisma.dayConcept.createMany({
    data: [
      dc(d1, pod, 1),
      dc(d2, pod, 9, true),
      dc(d2, container, 3),
      dc(d2, init, 1),
      dc(d3, init, 8, true),
      dc(d3, pod, 2),
      dc(d4, sts, 9, true),
      dc(d4, pvc, 2),
      dc(d4, pod, 1),
      dc(d5, deploy, 8, true),
      dc(d5, rs, 3),
      dc(d5, pod, 2),
      dc(d6, pvc, 5, true),
    ],
  });

  const ref = (url: string, title: string, domain: string, kind: string) => prisma.reference.create({ data: { url, title, domain, kind } });
  const rPods = await ref("https://kubernetes.io/docs/concepts/workloads/pods", "Pods", "kubernetes.io", "OFFICIAL_DOCS");
  const rInit = await ref("https://kubernetes.io/docs/concepts/workloads/pods/init-containers", "Init Containers", "kubernetes.io", "OFFICIAL_DOCS");
  const rBlog = await ref("https://example.dev/statefulsets-explained", "StatefulSets explained", "example.dev", "BLOG");
  await prisma.dayReference.createMany({
    data: [
      { dayId: d2.id, referenceId: rPods.id, title: "Pods", position: 0, listed: true },
      { dayId: d2.id, referenceId: rInit.id, title: "Init containers", position: 1, listed: true },
      { dayId: d3.id, referenceId: rInit.id, title: "Init containers", position: 0, listed: true },
      { dayId: d4.id, referenceId: rBlog.id, title: "A blog post", position: 0, listed: false },
    ],
  });
  await prisma.conceptReference.createMany({
    data: [
      { conceptId: pod.id, referenceId: rPods.id },
      { conceptId: init.id, referenceId: rInit.id },
    ],
  });

  const path = await prisma.learningPath.create({
    data: { challengeId: challenge.id, name: "suggested", title: "Suggested order", description: "Architecture first." },
  });
  await prisma.learningPathStep.createMany({ data: [2, 3, 5, 1, 4, 6].map((dayNumber, position) => ({ pathId: path.id, position, dayNumber })) });
  await prisma.contentState.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } } });
  await services.contentCache.refresh();
}
