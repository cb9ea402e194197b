/**
 * `newsfigures schedule [--dir pipelines]`: one job scheduler per pipeline with a
 * `schedule`, created or updated; schedulers of pipelines removed (or unscheduled) are
 * deleted. A deploy-time command: run it once per deploy, not from every worker.
 */
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { withQueues } from "./queue-common.js";

export function registerSchedule(program: Command, ctx: CliContext): void {
  program
    .command("schedule")
    .description(
      "create, update and remove the job schedulers of the pipelines in a folder (needs REDIS_URL)",
    )
    .option("--dir <folder>", "folder of pipeline files", "pipelines")
    .action(async (opts: { dir: string }) => {
      const { loadPipelineDir } = await import("../../pipeline/load.js");
      const { repeatOf, syncSchedulers } = await import("../../queue/schedule.js");
      await withQueues(ctx, "schedule", async (queues) => {
        const pipelines = await loadPipelineDir(opts.dir);
        const r = await syncSchedulers(queues.discover, pipelines);
        for (const p of pipelines) {
          const s = p.spec.schedule;
          const how = s ? JSON.stringify(repeatOf(s)) : "no schedule";
          const what = r.upserted.includes(p.spec.name)
            ? "upserted"
            : r.unchanged.includes(p.spec.name)
              ? "unchanged"
              : "not scheduled";
          await ctx.stdout(`${p.spec.name.padEnd(28)} ${what.padEnd(14)} ${how}\n`);
        }
        for (const name of r.removed) await ctx.stdout(`${name.padEnd(28)} removed\n`);
      });
    });
}
