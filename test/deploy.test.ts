import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { repoRoot } from "./support/databases.ts";
import { startTestApp, type TestApp } from "./support/testApp.ts";

type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; [k: string]: any };

const deployDir = join(repoRoot, "deploy");
const files = readdirSync(deployDir).filter((f) => f.endsWith(".yaml"));
const manifests: { file: string; doc: Manifest }[] = files.flatMap((file) =>
  parseAllDocuments(readFileSync(join(deployDir, file), "utf8")).map((d) => {
    assert.equal(d.errors.length, 0, `${file}: ${d.errors.map((e) => e.message).join("; ")}`);
    return { file, doc: d.toJS() as Manifest };
  }),
);
const one = (kind: string) => {
  const found = manifests.filter((m) => m.doc.kind === kind);
  assert.equal(found.length, 1, `exactly one ${kind}`);
  return found[0]!.doc;
};

describe("the Kubernetes manifests in deploy/", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ label: "deploy" });
  });
  after(() => t.close());

  it("parse as YAML and each names its apiVersion, kind and metadata.name", () => {
    assert.ok(manifests.length >= 8);
    for (const { file, doc } of manifests) {
      assert.ok(doc.apiVersion && doc.kind, `${file} lacks apiVersion/kind`);
      if (doc.kind !== "Kustomization") assert.ok(doc.metadata?.name, `${file} lacks metadata.name`);
    }
  });

  it("are all listed in kustomization.yaml", () => {
    const k = one("Kustomization");
    const listed = new Set<string>(k.resources);
    for (const f of files.filter((f) => f !== "kustomization.yaml")) assert.ok(listed.has(f), `${f} not in kustomization`);
    for (const f of listed) assert.ok(files.includes(f), `kustomization lists missing ${f}`);
  });

  it("have a Deployment whose probes point at endpoints the app really serves", async () => {
    const d = one("Deployment");
    const container = d.spec.template.spec.containers[0];
    const probes = ["readinessProbe", "livenessProbe", "startupProbe"].map((p) => container[p]).filter(Boolean);
    assert.ok(container.readinessProbe && container.livenessProbe, "readiness and liveness probes");
    assert.equal(container.readinessProbe.httpGet.path, "/readyz");
    for (const probe of probes) {
      const port = probe.httpGet.port;
      assert.ok(
        container.ports.some((p: any) => p.name === port || p.containerPort === port),
        `probe port ${port} is a container port`,
      );
      const res = await t.request.get(probe.httpGet.path);
      assert.equal(res.status, 200, `${probe.httpGet.path} answers 200`);
    }
    assert.ok(container.resources.requests.cpu && container.resources.limits.memory, "resource requests and limits");
    assert.ok(d.spec.template.spec.securityContext.runAsNonRoot);
  });

  it("ask Prometheus to scrape the metrics the app serves, on its container port", async () => {
    const d = one("Deployment");
    const annotations = d.spec.template.metadata.annotations ?? {};
    assert.equal(annotations["prometheus.io/scrape"], "true");
    const ports = d.spec.template.spec.containers[0].ports.map((p: any) => String(p.containerPort));
    assert.ok(ports.includes(annotations["prometheus.io/port"]), `prometheus.io/port ${annotations["prometheus.io/port"]} is a container port`);
    const res = await t.request.get(annotations["prometheus.io/path"]).expect(200);
    assert.match(res.text, /^# HELP http_requests_total /m);
    assert.notEqual(one("ConfigMap").data.METRICS, "false");
  });

  it("listen where the ConfigMap says, behind a Service that targets the same port", () => {
    const cm = one("ConfigMap");
    const d = one("Deployment");
    const svc = one("Service");
    const port = d.spec.template.spec.containers[0].ports[0];
    assert.equal(Number(cm.data.PORT), port.containerPort);
    assert.equal(cm.data.HOST, "0.0.0.0");
    assert.equal(svc.spec.ports[0].targetPort, port.name);
    for (const [k, v] of Object.entries(svc.spec.selector)) assert.equal(d.spec.template.metadata.labels[k], v);
  });

  it("take DATABASE_URL from a Secret and scale the Deployment with an HPA", () => {
    const secret = one("Secret");
    assert.ok(secret.stringData.DATABASE_URL.startsWith("postgresql://"));
    const d = one("Deployment");
    const refs = d.spec.template.spec.containers[0].envFrom.map((e: any) => e.secretRef?.name).filter(Boolean);
    assert.deepEqual(refs, [secret.metadata.name]);
    const hpa = one("HorizontalPodAutoscaler");
    assert.equal(hpa.spec.scaleTargetRef.name, d.metadata.name);
    assert.ok(hpa.spec.minReplicas >= 2);
  });

  it("run migrations and the import in a Job, with a termination grace longer than the app's drain timeout", () => {
    const job = one("Job");
    const cmd = job.spec.template.spec.containers[0].command.join(" ");
    assert.match(cmd, /k8s-days\.mjs seed/);
    assert.match(cmd, /k8s-days\.mjs import /);
    const cm = one("ConfigMap");
    const d = one("Deployment");
    assert.ok(d.spec.template.spec.terminationGracePeriodSeconds * 1000 > Number(cm.data.SHUTDOWN_GRACE_MS ?? 5000) + Number(cm.data.SHUTDOWN_TIMEOUT_MS));
  });
});

describe("the Dockerfile", () => {
  const text = readFileSync(join(repoRoot, "Dockerfile"), "utf8");
  it("is multi-stage, installs production dependencies only and runs as a non-root user", () => {
    assert.ok((text.match(/^FROM /gm) ?? []).length >= 2);
    assert.match(text, /npm ci --omit=dev/);
    assert.match(text, /^USER node$/m);
  });
});
