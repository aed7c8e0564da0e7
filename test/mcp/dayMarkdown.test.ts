import { test } from "node:test";
import assert from "node:assert/strict";
import { contentLinks } from "../../src/http/contentLinks.ts";
import { linkLessons } from "../../src/modules/days/days.markdown.ts";

const links = contentLinks("https://k8s-days.example");

test("links to other lessons of the source repository point at our markdown rendering", () => {
  const md = [
    "See [Part 5: Pods](../day13) and [Kubelet](https://github.com/someone/66DaysOfK8s/tree/master/challenge/week02/day10).",
    "Also [a week away](../../week05/day030/).",
  ].join("\n");
  assert.equal(
    linkLessons(md, links),
    [
      "See [Part 5: Pods](https://k8s-days.example/api/v1/days/13.md) and [Kubelet](https://k8s-days.example/api/v1/days/10.md).",
      "Also [a week away](https://k8s-days.example/api/v1/days/30.md).",
    ].join("\n"),
  );
});

test("other links are left alone", () => {
  const md = "[Pods](https://kubernetes.io/docs/concepts/workloads/pods/) · [day](./day13.png) · [repo](https://github.com/x/y)";
  assert.equal(linkLessons(md, links), md);
});
