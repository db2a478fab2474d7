// `tsx local/demo/print-stats.ts [--issues N --worklogs N --seed N --anchor ISO]`: generates the demo company
// and prints its figures and how long generation took.

import { parseDemoArgs } from './cli-args';
import { DEFAULT_DEMO_ANCHOR } from './company';
import { generateDemo } from './generate';
import { demoStats } from './stats';

try {
  const options = parseDemoArgs(process.argv.slice(2));
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const company = generateDemo({ ...options, anchor: options.anchor ?? DEFAULT_DEMO_ANCHOR });
  const ms = performance.now() - started;
  // CPU time says more than wall time on a busy machine (it includes the garbage collector's threads).
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(JSON.stringify({ meta: company.meta, generationMs: Math.round(ms), cpuMs: Math.round(cpuMs), heapGrowthMb: Math.round(heapMb), ...demoStats(company) }, null, 2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
