/**
 * A shields-style badge ("#66DaysOfK8s | day 14 · streak 14") for a README: flat
 * style, 20px high, Verdana 11px. Text is measured with the fixed width table
 * (textWidth.ts) and each text carries `textLength`, so it fits its box in any
 * font a viewer substitutes.
 */
import { el, svg } from "./svgMarkup.ts";
import { textWidth } from "./textWidth.ts";

/** What a badge says. */
export interface BadgeInput {
  handle: string;
  /** Left part, e.g. #66DaysOfK8s. */
  hashtag: string;
  currentDay: number;
  goalDays: number;
  currentStreak: number;
  longestStreak: number;
  status: "ON_TRACK" | "BROKEN" | "COMPLETED";
}

const HEIGHT = 20;
const PADDING = 6;
const FONT = "Verdana,Geneva,DejaVu Sans,sans-serif";
const ID = "k8sd-badge";

/** Message colours: blue when completed, green while a streak runs, yellow before the first counted day of a run, red when broken. */
function colourOf(b: BadgeInput): string {
  if (b.status === "COMPLETED") return "#007ec6";
  if (b.status === "BROKEN") return "#e05d44";
  return b.currentStreak > 0 ? "#3fa40f" : "#b08800";
}

const STATUS_WORDS: Record<BadgeInput["status"], string> = { ON_TRACK: "on track", BROKEN: "broken (a day was missed)", COMPLETED: "completed" };

/** The badge's message, e.g. "day 14 · streak 14". */
export const badgeMessage = (b: BadgeInput) => `day ${b.currentDay} · streak ${b.currentStreak}`;

/** The badge as a standalone SVG document. */
export function badgeSvg(b: BadgeInput): string {
  const label = b.hashtag;
  const message = badgeMessage(b);
  const labelText = textWidth(label);
  const messageText = textWidth(message);
  const labelWidth = Math.ceil(labelText + 2 * PADDING);
  const messageWidth = Math.ceil(messageText + 2 * PADDING);
  const width = labelWidth + messageWidth;
  const part = (x: number, boxWidth: number, textLength: number, value: string, cls: string) =>
    el(
      "g",
      { class: cls },
      el(
        "text",
        { x: x + boxWidth / 2, y: 15, fill: "#010101", "fill-opacity": 0.3, textLength, lengthAdjust: "spacingAndGlyphs", "aria-hidden": "true" },
        value,
      ),
      el("text", { x: x + boxWidth / 2, y: 14, fill: "#ffffff", textLength, lengthAdjust: "spacingAndGlyphs" }, value),
    );
  return svg({
    width,
    height: HEIGHT,
    idPrefix: ID,
    title: `${label}: ${message}`,
    description: `@${b.handle} is on day ${b.currentDay} of ${b.goalDays} of ${label}; current streak ${b.currentStreak} days, longest ${b.longestStreak}; ${STATUS_WORDS[b.status]}.`,
    body: el(
      "g",
      {},
      el(
        "defs",
        {},
        el(
          "linearGradient",
          { id: `${ID}-shine`, x2: 0, y2: "100%" },
          el("stop", { offset: 0, "stop-color": "#bbbbbb", "stop-opacity": 0.1 }),
          el("stop", { offset: 1, "stop-opacity": 0.1 }),
        ),
        el("clipPath", { id: `${ID}-round` }, el("rect", { width, height: HEIGHT, rx: 3, fill: "#ffffff" })),
      ),
      el(
        "g",
        { "clip-path": `url(#${ID}-round)` },
        el("rect", { width: labelWidth, height: HEIGHT, fill: "#555555" }),
        el("rect", { x: labelWidth, width: messageWidth, height: HEIGHT, fill: colourOf(b) }),
        el("rect", { width, height: HEIGHT, fill: `url(#${ID}-shine)` }),
      ),
      el(
        "g",
        { "font-family": FONT, "font-size": 11, "text-anchor": "middle" },
        part(0, labelWidth, labelText, label, "label"),
        part(labelWidth, messageWidth, messageText, message, "message"),
      ),
    ),
  });
}
