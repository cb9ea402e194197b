/** The queues by name, in pipeline order; its own file so the CLI can list them without loading the queue. */
export const QUEUE_NAMES = ["discover", "fetch", "extract"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];
