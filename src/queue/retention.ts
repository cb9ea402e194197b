/**
 * Retained jobs keep no page bodies. An extract job carries its page (base64) from the
 * fetch worker to the extract worker; once the page is stored, or the job has failed for
 * good, the body is dropped from the job's data so that the completed and failed sets
 * (kept for a day and two weeks) hold ids and reasons, not megabytes of pages.
 */
import type { Job } from "bullmq";
import { NewsfiguresError } from "../errors.js";
import type { ExtractJob } from "./jobs.js";

export async function dropPageBody(job: Job): Promise<void> {
  const data = job.data as ExtractJob;
  if (!data.page || data.page.bodyBase64 === "") return;
  await job.updateData({ ...data, page: { ...data.page, bodyBase64: "" }, bodyDropped: true });
}

/** A failed extract job put back with `failed retry` no longer has its page: say what to do. */
export function assertPageKept(data: ExtractJob): void {
  if (data.bodyDropped)
    throw new NewsfiguresError(
      "NF_QUEUE_PAGE_DROPPED",
      `the page of ${data.ref.url} is no longer kept with this job; run the pipeline again (ingest) to fetch it anew`,
    );
}
