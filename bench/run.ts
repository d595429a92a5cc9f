/**
 * `npm run bench`: every benchmark, each printing its figures, then the targets they are held to.
 * Not part of the test suite: a slow figure is reported, never a failure. Record results in docs/benchmarks.md.
 */
import { benchAccess } from './access.js';
import { benchBillingRun, benchInvoicePdfs } from './billing-run.js';
import { benchImportMoveIns } from './import-move-ins.js';
import { benchScheduleGeneration } from './schedule-generation.js';
import { benchStartup } from './startup.js';
import { benchUnbilledAndSkip } from './unbilled-and-skip.js';

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const verdicts: string[] = [];
const target = (label: string, value: number, limit: number, unit: string, higherIsBetter = false) =>
  verdicts.push(
    `${(higherIsBetter ? value >= limit : value <= limit) ? 'met ' : 'MISSED'}  ${label}: ${value.toFixed(1)} ${unit} (target ${higherIsBetter ? '>=' : '<='} ${limit} ${unit})`,
  );

/** A figure that bounds a target, printed beside it (what the rows cost to write at all on this server). */
const bound = (label: string, value: number, unit: string) => verdicts.push(`        ${label}: ${value.toFixed(1)} ${unit}`);

if (wanted('schedule')) {
  const { periodsPerSecond } = await benchScheduleGeneration();
  target('schedule generation, periods/s', periodsPerSecond, 1_000_000, '/s', true);
}
if (wanted('startup')) {
  const { firstStartMs, secondStartMs } = await benchStartup();
  target('first start', firstStartMs / 1000, 20, 's');
  target('second start', secondStartMs / 1000, 3, 's');
}
if (wanted('pglite')) {
  const r = await benchUnbilledAndSkip('pglite');
  target('PGlite 100k: unbilled first page median', r.unbilledFirstPageMedianMs!, 50, 'ms');
  target('PGlite 100k: unbilled next page median', r.unbilledNextPageMedianMs!, 50, 'ms');
}
if (wanted('postgres')) {
  const r = await benchUnbilledAndSkip('postgres');
  target('PostgreSQL 1M: unbilled first page median', r.unbilledFirstPageMedianMs!, 20, 'ms');
  target('PostgreSQL 1M: unbilled next page median', r.unbilledNextPageMedianMs!, 20, 'ms');
  target('PostgreSQL 1M: bulk skip of 10,000 periods', r.bulkSkip10kMedianMs!, 1000, 'ms');
}
if (wanted('access')) {
  const r = await benchAccess();
  target('authorization check (cached)', r.authorizationCheckMedianMs, 0.2, 'ms');
  target('PostgreSQL 10k users: first page', r.usersFirstPageMedianMs, 50, 'ms');
}
if (wanted('import-pglite')) {
  const r = await benchImportMoveIns('pglite');
  target('PGlite: import of 10,000 rows', r.importSeconds, 30, 's');
  target('manual move-in with a 5-year historic schedule (PGlite)', r.historicMoveInMedianMs, 100, 'ms');
}
if (wanted('import-postgres')) {
  const r = await benchImportMoveIns('postgres');
  target('PostgreSQL: import of 100,000 rows', r.importSeconds, 60, 's');
  bound('  the same rows written again inside the server, one transaction', r.serverCopySeconds!, 's');
  target('PostgreSQL: import memory (peak RSS)', r.peakRssMb, 500, 'MB');
  target('manual move-in with a 5-year historic schedule (PostgreSQL)', r.historicMoveInMedianMs, 100, 'ms');
}
if (wanted('billing-pglite')) {
  const r = await benchBillingRun('pglite');
  target('PGlite: billing run of 10,000 periods (create and finalize)', r.oneWorkerSeconds, 30, 's');
}
if (wanted('billing-postgres')) {
  const r = await benchBillingRun('postgres');
  target(
    'PostgreSQL: billing run of 1,000,000 periods, the faster of one and two workers',
    Math.min(r.oneWorkerSeconds, r.twoWorkersSeconds!),
    60,
    's',
  );
  bound('  a raw COPY of the same rows into the same tables', r.copySeconds!, 's');
  target('PostgreSQL: the same run with two workers (target: faster than one)', r.twoWorkersSeconds!, r.oneWorkerSeconds, 's');
  target('PostgreSQL: run rows/s ÷ raw COPY rows/s', r.copyRatio!, 0.5, '', true);
}
if (wanted('pdf')) {
  const r = await benchInvoicePdfs();
  target('1,000 invoice PDFs', r.seconds, 20, 's');
}
console.log(`\n${verdicts.join('\n')}`);
