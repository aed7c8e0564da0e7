/**
 * Minimal content rows for progress tests, written through Prisma until the seeds
 * land: the #66DaysOfK8s challenge, a few days (our own titles), two concepts
 * linked to days, and a "suggested" learning path.
 */
import type { Services } from "../../src/services.ts";

export async function createChallengeRows(services: Services): Promise<void> {
  const p = services.deps.db.prisma;
  const challenge = await p.challenge.create({
    data: {
      slug: "66daysofk8s",
      name: "66 Days of Kubernetes",
      hashtag: "#66DaysOfK8s",
      hashtags: JSON.stringify(["#kubernetes", "#learning"]),
      totalDays: 66,
      minMinutesPerDay: 5,
    },
  });
  const titles = ["Getting started", "Cluster architecture", "Pods", "Deployments", "Services"];
  const days = [];
  for (const [i, title] of titles.entries()) {
    days.push(await p.day.create({ data: { challengeId: challenge.id, number: i + 1, title, kind: "THEORY" } }));
  }
  const pod = await p.concept.create({ data: { slug: "pod", name: "Pod", category: "workloads" } });
  const service = await p.concept.create({ data: { slug: "service", name: "Service", category: "networking" } });
  await p.dayConcept.createMany({
    data: [
      { dayId: days[2]!.id, conceptId: pod.id, mentions: 5, weight: 1 },
      { dayId: days[3]!.id, conceptId: pod.id, mentions: 2, weight: 0.5 },
      { dayId: days[4]!.id, conceptId: service.id, mentions: 4, weight: 1 },
    ],
  });
  await p.learningPath.create({
    data: {
      challengeId: challenge.id,
      name: "suggested",
      title: "Suggested",
      steps: { create: [3, 1, 2, 4, 5].map((dayNumber, position) => ({ position, dayNumber })) },
    },
  });
}
