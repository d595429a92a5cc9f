import { performance } from 'node:perf_hooks';

/** Runs `fn` `runs` times after `warmup` unmeasured runs; answers the median and p95 in ms. */
export async function timeRuns(runs: number, fn: (i: number) => Promise<unknown>, warmup = Math.min(20, runs)) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
