/**
 * Group commit for queue workers. Saves asked for while a transaction is in flight wait
 * and go together in the next one, so a busy worker commits once per group instead of
 * once per article (on PostgreSQL every statement is a round trip, and a commit a WAL
 * flush). An idle worker still saves at once: a group is only as big as the queue behind
 * it. Outcomes and errors stay per article: a group that fails is saved again one article
 * at a time, so one bad article fails its own job and no other.
 */
import type { SaveItem, SaveOutcome, Store } from "./types.js";

export interface SaveBatcherOptions {
  /** Articles per transaction at most. */
  maxBatch?: number;
  /** Transactions in flight at once from this batcher. */
  maxInFlight?: number;
}

interface Waiting {
  item: SaveItem;
  resolve: (outcome: SaveOutcome) => void;
  reject: (err: unknown) => void;
}

export class SaveBatcher {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly store: Pick<Store, "saveExtractions">,
    private readonly extractorVersion: string,
    options: SaveBatcherOptions = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 64);
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 1);
  }

  /** Save one article; resolves when the transaction holding it has committed. */
  save(item: SaveItem): Promise<SaveOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // Saves asked for in the same tick go together even when nothing is in flight.
      queueMicrotask(() => {
        this.scheduled = false;
        this.drain();
      });
    });
  }

  /** Articles waiting for a transaction (not counting those in flight). */
  get queued(): number {
    return this.waiting.length;
  }

  private drain(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.maxBatch);
      this.inFlight++;
      void this.commit(group).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  private async commit(group: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.store.saveExtractions(
        group.map((w) => w.item),
        this.extractorVersion,
      );
      for (const [i, w] of group.entries()) w.resolve(outcomes[i] as SaveOutcome);
      return;
    } catch (err) {
      if (group.length === 1) {
        group[0]?.reject(err);
        return;
      }
    }
    for (const w of group) {
      try {
        const [outcome] = await this.store.saveExtractions([w.item], this.extractorVersion);
        w.resolve(outcome as SaveOutcome);
      } catch (err) {
        w.reject(err);
      }
    }
  }
}
