/**
 * The heatmap picture of an attempt: its dates as a calendar grid in the style of
 * GitHub's contribution graph — weeks are columns, weekdays rows (Monday first,
 * ISO 8601) — with a legend. Each date's status comes from the streak's walk
 * (attemptDates.ts, named for drawing by attemptCalendar.ts); this writer only draws.
 *
 * Status is never told by colour alone: counted dates are filled (shaded by
 * minutes), dates below the minimum are hatched, missed dates crossed out, dates a
 * streak freeze covered carry a snowflake, today has a dashed outline, upcoming
 * dates are empty outlines. Every cell is a group
 * `<g data-date data-status>` with a `<title>` tooltip; the picture has an
 * accessible `<title>` and `<desc>` summing it up in words.
 */
import type { AttemptCalendar, AttemptDay, AttemptDayStatus } from "../progress/attemptCalendar.ts";
import { attemptDayStatuses } from "../progress/attemptCalendar.ts";
import { daysBetween } from "../progress/calendar.ts";
import { el, fragment, svg, type Markup } from "./svgMarkup.ts";
import { textWidth } from "./textWidth.ts";

/** What the heatmap shows: whose attempt, and the attempt itself. */
export interface HeatmapInput {
  handle: string;
  calendar: AttemptCalendar;
}

const CELL = 12;
const GAP = 3;
const STEP = CELL + GAP;
const LEFT = 34;
const TOP = 44;
const PAD = 10;
const FONT = "-apple-system,BlinkMacSystemFont,Segoe UI,Helvetica,Arial,DejaVu Sans,sans-serif";
const ID = "k8sd-heatmap";
const HATCH = `${ID}-hatch`;

/** Fill shades of counted dates, lightest first (GitHub's greens). */
const SHADES = ["#9be9a8", "#40c463", "#30a14e", "#216e39"] as const;
/** Minutes from which a counted date takes the next darker shade. */
const SHADE_FROM_MINUTES = [0, 15, 30, 60] as const;

const shadeOf = (minutes: number) => SHADES[SHADE_FROM_MINUTES.findLastIndex((m) => minutes >= m)] ?? SHADES[0];

/** How each status is drawn and told in words. Adding a status to attemptCalendar.ts makes this table incomplete until it says how. */
const STYLES: Record<
  AttemptDayStatus,
  { legend: string; words: (day: AttemptDay, min: number) => string; draw: (x: number, y: number, day: AttemptDay) => Markup }
> = {
  counted: {
    legend: "counted",
    words: () => "counted",
    draw: (x, y, day) => el("rect", { x, y, width: CELL, height: CELL, rx: 2, fill: shadeOf(day.minutes), stroke: "#1b1f2426", "stroke-width": 1 }),
  },
  belowMinimum: {
    legend: "below the minimum (hatched)",
    words: (_, min) => `below the ${min}-minute minimum, not counted`,
    draw: (x, y) =>
      el("rect", { x: x + 0.5, y: y + 0.5, width: CELL - 1, height: CELL - 1, rx: 2, fill: `url(#${HATCH})`, stroke: "#9a6700", "stroke-width": 1 }),
  },
  missed: {
    legend: "missed (crossed)",
    words: () => "missed: nothing logged",
    draw: (x, y) =>
      fragment(
        el("rect", { x: x + 0.5, y: y + 0.5, width: CELL - 1, height: CELL - 1, rx: 2, fill: "#ebedf0", stroke: "#cf222e", "stroke-width": 1 }),
        el("path", {
          d: `M${x + 3} ${y + 3}L${x + CELL - 3} ${y + CELL - 3}M${x + CELL - 3} ${y + 3}L${x + 3} ${y + CELL - 3}`,
          stroke: "#cf222e",
          "stroke-width": 1.5,
          "stroke-linecap": "round",
        }),
      ),
  },
  frozen: {
    legend: "frozen (snowflake)",
    words: () => "missed, covered by a streak freeze",
    draw: (x, y) =>
      fragment(
        el("rect", { x: x + 0.5, y: y + 0.5, width: CELL - 1, height: CELL - 1, rx: 2, fill: "#ddf4ff", stroke: "#0969da", "stroke-width": 1 }),
        el("path", {
          d: `M${x + CELL / 2} ${y + 2.5}V${y + CELL - 2.5}M${x + 2.5} ${y + CELL / 2}H${x + CELL - 2.5}M${x + 3.5} ${y + 3.5}L${x + CELL - 3.5} ${y + CELL - 3.5}M${x + CELL - 3.5} ${y + 3.5}L${x + 3.5} ${y + CELL - 3.5}`,
          stroke: "#0969da",
          "stroke-width": 1,
          "stroke-linecap": "round",
        }),
      ),
  },
  open: {
    legend: "today, still open (dashed)",
    words: () => "today, still open",
    draw: (x, y, day) =>
      fragment(
        el("rect", {
          x: x + 0.75,
          y: y + 0.75,
          width: CELL - 1.5,
          height: CELL - 1.5,
          rx: 2,
          fill: "#ffffff",
          stroke: "#0969da",
          "stroke-width": 1.5,
          "stroke-dasharray": "2 1.5",
        }),
        day.minutes > 0 && el("circle", { cx: x + CELL / 2, cy: y + CELL / 2, r: 2, fill: "#0969da" }),
      ),
  },
  upcoming: {
    legend: "upcoming (empty)",
    words: () => "upcoming",
    draw: (x, y) => el("rect", { x: x + 0.5, y: y + 0.5, width: CELL - 1, height: CELL - 1, rx: 2, fill: "none", stroke: "#d0d7de", "stroke-width": 1 }),
  },
};

const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** 0 for Monday … 6 for Sunday. */
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/** The words of one cell's tooltip, e.g. "Day 3 · Tue 2026-03-03 · 20 min · counted". */
export function cellTitle(day: AttemptDay, minMinutes: number): string {
  const minutes = day.status === "upcoming" ? "" : ` · ${day.minutes} min`;
  return `Day ${day.dayNumber} · ${WEEKDAY_NAMES[weekdayOf(day.date)]} ${day.date}${minutes} · ${STYLES[day.status].words(day, minMinutes)}`;
}

/** The accessible description: the attempt in words and how to read the picture. */
function description({ calendar: c }: HeatmapInput): string {
  const count = (s: AttemptDayStatus) => c.days.filter((d) => d.status === s).length;
  return (
    `Day ${c.currentDay} of ${c.goalDays} (${c.startDate} to ${c.endDate}); current streak ${c.currentStreak}, longest ${c.longestStreak}. ` +
    `${count("counted")} counted, ${count("belowMinimum")} below the ${c.minMinutesPerDay}-minute minimum, ${count("missed")} missed` +
    `${count("frozen") ? `, ${count("frozen")} covered by a streak freeze` : ""}. ` +
    "Weeks are columns and weekdays rows, Monday first. Counted days are filled, darker for more minutes (15, 30, 60); " +
    "days below the minimum are hatched, missed days crossed out, frozen days carry a snowflake, today has a dashed outline, upcoming days are empty outlines."
  );
}

/** The heatmap of an attempt as a standalone SVG document. */
export function heatmapSvg(input: HeatmapInput): string {
  const c = input.calendar;
  const first = c.days[0]?.date ?? c.startDate;
  const column = (date: string) => Math.floor((daysBetween(first, date) + weekdayOf(first)) / 7);
  const columns = column(c.days.at(-1)?.date ?? first) + 1;
  const gridWidth = LEFT + columns * STEP;

  const cells = c.days.map((day) => {
    const x = LEFT + column(day.date) * STEP;
    const y = TOP + weekdayOf(day.date) * STEP;
    return el(
      "g",
      { "data-date": day.date, "data-status": day.status, "data-minutes": day.minutes },
      el("title", {}, cellTitle(day, c.minMinutesPerDay)),
      STYLES[day.status].draw(x, y, day),
    );
  });

  // A month's name above the first column holding its first date in the attempt.
  const months: Markup[] = [];
  let lastMonth = "";
  for (const day of c.days) {
    const month = day.date.slice(0, 7);
    if (month === lastMonth) continue;
    lastMonth = month;
    months.push(el("text", { x: LEFT + column(day.date) * STEP, y: TOP - 6 }, MONTH_NAMES[Number(month.slice(5)) - 1]!));
  }
  const weekdays = [0, 2, 4].map((row) => el("text", { x: 0, y: TOP + row * STEP + CELL - 2 }, WEEKDAY_NAMES[row]!));

  // Legend: one sample per status, then the shades of counted days; items flow into lines.
  const legendItems: { width: number; draw: (x: number, y: number) => Markup }[] = attemptDayStatuses.map((status) => ({
    width: CELL + 4 + textWidth(STYLES[status].legend, 10) + 12,
    draw: (x, y) =>
      fragment(
        STYLES[status].draw(x, y, { date: c.startDate, dayNumber: 0, minutes: 0, status }),
        el("text", { x: x + CELL + 4, y: y + CELL - 2 }, STYLES[status].legend),
      ),
  }));
  legendItems.push({
    width: textWidth("fewer minutes", 10) + 4 + SHADES.length * STEP + textWidth("more", 10) + 4,
    draw: (x, y) => {
      const shadesX = x + textWidth("fewer minutes", 10) + 4;
      return fragment(
        el("text", { x, y: y + CELL - 2 }, "fewer minutes"),
        ...SHADES.map((fill, i) => el("rect", { x: shadesX + i * STEP, y, width: CELL, height: CELL, rx: 2, fill })),
        el("text", { x: shadesX + SHADES.length * STEP + 2, y: y + CELL - 2 }, "more"),
      );
    },
  });
  const caption = `@${input.handle} · ${c.hashtag} · day ${c.currentDay} of ${c.goalDays} · streak ${c.currentStreak} (longest ${c.longestStreak})`;
  const width = Math.ceil(Math.max(gridWidth, 360, textWidth(caption, 12)) + PAD);
  const legendTop = TOP + 7 * STEP + 10;
  const legend: Markup[] = [];
  let lx = 0;
  let ly = legendTop;
  for (const item of legendItems) {
    if (lx > 0 && lx + item.width > width - PAD) {
      lx = 0;
      ly += STEP + 4;
    }
    legend.push(item.draw(lx, ly));
    lx += item.width;
  }
  const height = ly + CELL + PAD;

  return svg({
    width: width + PAD,
    height,
    idPrefix: ID,
    title: `${c.hashtag} heatmap of @${input.handle}`,
    description: description(input),
    body: el(
      "g",
      { transform: `translate(${PAD} 0)`, "font-family": FONT, "font-size": 10, fill: "#57606a" },
      el(
        "defs",
        {},
        el(
          "pattern",
          { id: HATCH, width: 4, height: 4, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
          el("rect", { width: 4, height: 4, fill: "#fff8c5" }),
          el("path", { d: "M0 0V4", stroke: "#9a6700", "stroke-width": 1.5 }),
        ),
      ),
      el("text", { x: 0, y: 16, "font-size": 12, fill: "#24292f" }, caption),
      ...months,
      ...weekdays,
      el("g", { class: "cells" }, ...cells),
      el("g", { class: "legend" }, ...legend),
    ),
  });
}
