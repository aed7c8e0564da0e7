/** Headings nested and text flattened on the mdast tree: what a line-by-line regex got wrong. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { demoteHeadings, oneLine } from "../../src/modules/content/reshapeMarkdown.ts";

describe("demoteHeadings", () => {
  const cases: [string, string, number, string][] = [
    ["ATX headings go `by` levels deeper", "# Pods\n\ntext\n\n## Why", 2, "### Pods\n\ntext\n\n#### Why"],
    ["never deeper than level 6", "#### Four\n\n###### Six", 3, "###### Four\n\n###### Six"],
    [
      "a `#` line in a fenced code block is code, not a heading",
      "# Run\n\n```sh\n# a comment\nkubectl get pods\n```",
      1,
      "## Run\n\n```sh\n# a comment\nkubectl get pods\n```",
    ],
    ["a `~~~` fence inside a ``` fence does not end it", "````md\n~~~\n# still code\n````\n\n# After", 1, "````md\n~~~\n# still code\n````\n\n## After"],
    ["setext headings become ATX headings", "Title\n=====\n\nSub\n---", 1, "## Title\n\n### Sub"],
    ["closing hashes are dropped", "## Setup ##", 1, "### Setup"],
    ["up to three spaces of indent still make a heading (the indent is kept)", "   # Indented", 1, "   ## Indented"],
    ["a heading in a blockquote is nested too", "> # Quoted\n> text", 1, "> ## Quoted\n> text"],
    ["a hashtag is not a heading", "#66DaysOfK8s day 1", 1, "#66DaysOfK8s day 1"],
    ["an HTML block is left alone", "<details>\n# not markdown here\n</details>", 1, "<details>\n# not markdown here\n</details>"],
    ["an empty heading keeps its level", "#\n\ntext", 1, "##\n\ntext"],
    ["inline markup in a heading is kept byte for byte", "# Use `kubectl` *now*", 1, "## Use `kubectl` *now*"],
  ];
  for (const [name, input, by, expected] of cases) {
    it(name, () => assert.equal(demoteHeadings(input, by), expected));
  }
});

describe("oneLine", () => {
  it("turns each line break and the white space around it into one space, and trims", () => {
    assert.equal(oneLine("  A Pod is\n   the smallest\n\nunit  "), "A Pod is the smallest unit");
  });
  it("keeps spaces inside a line (code spans)", () => {
    assert.equal(oneLine("run `a  b`\nthen"), "run `a  b` then");
  });
});
