import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { lessonZones } from "../../src/importer/detectConcepts.ts";
import { readRepository } from "../../src/importer/readRepository.ts";
import { defaultSeedsDir, readSeeds } from "../../src/importer/seeds.ts";
import { compileTerms, termWords, type TermMatch } from "../../src/importer/termScanner.ts";
import { fixturesDir } from "../support/databases.ts";

/**
 * The oracle: the alternation regex the concept matcher used before the scanner (one per case
 * mode, terms in priority order). The scanner must find exactly what it finds.
 */
function regexOf(terms: readonly string[], caseSensitive: boolean): RegExp {
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const pattern = (term: string) => {
    const parts = termWords(term).map(literal);
    const last = parts.pop() ?? "";
    const plural = /[^s]$/i.test(last) ? "(?:e?s)?" : "(?:es)?";
    return `${[...parts, last].join("[\\s-]?") + (/[A-Za-z]$/.test(last) ? plural : "")}(?:'s?)?`;
  };
  return new RegExp(`(?<![A-Za-z0-9\u00C0-\u024F])(?:${terms.map(pattern).join("|")})(?![A-Za-z0-9\u00C0-\u024F])`, caseSensitive ? "g" : "gi");
}

/** Texts where the scanner and the oracle disagree (at most `limit`), with both answers. */
function disagreements(terms: readonly string[], texts: Iterable<string>, limit = 10) {
  const out: { text: string; caseSensitive: boolean; regex: TermMatch[]; scanner: TermMatch[] }[] = [];
  for (const caseSensitive of [false, true]) {
    const regex = regexOf(terms, caseSensitive);
    const scanner = compileTerms(terms, caseSensitive);
    for (const text of texts) {
      const expected = [...text.matchAll(regex)].map((m) => ({ index: m.index, text: m[0] }));
      const found = scanner.matchAll(text);
      if (JSON.stringify(found) !== JSON.stringify(expected)) out.push({ text, caseSensitive, regex: expected, scanner: found });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** Every UTF-16 code unit, as a one-unit string. */
function* everyUnit(): Generator<string> {
  for (let code = 0; code <= 0xffff; code++) yield String.fromCharCode(code);
}

describe("the term scanner finds exactly what the alternation regex finds", () => {
  test("on examples of separators, plurals, possessives, priorities and boundaries", () => {
    const terms = [
      "Init container",
      "Persistent Volume Claim",
      "PersistentVolume",
      "container",
      "Ingress",
      "kube-apiserver",
      "PV",
      "Container Runtime Interface (CRI)",
      "k8s",
    ];
    const texts = [
      "init containers, init-container, initContainers, Init  container",
      "a PersistentVolumeClaim and persistent-volume-claims; persistent volumes'",
      "ingresses Ingress's INGRESS ingressive",
      "containers' containerd container's containeres",
      "kube-apiserver kube apiserver kubeapiserver kube--apiserver",
      "PVs pvs PV's PVes xPV PV1",
      "the Container Runtime Interface (CRI) and the container runtime interface (cri)x",
      "k8s K8S k8ss k8s's",
      "",
    ];
    assert.deepEqual(disagreements(terms, texts), []);
  });

  test("compares every UTF-16 unit with ASCII letters and digits as the regex does (case folding)", () => {
    const terms = [..."abcdefghijklmnopqrstuvwxyz0123456789"];
    assert.deepEqual(disagreements(terms, everyUnit()), []);
  });

  test("compares every UTF-16 unit with non-ASCII letters as the regex does", () => {
    const terms = ["é", "ß", "ſ", "\u212A", "ı", "İ", "µ", "ǅ", "ÿ", "Σ"];
    assert.deepEqual(disagreements(terms, everyUnit()), []);
  });

  test("treats every UTF-16 unit before and after a term, and between its words, as the regex does", () => {
    const terms = ["node port", "node", "es"];
    const units = [...everyUnit()];
    assert.deepEqual(
      disagreements(
        terms,
        units.map((u) => `${u}node`),
      ),
      [],
    );
    assert.deepEqual(
      disagreements(
        terms,
        units.map((u) => `nodes${u}`),
      ),
      [],
    );
    assert.deepEqual(
      disagreements(
        terms,
        units.map((u) => `node${u}port's`),
      ),
      [],
    );
  });

  test("handles a term without words (only separators) like the regex: empty matches", () => {
    assert.deepEqual(disagreements(["-", "pod"], ["a pod", "pod's", "", "x'y"]), []);
  });

  describe("on the seeds' glossary and the fixture lessons", () => {
    let terms: string[];
    let texts: string[];
    before(async () => {
      const seeds = await readSeeds(defaultSeedsDir);
      const all = seeds.concepts.flatMap((c) => [c.name, c.slug.replace(/-/g, " "), ...c.aliases]).map((t) => t.trim());
      terms = [...new Set(all)].sort((a, b) => b.replace(/[\s_-]/g, "").length - a.replace(/[\s_-]/g, "").length);
      const content = await readRepository(fixturesDir(), { maxFileBytes: 10_000_000 });
      texts = content.lessons.flatMap((l) => {
        const z = lessonZones(l, l.heading);
        return [z.title, z.tldr, ...z.tasks, ...z.headings, z.body, l.body];
      });
      texts.push(...seeds.days.flatMap((d) => [d.title, d.summary]));
    });

    test("every zone of every lesson, every seeded day", () => {
      assert.ok(texts.length > 100, `${texts.length} texts`);
      assert.deepEqual(disagreements(terms, texts), []);
    });
  });
});
