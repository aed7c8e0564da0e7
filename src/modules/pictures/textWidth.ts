/**
 * Text widths without a font engine: the advance width of each character at 11px in
 * Verdana / DejaVu Sans (the badge font stack; both have near-identical metrics), measured
 * once in Chromium (canvas measureText) and written down here, so a badge is sized on the
 * server, the same on every machine. Characters outside the table count as the widest (11px),
 * so text never overflows its box; it may only get a little more room.
 */

/** Advance widths at 11px of the printable ASCII characters, from " " (32) to "~" (126). */
const ASCII_WIDTHS_11PX = [
  3.5, 4.41, 5.06, 9.22, 7, 10.45, 8.58, 3.02, 4.29, 4.29, 5.5, 9.22, 3.5, 3.97, 3.5, 3.71, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 3.71, 3.71, 9.22, 9.22, 9.22, 5.84,
  11, 7.52, 7.55, 7.68, 8.47, 6.95, 6.33, 8.52, 8.27, 3.24, 3.24, 7.21, 6.13, 9.49, 8.23, 8.66, 6.63, 8.66, 7.64, 6.98, 6.72, 8.05, 7.52, 10.88, 7.54, 6.72,
  7.54, 4.29, 3.71, 4.29, 9.22, 5.5, 5.5, 6.74, 6.98, 6.05, 6.98, 6.77, 3.87, 6.98, 6.97, 3.06, 3.06, 6.37, 3.06, 10.72, 6.97, 6.73, 6.98, 6.98, 4.52, 5.73,
  4.31, 6.97, 6.51, 9, 6.51, 6.51, 5.77, 7, 3.71, 7, 9.22,
];

/** Widths of the few other characters we write ourselves. */
const OTHER_WIDTHS_11PX: Record<string, number> = { "·": 3.5, "…": 11, "×": 9.22 };

/** The widest character of the table: what an unknown character is counted as. */
const WIDEST_11PX = 11;

/**
 * Width in pixels of `text` set in the badge font at `fontSize` px (widths scale linearly).
 * @example textWidth("day 14") // 37.73 (at 11px)
 */
export function textWidth(text: string, fontSize = 11): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += (code >= 32 && code < 127 ? ASCII_WIDTHS_11PX[code - 32] : OTHER_WIDTHS_11PX[ch]) ?? WIDEST_11PX;
  }
  return Math.round(width * (fontSize / 11) * 100) / 100;
}
