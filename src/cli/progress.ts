/** A one-line progress bar for terminals (callers only create it when stdout is a TTY). */

/** Updates a bar in place; `done` ends the line. */
export interface ProgressBar {
  update(done: number, total: number): void;
  done(): void;
}

/** A bar like `[██████······] 12/66 lessons`. */
export function progressBar(out: NodeJS.WriteStream, unit: string, width = 30): ProgressBar {
  let drawn = false;
  return {
    update(done, total) {
      const filled = total ? Math.round((done / total) * width) : width;
      out.write(`\r[${"█".repeat(filled)}${"·".repeat(width - filled)}] ${done}/${total} ${unit}`);
      drawn = true;
    },
    done() {
      if (drawn) out.write("\n");
    },
  };
}
