/** What the server's routes are given: the store, and the queues when REDIS_URL is set. */
import type { QueueStatus } from "../cli/commands/status.js";
import type { Logger } from "../log.js";
import type { RecordStore } from "../store/types.js";

export interface ServeDeps {
  store: RecordStore;
  /** Present when REDIS_URL is set: the queues' counts and recent failures. */
  queueStatus?: () => Promise<QueueStatus>;
  logger?: Logger;
}
