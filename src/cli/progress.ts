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

/** A line like `Downloading https://…: 3.4 MB of 12.0 MB`, redrawn at most every 100 ms. */
export function downloadLine(out: NodeJS.WriteStream, label: string): { update(received: number, total: number | null): void; done(): void } {
  const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
  let last = 0;
  let drawn = false;
  return {
    update(received, total) {
      const now = Date.now();
      if (now - last < 100 && received !== total) return;
      last = now;
      out.write(`\r\x1b[2KDownloading ${label}: ${mb(received)}${total ? ` of ${mb(total)}` : ""}`);
      drawn = true;
    },
    done() {
      if (drawn) out.write("\n");
    },
  };
}
