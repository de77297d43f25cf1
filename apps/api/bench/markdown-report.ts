// The Markdown report of a `pnpm bench` run: every figure the run printed, in the order it
// printed them, under a header that says on what machine and how busy it was, so a committed
// report can be compared with a later run (docs/benchmarks/).
import { cpus, loadavg, totalmem } from "node:os";

export interface BenchRecorder {
  readonly line: (label: string, value: string) => void;
  readonly markdown: (title: string) => string;
}

const cell = (text: string) => text.replaceAll("|", "\\|");

export function benchRecorder(print: (label: string, value: string) => void): BenchRecorder {
  const loadBefore = loadavg()[0]!;
  const startedAt = new Date();
  const figures: [string, string][] = [];
  return {
    line(label, value) {
      figures.push([label, value]);
      print(label, value);
    },
    markdown(title) {
      const cpu = cpus();
      return [
        `# ${title}`,
        "",
        `Run on ${startedAt.toISOString()} with Node.js ${process.version} on ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"},`,
        `${(totalmem() / 2 ** 30).toFixed(0)} GiB of memory; one-minute load average ${loadBefore.toFixed(2)} before the run and ${loadavg()[0]!.toFixed(2)} after it.`,
        "Every ratio compares figures taken in this same run (see docs/performance.md for what each measures).",
        "",
        "| Measure | Result |",
        "|---|---|",
        ...figures.map(([label, value]) => `| ${cell(label)} | ${cell(value)} |`),
        "",
      ].join("\n");
    },
  };
}
