import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { compileGlossary, detectConcepts, type LessonZones } from "../../src/importer/detectConcepts.ts";

const matcher = compileGlossary([
  { slug: "pod", name: "Pod", aliases: ["po"] },
  { slug: "container", name: "Container", aliases: [] },
  { slug: "init-container", name: "Init container", aliases: ["initContainers"] },
  { slug: "daemonset", name: "DaemonSet", aliases: ["ds"] },
  { slug: "replicaset", name: "ReplicaSet", aliases: ["rs"] },
  { slug: "persistentvolume", name: "PersistentVolume", aliases: ["PV", "Persistent volume"] },
  { slug: "persistentvolumeclaim", name: "PersistentVolumeClaim", aliases: ["PVC"] },
  { slug: "kube-apiserver", name: "kube-apiserver", aliases: ["API server"] },
  { slug: "static-pod", name: "Static Pod", aliases: [] },
  { slug: "deployment", name: "Deployment", aliases: ["deploy"] },
  { slug: "network-policy", name: "NetworkPolicy", aliases: ["network policies"] },
]);

const zones = (over: Partial<LessonZones>): LessonZones => ({ title: "", tldr: "", tasks: [], headings: [], body: "", kinds: [], ...over });
const slugsIn = (text: string) => matcher.find(text).map((m) => m.slug);

describe("the concept matcher", () => {
  const cases: [string, string[]][] = [
    ["A Pod runs containers", ["pod", "container"]],
    ["two pods and a podcast", ["pod"]],
    ["the Pod's IP", ["pod"]],
    ["init containers and initContainers", ["init-container", "init-container"]],
    ["Daemon Sets part 1", ["daemonset"]],
    ["daemonsets, DaemonSet and daemon-set", ["daemonset", "daemonset", "daemonset"]],
    ["Replica Sets", ["replicaset"]],
    ["a PV bound to a PVC", ["persistentvolume", "persistentvolumeclaim"]],
    ["a Persistent volume claim", ["persistentvolumeclaim"]],
    ["the word pv in lowercase is not an abbreviation", []],
    ["kube-apiserver is the API server", ["kube-apiserver", "kube-apiserver"]],
    ["Static Pods are not scheduled", ["static-pod"]],
    ["deploy a new app with a Deployment", ["deployment"]],
    ["Network policies (part 1)", ["network-policy"]],
    ["NetworkPolicies", ["network-policy"]],
    ["", []],
  ];
  for (const [text, expected] of cases) {
    test(`finds ${JSON.stringify(expected)} in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(slugsIn(text), expected);
    });
  }

  test("maps Kubernetes kinds to concepts", () => {
    assert.equal(matcher.kindToSlug("PersistentVolumeClaim"), "persistentvolumeclaim");
    assert.equal(matcher.kindToSlug("DaemonSet"), "daemonset");
    assert.equal(matcher.kindToSlug("ConfigMap"), undefined);
  });
});

describe("detectConcepts", () => {
  test("weighs title ×5, TL;DR ×3, tasks ×3, headings ×2 and body ×1", () => {
    const hits = detectConcepts(matcher, zones({ title: "Pods", tldr: "A Pod", tasks: ["Create a Pod"], headings: ["Pod spec"], body: "pod" }));
    assert.deepEqual(hits, [{ slug: "pod", mentions: 5, weight: 5 + 3 + 3 + 2 + 1, focus: true }]);
  });

  test("counts declared kinds of YAML snippets and attachments for their concept", () => {
    const hits = detectConcepts(matcher, zones({ kinds: ["Pod", "Pod", "Service"] }));
    assert.deepEqual(hits, [{ slug: "pod", mentions: 2, weight: 2, focus: true }]);
  });

  test("makes focus what the title, TL;DR or tasks name, and the heaviest concepts mentioned more than once", () => {
    const hits = detectConcepts(matcher, zones({
      title: "Init containers",
      body: "containers containers containers deployment deployment replicaset replicaset daemonset daemonset persistentvolume",
    }));
    const focus = Object.fromEntries(hits.map((h) => [h.slug, h.focus]));
    assert.equal(focus["init-container"], true);
    assert.equal(focus["container"], true, "three body mentions: among the heaviest");
    assert.equal(focus["persistentvolume"], false, "a single passing mention is never a focus");
    assert.deepEqual(hits.filter((h) => h.focus).map((h) => h.slug).sort(), ["container", "daemonset", "deployment", "init-container"], "the title concept plus the three heaviest (ties by slug)");
  });

  test("returns nothing for a lesson that names no concept", () => {
    assert.deepEqual(detectConcepts(matcher, zones({ title: "Helm charts", body: "nothing to see" })), []);
  });
});
