/**
 * A progress bar on stderr, drawn only when stderr is a terminal (never in pipes, logs or
 * CI), at most ten times a second so it never costs throughput.
 */
export interface Progress {
  tick(n?: number): void;
  setTotal(total: number): void;
  done(): void;
}

export function createProgress(
  label: string,
  total = 0,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY) return { tick() {}, setTotal() {}, done() {} };
  let count = 0;
  let last = 0;
  const started = Date.now();
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    const width = 24;
    const frac = total > 0 ? Math.min(1, count / total) : 0;
    const bar = total > 0 ? `[${"#".repeat(Math.round(frac * width)).padEnd(width, ".")}] ` : "";
    const rate = count / Math.max(0.001, (now - started) / 1000);
    const of = total > 0 ? `/${total}` : "";
    stream.write(`\r${label} ${bar}${count}${of} (${rate.toFixed(0)}/s)\x1b[K`);
  };
  return {
    tick(n = 1) {
      count += n;
      draw();
    },
    setTotal(t) {
      total = t;
    },
    done() {
      draw(true);
      stream.write("\n");
    },
  };
}
