/**
 * Advance schedule generation throughput: `advancePeriods` over many random contracts, one core.
 * Run: npx tsx bench/schedule-generation.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { AdvanceFrequency } from '../src/domain/advance-frequency.js';
import { seededRandom } from '../src/app/demo/random.js';
import { advancePeriods } from '../src/domain/advance-schedule.js';
import { addDays, addMonths, fromDayNumber, dayNumber, type CalendarDate } from '../src/domain/calendar-date.js';

type Contract = { anchor: CalendarDate; frequency: AdvanceFrequency; until: CalendarDate; contractEnd: CalendarDate | null };

const CONTRACTS = 200_000;
const SEED = 0x5eed_2024;
const TARGET_PERIODS_PER_SECOND = 1_000_000;

/** Mostly monthly, like a real supplier's book; ~36 months of horizon each. */
function randomContracts(count: number, seed: number): Contract[] {
  const random = seededRandom(seed).next;
  const first = dayNumber(2015, 1, 1);
  const span = dayNumber(2030, 12, 31) - first;
  const contracts: Contract[] = [];
  for (let i = 0; i < count; i++) {
    const anchor = fromDayNumber(first + Math.floor(random() * span));
    const r = random();
    const frequency: AdvanceFrequency =
      r < 0.7 ? 'monthly' : r < 0.75 ? 'bimonthly' : r < 0.9 ? 'quarterly' : r < 0.95 ? 'semiannual' : 'annual';
    const until = addDays(addMonths(anchor, 30 + Math.floor(random() * 13)), -1);
    // a third of the contracts end inside the horizon, truncating their last period
    const contractEnd = random() < 1 / 3 ? addDays(anchor, 365 + Math.floor(random() * 700)) : null;
    contracts.push({ anchor, frequency, until, contractEnd });
  }
  return contracts;
}

function generate(contracts: readonly Contract[]): { periods: number; checksum: number } {
  let periods = 0;
  let checksum = 0;
  for (const c of contracts) {
    const result = advancePeriods(c.anchor, c.frequency, c.until, c.contractEnd);
    periods += result.length;
    // touch the output so the work can't be optimized away
    if (result.length > 0) checksum = (checksum + result[result.length - 1]!.endDate.charCodeAt(9)) | 0;
  }
  return { periods, checksum };
}

export async function benchScheduleGeneration(): Promise<{ periodsPerSecond: number }> {
  const contracts = randomContracts(CONTRACTS, SEED);
  // warm-up: let the JIT optimize advancePeriods and the date helpers before measuring
  for (let i = 0; i < 3; i++) generate(contracts.slice(0, 50_000));
  const runs: { periods: number; ms: number; checksum: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const { periods, checksum } = generate(contracts);
    runs.push({ periods, ms: performance.now() - t0, checksum });
  }
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const periodsPerSecond = Math.round((best.periods / best.ms) * 1000);
  console.log(
    `schedule generation: ${best.periods} periods in ${best.ms.toFixed(0)} ms = ${periodsPerSecond} periods/s (one core)` +
      (periodsPerSecond < TARGET_PERIODS_PER_SECOND ? ` - below the target of ${TARGET_PERIODS_PER_SECOND} periods/s` : ''),
  );
  return { periodsPerSecond };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchScheduleGeneration();
}
