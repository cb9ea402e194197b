/**
 * The extractor's version, stored with every extraction run. Bump it when a rule changes
 * what is extracted, so `reprocess` can tell old records from new ones.
 */
export const EXTRACTOR_VERSION = "0.1.2";
