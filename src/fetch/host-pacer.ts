/**
 * Per-host pacing for one process: `await pacer.wait(url, delayMs)` returns when at least
 * `delayMs` has passed since the previous request to the same host was let through
 * (use max(configured delay, robots Crawl-delay)). Across workers, the queue's rate
 * limiter does this job; this is for the CLI and single-worker runs.
 */
export class HostPacer {
  private readonly next = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  async wait(url: string, delayMs: number): Promise<void> {
    const host = new URL(url).host;
    const t = this.now();
    const at = Math.max(t, this.next.get(host) ?? 0);
    this.next.set(host, at + Math.max(0, delayMs));
    if (at > t) await new Promise((r) => setTimeout(r, at - t));
  }
}
