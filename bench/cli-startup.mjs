// (j) What one command costs before it does anything: CPU seconds (user + system) of a
// fresh `newsfigures` process, counted by the kernel for the child once it has exited
// (the cutime/cstime of /proc/self/stat), so Node's own start-up is included as a user
// pays it. Compared with `node -e 0` in the same run. Linux only. The kernel counts in
// clock ticks (10 ms), so medians move in steps of 0.01; the mean of the runs is printed too,
// finer than one tick.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, median, ROOT, runsArg } from "./lib.mjs";

if (!existsSync("/proc/self/stat")) {
  console.log("not run: this section reads /proc/self/stat (Linux)");
  process.exit(0);
}
const tick = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU seconds of the children this process has waited for so far. */
function childrenCpu() {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / tick;
}

function cpuOf(args) {
  const before = childrenCpu();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  if (child.status !== 0)
    throw new Error(`${args.join(" ")} exited ${child.status}: ${child.stderr.slice(0, 400)}`);
  return childrenCpu() - before;
}

const dir = mkdtempSync(join(tmpdir(), "nf-bench-cli-"));
const article = join(dir, "short.txt");
writeFileSync(
  article,
  "Quill Labs lifts outlook\nQuill Labs said third-quarter revenue rose 12% to $40.2 million, and it now expects 2026 sales of $160 million.\n",
);
const bin = join(ROOT, "bin", "newsfigures.js");
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const runs = runsArg(10);
const cases = [
  { label: "node -e 0 (Node alone)", args: ["-e", "0"] },
  { label: "newsfigures --version", args: [bin, "--version"], target: 0.15 },
  { label: "newsfigures --help", args: [bin, "--help"] },
  { label: "newsfigures extract SHORT.txt", args: [bin, "extract", article], target: 0.3 },
];
try {
  cpuOf(cases[1].args); // warm the file cache
  for (const c of cases) {
    const xs = Array.from({ length: runs }, () => cpuOf(c.args));
    const target = c.target === undefined ? "" : `   (target <= ${fmt(c.target, 2)})`;
    console.log(
      `${c.label.padEnd(32)} ${fmt(median(xs), 3)} CPU-s median of ${runs} (mean ${fmt(mean(xs), 3)}, min ${fmt(Math.min(...xs), 3)}, max ${fmt(Math.max(...xs), 3)})${target}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
