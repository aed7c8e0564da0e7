import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { compileGlossary, detectConcepts, type ConceptMatcher, type LessonZones } from "../../src/importer/detectConcepts.ts";
import { defaultSeedsDir, readSeeds } from "../../src/importer/seeds.ts";

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
    const hits = detectConcepts(
      matcher,
      zones({
        title: "Init containers",
        // "Deployment" as Kubernetes writes the kind: a lowercase "deployment" alone could be anyone's deployment.
        body: "containers containers containers Deployment Deployment replicaset replicaset daemonset daemonset persistentvolume",
      }),
    );
    const focus = Object.fromEntries(hits.map((h) => [h.slug, h.focus]));
    assert.equal(focus["init-container"], true);
    assert.equal(focus.container, true, "three body mentions: among the heaviest");
    assert.equal(focus.persistentvolume, false, "a single passing mention is never a focus");
    assert.deepEqual(
      hits
        .filter((h) => h.focus)
        .map((h) => h.slug)
        .sort(),
      ["container", "daemonset", "deployment", "init-container"],
      "the title concept plus the three heaviest (ties by slug)",
    );
  });

  test("returns nothing for a lesson that names no concept", () => {
    assert.deepEqual(detectConcepts(matcher, zones({ title: "Helm charts", body: "nothing to see" })), []);
  });
});

/**
 * Concepts only in their Kubernetes sense, with the real glossary of seeds/: lesson-like text →
 * concepts that must be found and concepts that must not. Rows marked "day N" restate, in our own
 * words, what that fixture lesson says; the others are our own examples.
 */
describe("detectConcepts in a Kubernetes sense (the seeds' glossary)", () => {
  let glossary: ConceptMatcher;
  before(async () => {
    const seeds = await readSeeds(defaultSeedsDir);
    glossary = compileGlossary(seeds.concepts.map((c) => ({ slug: c.slug, name: c.name, aliases: c.aliases })));
  });

  type Row = { label: string; body?: string; title?: string; headings?: string[]; kinds?: string[]; expect: string[]; forbid?: string[] };
  const rows: Row[] = [
    {
      label: "day 1: a systemd service is not a Service",
      body: "Write a systemd unit file for k0s, reload systemd and start the new service.",
      expect: ["k0s"],
      forbid: ["service"],
    },
    { label: "day 1: VMs joined as nodes", body: "Three virtual machines join as nodes of one multi-node cluster.", expect: ["node", "cluster"] },
    { label: "day 1: the title names a node in lowercase", title: "k0s: a local cluster with more than one node", expect: ["k0s", "cluster", "node"] },
    { label: "day 8: kubectl get deployments", body: "Run kubectl get deployments to see the nginx object we just made.", expect: ["deployment", "kubectl"] },
    {
      label: "day 8: a lowercase deployment in a lesson that declares kind: Deployment",
      kinds: ["Deployment"],
      body: "Scale the deployment up to three replicas.",
      expect: ["deployment", "horizontal-scaling"],
    },
    {
      label: "day 8: kind/name pairs and short names in kubectl",
      body: "Expose it with kubectl expose deployment/nginx, then look it up with kubectl get svc nginx.",
      expect: ["deployment", "service", "kubectl"],
    },
    {
      label: "day 8: a Service of type LoadBalancer",
      body: "Recreate the Service with LoadBalancer as its type; it stays pending until a provider supplies one.",
      expect: ["service", "loadbalancer-service"],
    },
    {
      label: "continuous deployment is not a Deployment",
      body: "Continuous deployment of the application runs from the CI pipeline.",
      expect: [],
      forbid: ["deployment"],
    },
    {
      label: "application deployment is not a Deployment",
      body: "Application deployment on bare virtual machines used to take hours.",
      expect: [],
      forbid: ["deployment"],
    },
    {
      label: "day 12: pods and services listed together",
      body: "Each init container waits until the pods and services it needs are reachable.",
      expect: ["init-container", "pod", "service"],
    },
    {
      label: "day 12: services of a lesson whose manifests declare Services",
      kinds: ["Service", "Service"],
      body: "The second file creates the two services that the init containers look up.",
      expect: ["service", "init-container"],
    },
    {
      label: "day 12: Secrets written as the kind",
      body: "Init containers may read Secrets that the app containers cannot.",
      expect: ["secret", "init-container"],
    },
    {
      label: "day 13: a Deployment or a Job",
      body: "Usually a workload resource such as a Deployment or a Job creates the Pod.",
      expect: ["pod", "workload-resource", "deployment", "job"],
    },
    {
      label: "day 13: volumes of a Pod",
      body: "The containers of a Pod share storage through volumes and a single IP address.",
      expect: ["container", "pod", "volume"],
    },
    {
      label: "day 13: static Pods and the control plane",
      body: "Everything is placed by the control plane, except static Pods.",
      expect: ["control-plane", "static-pod"],
    },
    {
      label: "day 13: plural kinds in a list",
      body: "Deployments, StatefulSets and DaemonSets handle replication and rollout for you.",
      expect: ["deployment", "statefulset", "daemonset", "horizontal-scaling", "rolling-update"],
    },
    {
      label: "day 30: PV and PVC as acronyms",
      body: "A PersistentVolume (PV) is claimed by a PersistentVolumeClaim (PVC) that a Pod mounts.",
      expect: ["persistentvolume", "persistentvolumeclaim", "pod"],
    },
    { label: "day 30: the minikube node", body: "ssh into the minikube node and make a data directory there.", expect: ["minikube", "node"] },
    {
      label: "day 38: a managed K8s service is not a Service",
      body: "On a managed K8s service, prefer a CRI-compatible runtime such as containerd.",
      expect: ["managed-kubernetes", "cri", "containerd"],
      forbid: ["service"],
    },
    {
      label: "day 38: kubelet, CRI and dockershim",
      body: "The kubelet reaches the container runtime through the CRI; Docker needs dockershim in between.",
      expect: ["kubelet", "container-runtime", "cri", "docker", "dockershim"],
    },
    {
      label: "day 42: a namespace created by Lens",
      body: "Lens puts its metrics stack into a new namespace named lens-metrics.",
      expect: ["lens", "namespace"],
    },
    {
      label: "day 42: clusters and kubeconfig files",
      body: "Every cluster you add to Lens needs its kubeconfig file.",
      expect: ["cluster", "lens", "kubeconfig"],
    },
    {
      label: "DNS server policy of a cloud provider",
      body: "The DNS server policy of the cloud provider forwards queries to on-premises resolvers.",
      expect: [],
      forbid: ["dns"],
    },
    { label: "Cloud DNS", body: "Cloud DNS hosts the public zone of the company.", expect: [], forbid: ["dns"] },
    { label: "CoreDNS and the cluster's DNS", body: "CoreDNS answers lookups for the cluster's DNS names.", expect: ["coredns", "dns"] },
    {
      label: "a Service found through cluster DNS",
      body: "A Pod finds a Service through cluster DNS at my-svc.my-namespace.svc.cluster.local.",
      expect: ["pod", "service", "dns"],
    },
    { label: "a bare DNS mention in a lesson about something else", body: "Point the DNS record of your domain at the new IP.", expect: [], forbid: ["dns"] },
    { label: "a Service of type NodePort", body: "Create a Service of type NodePort to reach the app from outside.", expect: ["service", "nodeport"] },
    { label: "an IAM role is not an RBAC Role", body: "The IAM role of the node group lets it pull from the registry.", expect: [], forbid: ["role"] },
    {
      label: "a Role and a RoleBinding",
      body: "A Role grants read access to Pods in one namespace, and a RoleBinding hands it to a user.",
      expect: ["role", "pod", "namespace", "rolebinding"],
    },
    { label: "'plays a key role'", body: "Etcd plays a key role in every cluster.", expect: ["etcd"], forbid: ["role"] },
    { label: "a cron job on the host is not a CronJob", body: "Backups run as a cron job on the host every night.", expect: [], forbid: ["cronjob"] },
    { label: "a CronJob creates Jobs", body: "A CronJob creates a Job on a schedule.", expect: ["cronjob", "job"] },
    { label: "a job in tech", body: "Finding a new job in tech is easier once you know containers.", expect: ["container"], forbid: ["job"] },
    { label: "keeping a password secret", body: "Keep the database password secret and never commit it.", expect: [], forbid: ["secret"] },
    { label: "a Secret mounted as a volume", body: "Mount the Secret as a volume in the Pod.", expect: ["secret", "volume", "pod"] },
    { label: "a GitHub secret", body: "Store the registry token as a GitHub secret for the pipeline.", expect: [], forbid: ["secret"] },
    {
      label: "Linux namespaces",
      body: "Linux namespaces and cgroups isolate the processes of a container.",
      expect: ["cgroups", "container"],
      forbid: ["namespace"],
    },
    { label: "the network namespace of a Pod", body: "Pods share the network namespace of their pause container.", expect: ["pod"], forbid: ["namespace"] },
    { label: "the kube-system namespace", body: "The kube-system namespace holds CoreDNS and kube-proxy.", expect: ["namespace", "coredns", "kube-proxy"] },
    { label: "sound volume", body: "Turn the volume down before the demo starts.", expect: [], forbid: ["volume"] },
    { label: "a volume of requests", body: "A high volume of requests hit the API server.", expect: ["kube-apiserver"], forbid: ["volume"] },
    { label: "Node.js is not a node", body: "The Node.js app listens on port 3000.", expect: [], forbid: ["node"] },
    { label: "human operators", body: "Human operators used to restart the database by hand.", expect: [], forbid: ["operator-pattern"] },
    { label: "a Kubernetes operator", body: "A Kubernetes operator encodes that knowledge in a controller.", expect: ["operator-pattern", "controller"] },
    {
      label: "taints and tolerations find both",
      body: "Taints and tolerations keep ordinary Pods off the control plane nodes.",
      expect: ["taint", "toleration", "pod", "control-plane"],
    },
    {
      label: "spaced plural kinds",
      body: "Stateful Sets give each replica a stable name; Daemon Sets run one Pod per node.",
      expect: ["statefulset", "daemonset", "pod", "node"],
    },
    { label: "a MongoDB cluster", body: "A MongoDB cluster copies data across three servers.", expect: [], forbid: ["cluster"] },
    { label: "a ReplicaSet keeps Pods running", body: "Each ReplicaSet keeps the desired number of Pods running.", expect: ["replicaset", "pod"] },
    { label: "a web service", body: "The web service answers on port 80 behind a reverse proxy.", expect: [], forbid: ["service"] },
    {
      label: "the kubelet's service file",
      body: "Restart the kubelet with systemctl once its service file changes.",
      expect: ["kubelet"],
      forbid: ["service"],
    },
    {
      label: "the kubelet's systemd service",
      body: "Check the kubelet service with journalctl when a node stays NotReady.",
      expect: ["kubelet", "node"],
      forbid: ["service"],
    },
    { label: "a Docker volume", body: "Data in a Docker volume survives the container.", expect: ["docker", "container"], forbid: ["volume"] },
    { label: "kubectl short names", body: "kubectl get rs,po shows the ReplicaSet and its Pods.", expect: ["replicaset", "pod", "kubectl"] },
    { label: "short names outside kubectl", body: "Copy the rs and po columns from the spreadsheet.", expect: [], forbid: ["replicaset", "pod"] },
    {
      label: "a release candidate is not a ReplicationController",
      body: "The rc.1 release candidate fixes the bug.",
      expect: [],
      forbid: ["replicationcontroller"],
    },
    { label: "ingress and egress traffic", body: "Ingress and egress traffic of the subnet goes through the firewall.", expect: [], forbid: ["ingress"] },
    { label: "an Ingress routes to Services", body: "An Ingress routes HTTP traffic to Services by host and path.", expect: ["ingress", "service"] },
    { label: "a title naming Services", title: "Services (part 1)", expect: ["service"] },
    { label: "a title naming Jobs", title: "Jobs", expect: ["job"] },
    { label: "a heading about application deployment", headings: ["Application Deployment with Helm"], expect: ["helm"], forbid: ["deployment"] },
    { label: "a label selecting Pods", body: "The label app=nginx selects the Pods behind the Service.", expect: ["label", "pod", "service"] },
    { label: "a shipping label", body: "Print a shipping label for the parcel.", expect: [], forbid: ["label"] },
    { label: "the scheduler places Pods", body: "The scheduler assigns each Pod to a node.", expect: ["kube-scheduler", "pod", "node"] },
    { label: "the Windows task scheduler", body: "The Windows task scheduler runs the backup script.", expect: [], forbid: ["kube-scheduler"] },
    {
      label: "a rollout checked with kubectl",
      body: "Watch the rollout with kubectl rollout status deployment/web.",
      expect: ["rolling-update", "kubectl", "deployment"],
    },
  ];

  for (const row of rows) {
    test(row.label, () => {
      const hits = detectConcepts(glossary, zones({ title: row.title ?? "", headings: row.headings ?? [], body: row.body ?? "", kinds: row.kinds ?? [] }));
      const found = hits.map((h) => h.slug);
      for (const slug of row.expect) assert.ok(found.includes(slug), `expected ${slug} in ${JSON.stringify(found)}`);
      for (const slug of row.forbid ?? []) assert.ok(!found.includes(slug), `${slug} must not be found in ${JSON.stringify(found)}`);
    });
  }

  test("has at least 40 labelled rows, each expecting or forbidding something", () => {
    assert.ok(rows.length >= 40, `${rows.length} rows`);
    for (const row of rows) assert.ok(row.expect.length + (row.forbid?.length ?? 0) > 0, row.label);
  });
});
