import { test } from "node:test";
import assert from "node:assert/strict";
import { contentLinks } from "../../src/http/contentLinks.ts";
import { CONTENT_BASE } from "../../src/modules/content/contentBase.ts";
import { linkLessons } from "../../src/modules/days/days.markdown.ts";

const links = contentLinks("https://k8s-days.example");

test("links to other lessons, as the importer stores them, point at our markdown rendering", () => {
  const md = [
    `See [Part 5: Pods](${CONTENT_BASE}/api/v1/days/13) and [Kubelet](${CONTENT_BASE}/api/v1/days/10).`,
    `Also [a week away](${CONTENT_BASE}/api/v1/days/30).`,
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
  const md = `[Pods](https://kubernetes.io/docs/concepts/workloads/pods/) · [file](${CONTENT_BASE}/api/v1/days/13/files/a.png) · [repo](https://github.com/x/y)`;
  assert.equal(linkLessons(md, links), md);
});
