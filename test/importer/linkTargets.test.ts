import assert from "node:assert/strict";
import { test } from "node:test";
import { linkResolver } from "../../src/importer/linkTargets.ts";

const files = new Set([
  "README.md",
  "readme-images/cover.jpg",
  "challenge/README.md",
  "challenge/week02/day8/myDeployment.yaml",
  "challenge/week02/day8/readme-images/01.png",
  "challenge/week02/day12/init-containers.yaml",
  "challenge/week05/day30/yaml/pv pod.yaml",
]);
const resolve = linkResolver("challenge/week02/day8/README.md", files);
const B = "https://k8s-days.invalid";

const rows: [string, string][] = [
  ["readme-images/01.png", `file ${B}/api/v1/days/8/files/readme-images/01.png`],
  ["./myDeployment.yaml", `file ${B}/api/v1/days/8/files/myDeployment.yaml`],
  ["../day12/init-containers.yaml", `file ${B}/api/v1/days/12/files/init-containers.yaml`],
  ["../../week05/day30/yaml/pv%20pod.yaml", `file ${B}/api/v1/days/30/files/yaml/pv%20pod.yaml`],
  ["../../week01/day5/README.md", `day ${B}/api/v1/days/5`],
  ["../day12", `day ${B}/api/v1/days/12`],
  ["../day12/#tasks", `day ${B}/api/v1/days/12#tasks`],
  ["../../../readme-images/cover.jpg", `file ${B}/api/v1/files/readme-images/cover.jpg`],
  ["../../README.md", `file ${B}/api/v1/files/challenge/README.md`],
  ["https://github.com/jp-chl/66DaysOfK8s/blob/master/challenge/week02/day12/init-containers.yaml", `file ${B}/api/v1/days/12/files/init-containers.yaml`],
  ["https://raw.githubusercontent.com/jp-chl/66DaysOfK8s/main/challenge/week02/day8/myDeployment.yaml", `file ${B}/api/v1/days/8/files/myDeployment.yaml`],
  ["https://github.com/jp-chl/66DaysOfK8s/tree/master/challenge/week02/day13", `day ${B}/api/v1/days/13`],
  ["https://github.com/jp-chl/66DaysOfK8s/blob/master/challenge/week09/day60/gone.yaml", "keep"],
  ["https://kubernetes.io/docs/concepts/", "keep"],
  ["#versions-used", "keep"],
  ["mailto:someone@example.com", "keep"],
  ["../../workarounds.md", "dead"],
  ["./originalDeployment.yaml", "dead"],
  ["../../../../outside.md", "dead"],
];

for (const [href, expected] of rows) {
  test(`a link "${href}" from day 8 → ${expected}`, () => {
    const t = resolve(href);
    assert.equal(t.kind === "file" || t.kind === "day" ? `${t.kind} ${t.url}` : t.kind, expected);
  });
}
