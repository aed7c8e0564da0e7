/** References worth citing: kinds, addresses that are not sources, and the title rule — pure tables, no database. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseLesson } from "../../src/importer/parseLesson.ts";
import { isCitableUrl, normalizeUrl, referenceKind } from "../../src/importer/references.ts";
import { isInformativeTitle, referenceTitle, titleFromPath, type TitleCandidate } from "../../src/importer/referenceTitle.ts";
import { REFERENCE_KIND_NAMES, REFERENCE_KINDS, referenceKindsList } from "../../src/modules/references/referenceKinds.ts";

const kind = (url: string) => referenceKind(normalizeUrl(url)!);

describe("reference kinds", () => {
  const cases: [string, string][] = [
    ["https://kubernetes.io/docs/concepts/workloads/pods/", "OFFICIAL_DOCS"],
    ["https://kubernetes.io/es/docs/concepts/", "OFFICIAL_DOCS"],
    ["https://kubernetes.io/releases/version-skew-policy/", "OFFICIAL_DOCS"],
    ["https://k8s.io/examples/pods/simple-pod.yaml", "OFFICIAL_DOCS"],
    ["https://kubernetes.io/blog/2020/12/02/dont-panic-kubernetes-and-docker/", "BLOG"],
    ["https://helm.sh/docs/intro/quickstart/", "DOCUMENTATION"],
    ["https://grafana.com/docs/loki/latest/", "DOCUMENTATION"],
    ["https://k8slens.dev/", "DOCUMENTATION"],
    ["https://multipass.run/", "DOCUMENTATION"],
    ["https://docs.docker.com/engine", "DOCUMENTATION"],
    ["https://docs.k0sproject.io/v1.21.0/install/", "DOCUMENTATION"],
    ["https://docs.microsoft.com/en-us/azure/architecture/patterns/sidecar", "DOCUMENTATION"],
    ["https://learn.microsoft.com/en-us/azure/aks/what-is-aks", "DOCUMENTATION"],
    ["https://cloud.google.com/kubernetes-engine/docs/concepts/kubernetes-engine-overview", "DOCUMENTATION"],
    ["https://docs.aws.amazon.com/eks/latest/userguide/what-is-eks.html", "DOCUMENTATION"],
    ["https://minikube.sigs.k8s.io/docs/start/", "DOCUMENTATION"],
    ["https://kind.sigs.k8s.io/", "DOCUMENTATION"],
    ["https://cert-manager.readthedocs.io/en/latest/", "DOCUMENTATION"],
    ["https://etcd.io/docs/v3.5/op-guide/recovery/", "DOCUMENTATION"],
    ["https://opencontainers.org/", "DOCUMENTATION"],
    ["https://medium.com/better-programming/kubernetes-is-deprecating-docker-8a9f7566fbca", "BLOG"],
    ["https://towardsdatascience.com/kubernetes-is-deprecating-docker-in-the-upcoming-release-2a03d607934a", "BLOG"],
    ["https://developers.redhat.com/blog/2019/04/01/init-container-build-pattern/", "BLOG"],
    ["https://blog.container-solutions.com/kubernetes-deployment-strategies", "BLOG"],
    ["https://dev.to/someone/pods-101", "BLOG"],
    ["https://github.com/lensapp/lens/releases/tag/v4.1.2", "REPOSITORY"],
    ["https://github.com/kubernetes/website/tree/main/content/en/docs", "REPOSITORY"],
    ["https://gitlab.com/group/project", "REPOSITORY"],
    ["https://www.youtube.com/watch?v=abc", "VIDEO"],
    ["https://youtu.be/abc", "VIDEO"],
    ["https://asciinema.org/a/FJtn3ju5OewbuajJrIlx7AZUu", "VIDEO"],
    ["https://thenewstack.io/review-of-container-to-container-communications-in-kubernetes/", "ARTICLE"],
    ["https://www.digitalocean.com/community/tutorials/understanding-systemd-units-and-unit-files", "ARTICLE"],
  ];
  for (const [url, expected] of cases) test(`${url} is ${expected}`, () => assert.equal(kind(url), expected));

  test("every kind the classifier returns is in the closed, documented set", () => {
    for (const [url] of cases) assert.ok(REFERENCE_KIND_NAMES.includes(kind(url) as never), url);
    for (const name of REFERENCE_KIND_NAMES) assert.ok(REFERENCE_KINDS[name].length > 10, `${name} is described`);
    assert.equal(referenceKindsList(), "OFFICIAL_DOCS, DOCUMENTATION, BLOG, ARTICLE, REPOSITORY or VIDEO");
  });
});

describe("addresses that are not references", () => {
  const cases: [string, boolean][] = [
    ["http://localhost", false],
    ["http://localhost:8080/api", false],
    ["http://app.localhost/", false],
    ["http://127.0.0.1:8001/api/v1/namespaces", false],
    ["http://127.1.2.3/", false],
    ["http://10.96.0.1/", false],
    ["https://172.16.0.10:6443", false],
    ["https://172.31.255.255/", false],
    ["https://192.168.64.53:6443", false],
    ["http://169.254.169.254/latest/meta-data", false],
    ["http://0.0.0.0:3000", false],
    ["http://[::1]:8080/", false],
    ["http://[fd00::1]/", false],
    ["http://[fe80::1]/", false],
    ["http://kubernetes/api", false],
    ["http://my-service:8080/healthz", false],
    ["http://my-service.default", false],
    ["http://kube-dns.kube-system:53", false],
    ["http://my-svc.my-namespace.svc", false],
    ["http://my-svc.my-namespace.svc.cluster.local:8080/", false],
    ["https://kubernetes.default.svc/api", false],
    ["http://printer.local/", false],
    ["http://metadata.google.internal/computeMetadata/v1/", false],
    ["http://example.com/", false],
    ["https://www.example.org/path", false],
    ["http://192.168.49.2.nip.io/", false],
    ["http://app.10.0.0.5.sslip.io/", false],
    ["https://172.32.0.1/", true],
    ["https://11.0.0.1/", true],
    ["https://kubernetes.io/docs/", true],
    ["https://8.8.8.8/", true],
    ["https://app.1.2.3.4.nip.io/", true],
    ["https://k8slens.dev/", true],
  ];
  for (const [url, citable] of cases) test(`${url} ${citable ? "is" : "is not"} a reference`, () => assert.equal(isCitableUrl(normalizeUrl(url)!), citable));

  test("a lesson's links to such addresses are dropped without a warning", () => {
    const md = [
      "# Day 2 of #66DaysOfK8s",
      "",
      "_Last update: 2021-01-12_",
      "",
      "Open http://localhost:8080 or [the dashboard](http://127.0.0.1:8001/api/v1/namespaces/kube-system/services/) or http://my-service:8080/healthz;",
      "the API answers at [kubernetes](https://kubernetes/api) and [my svc](http://web.default.svc.cluster.local/).",
      "",
      "## References",
      "",
      "* [Services (official site)](https://kubernetes.io/docs/concepts/services-networking/service/)",
      "",
    ].join("\n");
    const { lesson, warnings } = parseLesson(md, "challenge/week01/day2/README.md");
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      lesson.references.map((r) => r.url),
      ["https://kubernetes.io/docs/concepts/services-networking/service"],
    );
  });
});

describe("reference titles", () => {
  const url = "https://github.com/lensapp/lens/releases/tag/v4.1.2";
  const c = (source: TitleCandidate["source"], text: string): TitleCandidate => ({ source, text });
  const cases: [string, string, TitleCandidate[], string][] = [
    [
      "a curated title wins over the lesson's words",
      "https://kubernetes.io/docs/concepts/workloads/pods",
      [c("listed", "Pods (official site)"), c("curated", "Pod (official documentation)")],
      "Pod (official documentation)",
    ],
    [
      "the References list's text wins over inline text",
      "https://thenewstack.io/review",
      [c("text", "IPC, the loopback interface or a shared filesystem"), c("listed", "Review of Container-to-Container Communications in Kubernetes")],
      "Review of Container-to-Container Communications in Kubernetes",
    ],
    ["inline link text when it names the page", "https://kubernetes.io/docs/concepts/configuration/secret", [c("text", "Secrets")], "Secrets"],
    [
      "the first informative text of several",
      "https://kubernetes.io/docs/x",
      [c("text", "here"), c("text", "Deployments"), c("text", "Deployment")],
      "Deployments",
    ],
    ["'link' gives way to the page path", url, [c("text", "link")], "lensapp/lens: releases/tag/v4.1.2"],
    ["'here' gives way to a label around the link", url, [c("text", "here"), c("label", "Lens releases")], "Lens releases (github.com)"],
    ["'this' is not a title", "https://helm.sh/docs/intro/install", [c("text", "this")], "Install"],
    [
      "a bare URL as text is not a title",
      "https://medium.com/better-programming/k0s-kubernetes-in-a-single-binary-224bb43f4520",
      [c("text", "https://medium.com/better-programming/k0s-kubernetes-in-a-single-binary-224bb43f4520")],
      "K0s kubernetes in a single binary",
    ],
    ["the domain as text is not a title", "https://k8slens.dev/features/ide", [c("text", "k8slens.dev")], "Ide"],
    [
      "a generic image alt gives way to the label before it",
      "https://asciinema.org/a/FJtn3ju5OewbuajJrIlx7AZUu",
      [c("alt", "asciicast"), c("label", "Demo"), c("heading", "Init containers")],
      "Demo (asciinema.org)",
    ],
    [
      "an id path gives way to the section heading",
      "https://asciinema.org/a/7s6PQuJLSZQ5n6exuxDvJkXuX",
      [c("alt", "asciicast"), c("heading", "Demo")],
      "Demo (asciinema.org)",
    ],
    ["an informative image alt", "https://www.youtube.com/watch?v=abc", [c("alt", "Kubernetes in 5 minutes")], "Kubernetes in 5 minutes"],
    ["a product name equal to the domain's name is a title", "https://multipass.run", [c("text", "multipass")], "multipass"],
    ["the domain only when nothing else is known", "https://k8slens.dev", [], "k8slens.dev"],
    ["whitespace collapsed", "https://kubernetes.io/docs/x", [c("text", "  Static\n Pods ")], "Static Pods"],
  ];
  for (const [label, u, candidates, expected] of cases) test(label, () => assert.equal(referenceTitle(u, candidates), expected));

  const paths: [string, string | null][] = [
    ["https://medium.com/better-programming/k0s-kubernetes-in-a-single-binary-224bb43f4520", "K0s kubernetes in a single binary"],
    ["https://github.com/lensapp/lens/tree/master/extensions/metrics-cluster-feature/resources", "lensapp/lens: extensions/metrics-cluster-feature/resources"],
    ["https://github.com/GoogleContainerTools/kaniko", "GoogleContainerTools/kaniko"],
    ["https://gitlab.com/group/project/-/tree/main/docs", "group/project: docs"],
    ["https://helm.sh/docs/intro/index.html", "Intro"],
    ["https://dev.to/someone/understanding_pod_networking-4kd2", "Understanding pod networking 4kd2"],
    ["https://asciinema.org/a/7s6PQuJLSZQ5n6exuxDvJkXuX", null],
    ["https://k8slens.dev/", null],
  ];
  for (const [u, expected] of paths) test(`the path of ${u} reads ${JSON.stringify(expected)}`, () => assert.equal(titleFromPath(u), expected));

  const informative: [string, boolean][] = [
    ["link", false],
    ["Here", false],
    ["this link", false],
    ["click here.", false],
    ["", false],
    ["[1]", false],
    ["2021", false],
    ["www.k8slens.dev", false],
    ["k8slens.dev", false],
    ["https://k8slens.dev", false],
    ["Based on", false],
    ["Lens Homepage", true],
    ["Node.js", true],
    ["cri-o", true],
    ["Demo", true],
  ];
  for (const [text, expected] of informative)
    test(`${JSON.stringify(text)} ${expected ? "is" : "is not"} an informative title`, () =>
      assert.equal(isInformativeTitle(text, "https://k8slens.dev/"), expected));

  test("a lesson gives each source its own words: lead-in labels, list items, label paragraphs and headings", () => {
    const md = [
      "# Day 42 of #66DaysOfK8s",
      "",
      "_Last update: 2021-02-21_",
      "",
      "> _Based on: https://medium.com/better-programming/k0s-kubernetes-in-a-single-binary-224bb43f4520_",
      "",
      "## Setup",
      "",
      "Lens releases: [link](https://github.com/lensapp/lens/releases/tag/v4.1.2).",
      "",
      "* The metrics stack manifests [here](https://github.com/lensapp/lens/tree/master/extensions/metrics-cluster-feature/resources)",
      "",
      "**Demo**:",
      "",
      "[![asciicast](https://asciinema.org/a/FJtn3ju5OewbuajJrIlx7AZUu.svg)](https://asciinema.org/a/FJtn3ju5OewbuajJrIlx7AZUu)",
      "",
      "## Recording",
      "",
      "[![asciicast](https://asciinema.org/a/7s6PQuJLSZQ5n6exuxDvJkXuX.svg)](https://asciinema.org/a/7s6PQuJLSZQ5n6exuxDvJkXuX)",
      "",
      "Install [lens](https://k8slens.dev/) first.",
      "",
      "## References",
      "",
      "* [Lens Homepage](https://k8slens.dev/)",
      "",
    ].join("\n");
    const { lesson } = parseLesson(md, "challenge/week06/day42/README.md");
    assert.deepEqual(
      lesson.references.map((r) => [r.title, r.listed]),
      [
        ["K0s kubernetes in a single binary", false],
        ["Lens releases (github.com)", false],
        ["The metrics stack manifests (github.com)", false],
        ["Demo (asciinema.org)", false],
        ["Recording (asciinema.org)", false],
        ["Lens Homepage", true],
      ],
    );
  });
});
