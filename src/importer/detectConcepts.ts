/**
 * PURE: finds the glossary's concepts in a lesson's text, weighted by where they occur.
 * Names and aliases match on word boundaries, case-insensitively, with plurals and with
 * flexible spacing of compound names (DaemonSet ~ "Daemon Sets" ~ "daemon-set"); the longest
 * match wins, so "init containers" never also counts "containers".
 *
 * A mention counts only in its Kubernetes sense. Many concept names are also everyday or
 * general-IT words (COMMON_WORDS: service, deployment, role, job, secret, operator, DNS, node,
 * namespace, volume, cluster, label, …); a mention of one is read in its context, in this order:
 *
 *   1. Another system's word (never counts): a qualifier right before it names something else —
 *      "systemd service", "application deployment", "Linux namespace", "Docker volume", "database
 *      cluster", "IAM role", "cloud DNS" — or it is part of a file or host name ("k0s.service",
 *      "Node.js"), or a phrase after it says so ("DNS server policy", "volume of traffic",
 *      "ingress and egress"). See NOT_KUBERNETES.
 *   2. The Kubernetes sense (counts), when any of these holds:
 *      a. kind spelling — written as Kubernetes writes the kind: capitalised inside a sentence
 *         ("a Service of type NodePort", "a Deployment or a Job"), or capitalised in a title or
 *         heading (which name their subject); an all-caps word (DNS) gives no such hint;
 *      b. kubectl or manifest — inside a kubectl command ("kubectl get deployments",
 *         "kubectl expose deployment/nginx"), after `kind:`, or as `deployment/nginx`,
 *         `deployment.apps`;
 *      c. a Kubernetes qualifier — Kubernetes, K8s, kube-system, cluster, headless, CoreDNS… right
 *         before it ("cluster DNS", "the kube-system namespace"), or object, resource, manifest,
 *         spec, controller, "of type", IP… right after it ("Service IP", "DNS for Services");
 *      d. listed with another concept in its Kubernetes sense ("pods and services").
 *   3. Otherwise the mention is plain. A LENIENT word (node, namespace, volume, cluster, label…
 *      — words a Kubernetes lesson rarely uses otherwise) counts; a STRICT word (service,
 *      deployment, role, job, secret, operator, DNS, load balancer…) counts only when the lesson
 *      names that concept in its Kubernetes sense elsewhere (a rule-2 mention, or a manifest
 *      declaring the kind): a lesson that shows `kind: Deployment` means the object when it says
 *      "the deployment", one about systemd units does not.
 *
 * Short names: lowercase kubectl short names (po, svc, rs, deploy, …) count only inside a kubectl
 * command or a kind/name pair ("svc/nginx"); acronyms count as the glossary writes them (PV, CRI).
 * Pairs: a name joining two concepts with "and" ("Taints and tolerations") also counts each part
 * that names another concept, so both Taint and Toleration are found.
 */
import type { Lesson } from "./lesson.ts";
import { compileTerms } from "./termScanner.ts";

/** What the matcher needs to know about a concept. */
export interface GlossaryEntry {
  slug: string;
  name: string;
  aliases: string[];
}

/** How a lesson mentions one concept. */
export interface ConceptHit {
  slug: string;
  mentions: number;
  weight: number;
  focus: boolean;
}

/** The texts of a lesson, by zone. */
export interface LessonZones {
  title: string;
  tldr: string;
  tasks: string[];
  headings: string[];
  body: string;
  /** Kubernetes kinds declared by the lesson's YAML snippets and attachments (one entry per declaration). */
  kinds: string[];
}

/** Weight of one mention per zone. */
export const ZONE_WEIGHTS = { title: 5, tldr: 3, tasks: 3, headings: 2, body: 1, kinds: 1 } as const;

/** Number of top-weighted concepts that count as a focus of the lesson besides title/TL;DR/tasks mentions. */
const TOP_FOCUS = 3;

/** How a mention reads in its context (see the header): counted, counted, or counted only if the lesson establishes the concept. */
export type Sense = "kubernetes" | "plain" | "ambiguous";

/** One mention of a concept in a text. */
export interface ConceptMatch {
  slug: string;
  index: number;
  text: string;
  /** "kubernetes": a Kubernetes term or a common word in its Kubernetes sense; "plain": a lenient common word without a hint; "ambiguous": a strict common word without a hint. */
  sense: Sense;
}

/** A compiled glossary: build once, match many lessons. */
export interface ConceptMatcher {
  /**
   * Every mention found in a text, earliest first, longest match first and non-overlapping (the parts
   * of a pair like "Taints and tolerations" follow their pair); mentions in another system's sense
   * and short names outside kubectl are left out. `heading`: the text is a title or heading.
   */
  find(text: string, options?: { heading?: boolean }): ConceptMatch[];
  /** The concept a Kubernetes `kind:` value stands for, if any. */
  kindToSlug(kind: string): string | undefined;
}

/**
 * Everyday or general-IT words that are also concept names (singular, lowercase, words spaced),
 * and how much context a mention without any hint needs: "strict" — the lesson must name the
 * concept in its Kubernetes sense elsewhere; "lenient" — it counts unless another system's word
 * qualifies it. A word not listed here is a Kubernetes term and always counts.
 */
export const COMMON_WORDS: Readonly<Record<string, "strict" | "lenient">> = {
  service: "strict",
  deployment: "strict",
  role: "strict",
  job: "strict",
  secret: "strict",
  operator: "strict",
  dns: "strict",
  "load balancer": "strict",
  "managed service": "strict",
  "managed cluster": "strict",
  "node port": "lenient",
  "cluster ip": "lenient",
  "cron job": "strict",
  immutability: "strict",
  evicted: "strict",
  "grace period": "strict",
  "bearer token": "lenient",
  "request flow": "strict",
  "scale out": "strict",
  "scaling out": "strict",
  "control loop": "strict",
  node: "lenient",
  namespace: "lenient",
  volume: "lenient",
  cluster: "lenient",
  label: "lenient",
  selector: "lenient",
  annotation: "lenient",
  scheduler: "lenient",
  controller: "lenient",
  ingress: "lenient",
  replica: "lenient",
  replication: "lenient",
  rollout: "lenient",
  manifest: "lenient",
  scheduling: "lenient",
  authentication: "lenient",
  authorization: "lenient",
  sidecar: "lenient",
  preemption: "lenient",
};

/**
 * Another system's sense of a common word: the word right before it (`before`, lowercase, possessive
 * dropped), or a phrase right after it (`after`), or right before it (`beforeText`).
 */
export const NOT_KUBERNETES: Readonly<Record<string, { before?: readonly string[]; after?: RegExp; beforeText?: RegExp }>> = {
  service: {
    before: [
      "systemd",
      "systemctl",
      "system",
      "unit",
      "linux",
      "windows",
      "web",
      "cloud",
      "managed",
      "aws",
      "azure",
      "gcp",
      "google",
      "database",
      "docker",
      "swarm",
      "customer",
      "email",
      "rest",
      "soap",
      "streaming",
      "messaging",
      "background",
      "os",
      "init",
      "saas",
      "paas",
      "iaas",
      "third-party",
      "dbus",
      "ssh",
      "ntp",
      "apache",
      "kubelet",
      "containerd",
      "dockerd",
      "etcd",
      "k0s",
      "k3s",
      "crio",
      "cri-o",
    ],
    after: /^\s+(?:unit|file|manager|provider)s?\b/i,
  },
  deployment: {
    before: [
      "application",
      "app",
      "software",
      "continuous",
      "production",
      "manual",
      "code",
      "model",
      "serverless",
      "blue-green",
      "canary",
      "helm",
      "ansible",
      "terraform",
      "cloud",
      "docker",
      "compose",
      "automated",
      "web",
    ],
    after: /^\s+(?:pipeline|tool)s?\b/i,
  },
  role: { before: ["iam", "aws", "azure", "gcp", "ansible", "job", "team", "key", "important", "crucial", "central", "major", "leading", "vital", "big"] },
  job: {
    before: [
      "jenkins",
      "ci",
      "ci/cd",
      "print",
      "full-time",
      "part-time",
      "dream",
      "gitlab",
      "github",
      "actions",
      "spark",
      "hadoop",
      "mapreduce",
      "etl",
      "good",
      "great",
    ],
  },
  "cron job": { before: ["host", "linux", "system", "server", "crontab"] },
  secret: {
    before: ["docker", "swarm", "vault", "github", "gitlab", "aws", "azure", "gcp", "trade", "top", "little", "open", "shared", "client", "best-kept"],
  },
  operator: {
    before: ["human", "system", "logical", "comparison", "bitwise", "ternary", "boolean", "telecom", "mobile", "network", "arithmetic", "spread", "machine"],
  },
  dns: {
    before: ["cloud", "google", "public", "cloudflare", "dynamic", "route53", "isp", "external", "corporate", "home", "azure", "aws"],
    after: /^\s+(?:server\s+polic|provider|registrar|hosting)/i,
  },
  "load balancer": { before: ["cloud", "aws", "azure", "gcp", "hardware", "external", "f5", "haproxy", "elastic", "application", "network", "classic"] },
  node: {
    before: ["tree", "graph", "dom", "xml", "json", "ast", "leaf", "parent", "child", "blockchain", "bitcoin", "npm", "html", "linked", "list"],
    after: /^\.?js\b/i,
  },
  namespace: {
    before: [
      "linux",
      "kernel",
      "network",
      "pid",
      "mount",
      "ipc",
      "uts",
      "user",
      "cgroup",
      "time",
      "xml",
      "c++",
      "c#",
      "php",
      "python",
      "java",
      "javascript",
      "typescript",
      ".net",
    ],
  },
  volume: {
    before: ["docker", "high", "large", "low", "sound", "audio", "huge", "trading", "traffic", "ebs", "lvm", "logical"],
    after: /^\s+(?:of|up|down|level|knob|button|control)\b/i,
  },
  cluster: {
    before: [
      "database",
      "db",
      "mysql",
      "postgres",
      "postgresql",
      "mongodb",
      "mongo",
      "redis",
      "kafka",
      "elasticsearch",
      "elastic",
      "cassandra",
      "rabbitmq",
      "hadoop",
      "spark",
      "ceph",
      "galera",
      "swarm",
      "consul",
      "nomad",
      "hpc",
      "zookeeper",
      "vault",
      "docker",
    ],
  },
  label: { before: ["white", "record", "price", "shipping", "axis", "button", "form", "html", "gmail", "private", "docker", "dockerfile"] },
  selector: { before: ["css", "jquery", "html", "xpath", "dom"] },
  annotation: { before: ["java", "python", "type", "typescript", "jpa", "spring", "kotlin"] },
  scheduler: { before: ["cron", "task", "windows", "os", "cpu", "process", "linux", "kernel", "airflow", "quartz", "i/o"] },
  controller: { before: ["game", "raid", "storage", "disk", "mvc", "rails", "spring", "rest", "usb", "domain", "sdn", "wireless", "memory", "xbox"] },
  ingress: { after: /^\s*(?:and|&|\/|or)\s*egress\b/i, beforeText: /egress\s*(?:and|&|\/|or)\s*$/i },
  replica: { before: ["database", "db", "mysql", "postgres", "postgresql", "mongodb", "redis", "kafka", "read"] },
  replication: { before: ["database", "db", "mysql", "postgres", "postgresql", "mongodb", "redis", "kafka", "master-slave", "geo", "data", "storage"] },
  manifest: { before: ["image", "docker", "oci", "android", "app", "package", "cargo", "web", "pwa", "chrome", "extension"] },
  authentication: { before: ["github", "gitlab", "oauth", "two-factor", "2fa", "web", "password", "biometric", "ssh"] },
  authorization: { before: ["github", "gitlab", "oauth", "web", "payment", "credit-card"] },
  rollout: { before: ["feature", "product", "vaccine", "staged", "phased"] },
};

/** Words right before a common word that give it its Kubernetes sense (besides any kube-* word). */
const KUBERNETES_BEFORE = new Set([
  "kubernetes",
  "k8s",
  "cluster",
  "in-cluster",
  "headless",
  "clusterip",
  "nodeport",
  "loadbalancer",
  "externalname",
  "coredns",
  "kube-dns",
  "kube-system",
  "kube-public",
  "kube-node-lease",
  "rbac",
  "namespaced",
  "cluster-wide",
  "pod",
  "kubectl",
]);

/** Words right after a common word that give it its Kubernetes sense. */
const KUBERNETES_AFTER =
  /^\s*(?:objects?|resources?|manifests?|specs?|yaml|definitions?|of\s+type|type|kind|controllers?|selectors?|api|ips?|cidr|for\s+(?:services|pods))\b/i;

/** Inside a kubectl command, up to four words after `kubectl` ("kubectl get rs,", "kubectl -n x get "). */
const KUBECTL_BEFORE = /\bkubectl\s+(?:[\w./=:-]+[\s,]+){0,4}$/i;
/** After `kind:` in a manifest. */
const KIND_BEFORE = /\bkind:\s*["']?$/i;
/** A kind/name pair or a kind with its API group: `deployment/nginx`, `deployment.apps`. */
const RESOURCE_AFTER = /^(?:\/[a-z0-9]|\.(?:apps|batch|extensions|networking|rbac|policy|autoscaling|storage|[a-z0-9-]+\.k8s\.io)\b)/i;
/** Nothing but list glue between two mentions: ", ", " and ", " or a ", " / ". */
const LIST_GLUE = /^\s*(?:,\s*(?:(?:and|or)\s+)?|\/\s*|&\s*|and\s+|or\s+|as\s+well\s+as\s+)(?:(?:a|an|the|some|all|its|their)\s+)?$/i;

/** Short names that are English words: like every lowercase short name, they count only in kubectl. */
const SHORT_NAME_WORDS = new Set(["deploy", "no", "ing", "ev", "ep", "cs"]);

/** The common-word entry a matched text stands for, by its singular, lowercase, single-spaced form. */
function commonWord(matched: string): string | undefined {
  const key = matched
    .toLowerCase()
    .replace(/'s?$/, "")
    .replace(/[\s_-]+/g, " ")
    .trim();
  return [key, key.replace(/es$/, ""), key.replace(/s$/, "")].find((k) => k in COMMON_WORDS);
}

/** The last word of a text, lowercase, without surrounding punctuation or a possessive. */
function lastWord(text: string): string {
  const word = text.trim().split(/\s+/).at(-1) ?? "";
  return word
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}.]+|[^\p{L}\p{N}+#]+$/gu, "")
    .replace(/'s?$/, "");
}

/** True when a word stands where a sentence, line or list item starts. */
function atSentenceStart(before: string): boolean {
  const lead = before.replace(/[\s"'“”‘’([{*_`>~#|•-]+$/u, "");
  return lead === "" || /[.!?:;]$/.test(lead);
}

interface Raw {
  slug: string;
  index: number;
  text: string;
  short: boolean;
}

/** Compiles a glossary into a matcher. */
export function compileGlossary(glossary: GlossaryEntry[]): ConceptMatcher {
  const insensitive: { term: string; slug: string }[] = [];
  const sensitive: { term: string; slug: string }[] = [];
  const short: { term: string; slug: string }[] = [];
  const byKind = new Map<string, string>();
  for (const entry of glossary) {
    const own = new Set([entry.name.trim(), entry.slug.replace(/-/g, " ")]);
    for (const term of [...own, ...entry.aliases]) {
      const t = term.trim();
      if (!t) continue;
      // kubectl short names — aliases like po, svc, rs, deploy: as written, and only inside kubectl (see find).
      const isShortName = !own.has(t) && ((t.length <= 3 && /^[a-z]+$/.test(t)) || SHORT_NAME_WORDS.has(t));
      if (isShortName) short.push({ term: t, slug: entry.slug });
      // Acronyms (PV, CRI, QoS) match as written or upper-cased.
      else if (t.length <= 3) sensitive.push({ term: t, slug: entry.slug }, { term: t.toUpperCase(), slug: entry.slug });
      else insensitive.push({ term: t, slug: entry.slug });
      const compact = t.replace(/[\s_-]/g, "").toLowerCase();
      if (!byKind.has(compact) && !isShortName) byKind.set(compact, entry.slug);
    }
  }
  // One term scanner per case mode (termScanner.ts), longest terms first; the matched text is mapped back to its
  // concept by a compact key (separators dropped), trying it without plural and possessive endings.
  const keyOf = (text: string, caseSensitive: boolean) => {
    const compact = text.replace(/[\s_-]/g, "");
    return caseSensitive ? compact : compact.toLowerCase();
  };
  const compile = (list: { term: string; slug: string }[], caseSensitive: boolean, isShort: boolean) => {
    if (list.length === 0) return null;
    const slugByKey = new Map<string, string>();
    for (const e of list) if (!slugByKey.has(keyOf(e.term, caseSensitive))) slugByKey.set(keyOf(e.term, caseSensitive), e.slug);
    const terms = [...new Set(list.map((e) => e.term))];
    const compactLength = new Map(terms.map((t) => [t, t.replace(/[\s_-]/g, "").length]));
    const sorted = terms.sort((a, b) => compactLength.get(b)! - compactLength.get(a)!);
    const scanner = compileTerms(sorted, caseSensitive);
    const slugOf = (matched: string) => {
      const key = keyOf(matched.replace(/'s?$/i, ""), caseSensitive);
      for (const candidate of [key, key.replace(/es$/i, ""), key.replace(/s$/i, "")]) {
        const slug = slugByKey.get(candidate);
        if (slug) return slug;
      }
      return undefined;
    };
    return { scanner, slugOf, isShort };
  };
  const compiled = [compile(insensitive, false, false), compile(sensitive, true, false), compile(short, true, true)].filter((c) => c !== null);

  /** Longest, earliest, non-overlapping raw matches of every term. */
  const rawMatches = (text: string): Raw[] => {
    const found: Raw[] = [];
    for (const { scanner, slugOf, isShort } of compiled) {
      for (const m of scanner.matchAll(text)) {
        const slug = slugOf(m.text);
        if (slug) found.push({ slug, index: m.index, text: m.text, short: isShort });
      }
    }
    found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
    const kept: Raw[] = [];
    let end = 0;
    for (const f of found) {
      if (f.index < end) continue;
      kept.push(f);
      end = f.index + f.text.length;
    }
    return kept;
  };

  return {
    find(text, options = {}) {
      const raw = rawMatches(text);
      const senses: (Sense | null)[] = raw.map((m, i) => {
        const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
        const lineEndAt = text.indexOf("\n", m.index);
        const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
        const end = m.index + m.text.length;
        const before = text.slice(lineStart, m.index);
        const after = text.slice(end, lineEnd);
        const previousEnd = i > 0 ? raw[i - 1]!.index + raw[i - 1]!.text.length : 0;
        const gapBefore = text.slice(Math.max(lineStart, previousEnd), m.index);
        const nextStart = i + 1 < raw.length ? raw[i + 1]!.index : text.length;
        const gapAfter = text.slice(end, Math.min(lineEnd, nextStart));
        const inKubectl = KUBECTL_BEFORE.test(before) || KIND_BEFORE.test(before) || RESOURCE_AFTER.test(after);
        if (m.short) return inKubectl ? "kubernetes" : null;
        const word = commonWord(m.text);
        if (!word) return "kubernetes";
        // 1. Another system's word, or part of a file or host name.
        const not = NOT_KUBERNETES[word];
        // The word before: in the gap, else the last word of a mention right before ("Docker volume", "the cluster's DNS").
        const adjacent = i > 0 && gapBefore.trim() === "" && previousEnd > lineStart;
        const previousWord = adjacent ? lastWord(raw[i - 1]!.text) : lastWord(gapBefore);
        if (/[./_@$\\]$/.test(before) || (/^[._][a-z0-9]/i.test(after) && !RESOURCE_AFTER.test(after))) return null;
        if (not && (not.before?.includes(previousWord) || not.after?.test(after) || not.beforeText?.test(before))) return null;
        // 2. The Kubernetes sense.
        const kindSpelling = /^\p{Lu}/u.test(m.text) && /\p{Ll}/u.test(m.text) && !/\s/.test(m.text) && (options.heading || !atSentenceStart(before));
        if (kindSpelling || inKubectl) return "kubernetes";
        if (KUBERNETES_BEFORE.has(previousWord) || KUBERNETES_AFTER.test(gapAfter)) return "kubernetes";
        // 3. Plain.
        return COMMON_WORDS[word] === "strict" ? "ambiguous" : "plain";
      });
      // 2d. Listed with another concept in its Kubernetes sense (both directions, so chains spread).
      const glued = (i: number, j: number) =>
        senses[j] === "kubernetes" && LIST_GLUE.test(text.slice(raw[Math.min(i, j)]!.index + raw[Math.min(i, j)]!.text.length, raw[Math.max(i, j)]!.index));
      for (let i = 1; i < raw.length; i++) if (senses[i] && senses[i] !== "kubernetes" && glued(i, i - 1)) senses[i] = "kubernetes";
      for (let i = raw.length - 2; i >= 0; i--) if (senses[i] && senses[i] !== "kubernetes" && glued(i, i + 1)) senses[i] = "kubernetes";

      const out: ConceptMatch[] = [];
      raw.forEach((m, i) => {
        const sense = senses[i];
        if (!sense) return;
        out.push({ slug: m.slug, index: m.index, text: m.text, sense });
        // Pairs: "Taints and tolerations" also names Toleration.
        const joint = /\s(?:and|&)\s/i.exec(m.text);
        if (!joint) return;
        const parts = [
          { text: m.text.slice(0, joint.index), at: 0 },
          { text: m.text.slice(joint.index + joint[0].length), at: joint.index + joint[0].length },
        ];
        for (const { text: partText, at } of parts) {
          for (const part of rawMatches(partText)) {
            if (part.slug !== m.slug && !part.short) out.push({ slug: part.slug, index: m.index + at + part.index, text: part.text, sense });
          }
        }
      });
      return out;
    },
    kindToSlug(kind) {
      return byKind.get(kind.replace(/[\s_-]/g, "").toLowerCase());
    },
  };
}

/** The zones of a parsed lesson, with its title from the challenge table. */
export function lessonZones(lesson: Lesson, title: string, kinds: string[] = []): LessonZones {
  return {
    title,
    tldr: lesson.tldr,
    tasks: lesson.tasks.map((t) => t.text),
    headings: lesson.sections.map((s) => s.heading),
    body: lesson.prose,
    kinds,
  };
}

/**
 * Counts and weighs the concepts of a lesson. A strict common word without a hint counts only when
 * the lesson names its concept in a Kubernetes sense elsewhere (header, rule 3). Focus: named in
 * the title, TL;DR or tasks, or among the three heaviest concepts mentioned more than once.
 * @example detectConcepts(compileGlossary([{ slug: "pod", name: "Pod", aliases: [] }]), { ...zones, title: "Pods" })
 */
export function detectConcepts(matcher: ConceptMatcher, zones: LessonZones): ConceptHit[] {
  const mentions: { slug: string; weight: number; prominent: boolean; sense: Sense }[] = [];
  const scan = (text: string, weight: number, prominent: boolean, heading = false) => {
    for (const m of matcher.find(text, { heading })) mentions.push({ slug: m.slug, weight, prominent, sense: m.sense });
  };
  scan(zones.title, ZONE_WEIGHTS.title, true, true);
  scan(zones.tldr, ZONE_WEIGHTS.tldr, true);
  for (const task of zones.tasks) scan(task, ZONE_WEIGHTS.tasks, true);
  for (const heading of zones.headings) scan(heading, ZONE_WEIGHTS.headings, false, true);
  scan(zones.body, ZONE_WEIGHTS.body, false);
  for (const kind of zones.kinds) {
    const slug = matcher.kindToSlug(kind);
    if (slug) mentions.push({ slug, weight: ZONE_WEIGHTS.kinds, prominent: false, sense: "kubernetes" });
  }
  const established = new Set(mentions.filter((m) => m.sense !== "ambiguous").map((m) => m.slug));

  const hits = new Map<string, ConceptHit & { prominent: boolean }>();
  for (const m of mentions) {
    if (m.sense === "ambiguous" && !established.has(m.slug)) continue;
    const hit = hits.get(m.slug) ?? { slug: m.slug, mentions: 0, weight: 0, focus: false, prominent: false };
    hit.mentions++;
    hit.weight += m.weight;
    hit.prominent ||= m.prominent;
    hits.set(m.slug, hit);
  }
  const ranked = [...hits.values()].sort((a, b) => b.weight - a.weight || a.slug.localeCompare(b.slug));
  const top = new Set(
    ranked
      .filter((h) => h.mentions > 1)
      .slice(0, TOP_FOCUS)
      .map((h) => h.slug),
  );
  return ranked.map(({ prominent, ...h }) => ({ ...h, focus: prominent || top.has(h.slug) }));
}
