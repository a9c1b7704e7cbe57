/** A progress bar on stderr, drawn only when stderr is a terminal (never into logs or pipes). */
export interface ProgressBar {
  tick(label?: string): void;
  done(): void;
}

/**
 * @param total - how many steps the job has
 * @param stream - where to draw (stderr by default)
 * @returns the bar; a no-op when the stream is not a TTY
 */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY || total <= 0) return { tick() {}, done() {} };
  let count = 0;
  const width = 30;
  const draw = (label: string) => {
    const filled = Math.round((count / total) * width);
    const text = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${count}/${total} ${label}`;
    stream.write(`\r${text.slice(0, (stream.columns ?? 80) - 1).padEnd((stream.columns ?? 80) - 1)}`);
  };
  draw("");
  return {
    tick(label = "") {
      count = Math.min(total, count + 1);
      draw(label);
    },
    done() {
      stream.write("\n");
    },
  };
}
